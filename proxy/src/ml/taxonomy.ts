/**
 * How the public labels map onto Seam's triage categories (`TRIAGE_CATEGORIES` in the shared
 * schemas). The mapping is hand-made and coarse: the IT set publishes its categories as bare
 * numbers, so their meaning was read off each code's most distinctive words (code 4: application
 * and account requests, 5: hardware purchases, 6: servers and network, 7 and 11: badges and
 * physical access). Category accuracy on the public data therefore measures agreement with this
 * mapping; a customer's own export with real categories is what makes the category head trustworthy.
 */
export type SeamCategory =
  | 'outage' | 'degradation' | 'access' | 'defect' | 'security' | 'data_request'
  | 'how_to' | 'billing' | 'account_change' | 'feature_request' | 'other';

export const SEAM_CATEGORIES: readonly SeamCategory[] = [
  'outage', 'degradation', 'access', 'defect', 'security', 'data_request', 'how_to', 'billing', 'account_change', 'feature_request', 'other',
];

/** Priority words a customer export may use instead of 1-5 (ServiceNow and Salesforce names). */
export const PRIORITY_WORDS: Readonly<Record<string, string>> = {
  '1': '1', '2': '2', '3': '3', '4': '4', '5': '5',
  critical: '1', high: '2', moderate: '3', medium: '3', low: '4', planning: '5',
};

export const IT_CODE_CATEGORY: Readonly<Record<string, SeamCategory>> = {
  '4': 'access',
  '5': 'other',
  '6': 'degradation',
  '7': 'access',
  '11': 'access',
  '1': 'other',
  '8': 'other',
};

const BANKING_GROUPS: Readonly<Record<SeamCategory, readonly string[]>> = {
  billing: [
    'exchange_rate', 'card_payment_wrong_exchange_rate', 'extra_charge_on_statement', 'top_up_by_bank_transfer_charge',
    'card_payment_fee_charged', 'transfer_fee_charged', 'exchange_charge', 'top_up_by_card_charge', 'cash_withdrawal_charge',
    'wrong_exchange_rate_for_cash_withdrawal', 'request_refund', 'Refund_not_showing_up', 'transaction_charged_twice',
    'wrong_amount_of_cash_received', 'balance_not_updated_after_cheque_or_cash_deposit', 'balance_not_updated_after_bank_transfer',
    'pending_cash_withdrawal', 'pending_top_up', 'pending_card_payment', 'pending_transfer', 'reverted_card_payment?',
    'top_up_reverted', 'transfer_not_received_by_recipient',
  ],
  security: [
    'lost_or_stolen_card', 'compromised_card', 'card_payment_not_recognised', 'cash_withdrawal_not_recognised',
    'direct_debit_payment_not_recognised', 'lost_or_stolen_phone',
  ],
  access: ['passcode_forgotten', 'pin_blocked', 'unable_to_verify_identity'],
  account_change: [
    'edit_personal_details', 'terminate_account', 'change_pin', 'activate_my_card', 'order_physical_card', 'get_physical_card',
    'getting_spare_card', 'getting_virtual_card', 'get_disposable_virtual_card', 'card_linking', 'card_about_to_expire',
    'automatic_top_up', 'cancel_transfer',
  ],
  defect: [
    'card_not_working', 'contactless_not_working', 'virtual_card_not_working', 'top_up_failed', 'declined_card_payment',
    'declined_transfer', 'declined_cash_withdrawal', 'failed_transfer', 'beneficiary_not_allowed', 'card_swallowed',
  ],
  how_to: [
    'card_arrival', 'card_delivery_estimate', 'exchange_via_app', 'age_limit', 'top_up_limits', 'supported_cards_and_currencies',
    'fiat_currency_support', 'card_acceptance', 'visa_or_mastercard', 'topping_up_by_card', 'disposable_card_limits',
    'atm_support', 'why_verify_identity', 'verify_my_identity', 'verify_source_of_funds', 'verify_top_up', 'receiving_money',
    'transfer_into_account', 'top_up_by_cash_or_cheque', 'country_support', 'apple_pay_or_google_pay', 'transfer_timing',
  ],
  outage: [],
  degradation: [],
  data_request: [],
  feature_request: [],
  other: [],
};

export const BANKING_INTENT_CATEGORY: Readonly<Record<string, SeamCategory>> = Object.fromEntries(
  (Object.entries(BANKING_GROUPS) as [SeamCategory, readonly string[]][]).flatMap(([cat, intents]) => intents.map((i) => [i, cat])),
);
