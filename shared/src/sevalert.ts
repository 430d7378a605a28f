/**
 * Sev-1 on a high-value account: when a linked incident becomes priority 1 and the case's account
 * is worth at least the configured contract value, the account team is told (a Salesforce Task
 * to the account owner) and a chat channel is told through an incoming webhook (Slack or
 * Microsoft Teams). Once per incident and priority change: the idempotency key is the incident's
 * version at the change, so a replayed event finds the same key and a later P2 → P1 a new one.
 * Pure: the adapters send what these functions decide, through the outbox.
 */
import { idempotencyKey } from './idempotency';

export const CHAT_FORMATS = ['slack', 'teams'] as const;
export type ChatFormat = (typeof CHAT_FORMATS)[number];

export interface Sev1Input {
  readonly incidentSysId: string;
  readonly incidentNumber: string;
  /** The incident's version (`sys_mod_count`) of the change that made it priority 1. */
  readonly version: number;
  readonly priority: number | string;
  readonly previousPriority: number | string | null;
  readonly shortDescription: string;
  readonly caseId: string;
  readonly caseNumber: string;
  /** The case's AccountId; empty when the case has no account. */
  readonly accountId: string;
  readonly accountName?: string;
  readonly accountOwnerId?: string;
  /** `Account.Seam_Contract_Value__c` as synced (text or number); empty = unknown. */
  readonly contractValue: number | string | null;
}

export type Sev1Decision =
  | { readonly alert: false; readonly reason: 'not_p1' | 'not_a_change' | 'below_threshold' }
  | { readonly alert: false; readonly reason: 'no_account' | 'no_contract_value'; readonly problem: string; readonly fix: string }
  | { readonly alert: true; readonly idempotencyKey: string; readonly contractValue: number };

const num = (v: number | string | null | undefined): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[, ]/g, ''));
  return Number.isFinite(n) ? n : null;
};

/** Whether this change alerts, and under which key; problems name the field and the fix. */
export function decideSev1Alert(input: Sev1Input, highValueFrom: number): Sev1Decision {
  if (num(input.priority) !== 1) return { alert: false, reason: 'not_p1' };
  if (num(input.previousPriority) === 1) return { alert: false, reason: 'not_a_change' };
  if (!input.accountId) {
    return { alert: false, reason: 'no_account', problem: `Case ${input.caseNumber || input.caseId} has no AccountId, so no account team can be told`, fix: 'set the Account on the case; the next priority change to 1 alerts' };
  }
  const value = num(input.contractValue);
  if (value === null) {
    return { alert: false, reason: 'no_contract_value', problem: `Account ${input.accountId}: Seam_Contract_Value__c is empty or not a number ("${String(input.contractValue ?? '')}")`, fix: 'fill in the contract value on the account (it syncs with the next case change)' };
  }
  if (value < highValueFrom) return { alert: false, reason: 'below_threshold' };
  return { alert: true, idempotencyKey: idempotencyKey('servicenow', input.incidentSysId, input.version, 'critical-alert'), contractValue: value };
}

const money = (v: number): string => String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The Salesforce Task for the account owner (sObject fields). */
export function sev1AccountTask(input: Sev1Input, contractValue: number): Record<string, string> {
  return {
    Subject: `[${input.incidentNumber}] Priority 1 incident on ${input.accountName || 'your account'}`.slice(0, 255),
    Description:
      `ServiceNow raised ${input.incidentNumber} to priority 1 (critical): ${input.shortDescription}\n` +
      `Case ${input.caseNumber}; account contract value ${money(contractValue)}.\n` +
      'Seam alerts the account team on every change to priority 1 of an incident on a high-value account. Contact the customer as your playbook says.',
    WhatId: input.caseId,
    ...(input.accountOwnerId ? { OwnerId: input.accountOwnerId } : {}),
    Priority: 'High',
    Status: 'Not Started',
  };
}

/** Slack treats &, < and > as markup (`<!channel>` pings everyone): escape ticket text. */
const slackEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The incoming-webhook body for the chosen chat format. */
export function sev1ChatPayload(format: ChatFormat, input: Sev1Input, contractValue: number): Record<string, unknown> {
  const title = `P1 incident ${input.incidentNumber} on ${input.accountName || input.accountId}`;
  const facts: [string, string][] = [
    ['Incident', input.incidentNumber],
    ['Case', input.caseNumber],
    ['Account', input.accountName || input.accountId],
    ['Contract value', money(contractValue)],
  ];
  if (format === 'slack') {
    return {
      text: slackEscape(`${title}: ${input.shortDescription}`),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
        { type: 'section', text: { type: 'mrkdwn', text: slackEscape(input.shortDescription).slice(0, 3000) } },
        { type: 'section', fields: facts.map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${slackEscape(v)}` })) },
      ],
    };
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.2',
          body: [
            { type: 'TextBlock', size: 'Large', weight: 'Bolder', text: title, wrap: true },
            { type: 'TextBlock', text: input.shortDescription, wrap: true },
            { type: 'FactSet', facts: facts.map(([k, v]) => ({ title: k, value: v })) },
          ],
        },
      },
    ],
  };
}

/**
 * What a webhook answer means for the outbox row: 2xx sent; 408, 429 and 5xx (and no answer)
 * retried with backoff; any other 4xx dead-lettered at once (a bad URL or payload does not heal).
 */
export function webhookOutcome(status: number): 'sent' | 'retry' | 'dead_letter' {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'dead_letter';
}
