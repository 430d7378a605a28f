/**
 * Token lifecycle: tells a broken credential from a broken call. A revoked or expired grant is
 * not the message's fault, so the outbox pauses (nothing is retried, no attempt is spent) until
 * a probe call proves the credential works again; every other failure keeps its normal retry.
 */

/** What a failed Salesforce answer says about the credential. */
export type CredentialVerdict =
  /** The session token was rejected: get a new one and try once more. */
  | 'refresh'
  /** The grant itself is refused (revoked, expired, wrong secret): pause and alert. */
  | 'broken'
  /** Not about the credential. */
  | 'ok';

const GRANT_ERRORS = /\b(invalid_grant|invalid_client|invalid_client_id|unauthorized_client|inactive_user|inactive_org)\b/;

/**
 * `status` 0 means no HTTP answer; the platform then reports a failed token request in the
 * error text. `retried` is true when this answer came after one refresh already.
 */
export function credentialVerdict(status: number, body: string, error: string | undefined, retried: boolean): CredentialVerdict {
  const text = `${body ?? ''} ${error ?? ''}`;
  if (GRANT_ERRORS.test(text)) return 'broken';
  if (status === 401) return retried ? 'broken' : 'refresh';
  // A token request the endpoint refused (4xx) is a credential problem; one that timed out or met
  // a 5xx is an outage, retried with backoff like any other.
  if (status === 0 && /oauth/i.test(error ?? '') && /token/i.test(error ?? '') && /\bHTTP 4\d\d\b/.test(error ?? '')) return 'broken';
  return 'ok';
}

/** The one alert an admin sees while the credential is broken: what happened and the fix. */
export function credentialAlert(detail: string): string {
  return (
    'Seam paused sending to Salesforce: the OAuth credential of the REST message "Seam Salesforce" was refused ' +
    `(${detail.slice(0, 300)}). Messages stay queued and keep their attempts. Fix: in Salesforce, check the connected app ` +
    '(client credentials flow enabled, Run As user active, secret not rotated); in ServiceNow, update Client ID/Secret on ' +
    'the Application Registry entry "Seam Salesforce" and click "Get OAuth Token" on the OAuth profile. Seam probes every ' +
    'drain run and resumes by itself once a call succeeds.'
  );
}
