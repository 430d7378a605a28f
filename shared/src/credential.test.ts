import { describe, expect, it } from 'vitest';
import { credentialAlert, credentialVerdict } from './credential';

const expired = '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';

describe('credentialVerdict', () => {
  it('asks for one refresh on a first 401, and calls the credential broken after it', () => {
    expect(credentialVerdict(401, expired, undefined, false)).toBe('refresh');
    expect(credentialVerdict(401, expired, undefined, true)).toBe('broken');
  });
  it('calls a refused grant broken, whether in the body or in a failed token request', () => {
    expect(credentialVerdict(400, '{"error":"invalid_grant","error_description":"expired access/refresh token"}', undefined, false)).toBe('broken');
    expect(credentialVerdict(0, '', 'OAuth token request for "Seam Salesforce" failed with HTTP 400: {"error":"invalid_client"}', false)).toBe('broken');
    expect(credentialVerdict(0, '', 'OAuth token request for "Seam Salesforce" failed with HTTP 401: {"error":"unknown"}', false)).toBe('broken');
  });
  it('leaves other failures to the normal retry', () => {
    expect(credentialVerdict(503, 'SERVER_UNAVAILABLE', undefined, false)).toBe('ok');
    expect(credentialVerdict(0, '', 'connect ECONNREFUSED', false)).toBe('ok');
    // The token endpoint down is an outage, not a refused credential.
    expect(credentialVerdict(0, '', 'OAuth token request for "Seam Salesforce" failed: ECONNREFUSED', false)).toBe('ok');
    expect(credentialVerdict(0, '', 'OAuth token request for "Seam Salesforce" failed with HTTP 503: SERVER_UNAVAILABLE', false)).toBe('ok');
    expect(credentialVerdict(400, '[{"errorCode":"INVALID_FIELD"}]', undefined, true)).toBe('ok');
  });
});

describe('credentialAlert', () => {
  it('names what happened, that nothing is lost, and the fix', () => {
    const a = credentialAlert('HTTP 401: INVALID_SESSION_ID');
    expect(a).toContain('INVALID_SESSION_ID');
    expect(a).toContain('stay queued');
    expect(a).toContain('Get OAuth Token');
  });
});
