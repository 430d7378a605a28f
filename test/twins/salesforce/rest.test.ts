import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsforce from 'jsforce';
import type { SalesforceTwin } from './index.js';
import { API, client, q, startTwin, type Client } from './helpers';

let twin: SalesforceTwin;
let c: Client;
let conn: InstanceType<typeof jsforce.Connection>;

beforeAll(async () => {
  twin = await startTwin();
  c = await client(twin);
  // A real client, logged in the way an integration would after the OAuth call.
  conn = new jsforce.Connection({ instanceUrl: twin.url, accessToken: c.token, version: '62.0' });
});
afterAll(() => twin.close());

describe('sObject CRUD through jsforce', () => {
  it('creates, retrieves (15- and 18-char ids), updates and deletes a Case', async () => {
    const account = await conn.sobject('Account').create({ Name: 'Acme', Seam_External_Id__c: 'ACME-1' });
    expect(account).toMatchObject({ success: true, errors: [] });
    const created = await conn.sobject('Case').create({ Subject: 'Login error', Priority: 'High', AccountId: account.id });
    expect(created.success).toBe(true);
    expect(created.id).toMatch(/^500[A-Za-z0-9]{15}$/);

    const got: any = await conn.sobject('Case').retrieve(created.id!);
    expect(got.attributes).toEqual({ type: 'Case', url: `${API}/sobjects/Case/${created.id}` });
    expect(got).toMatchObject({ Id: created.id, Subject: 'Login error', Status: 'New', Priority: 'High', AccountId: account.id, IsClosed: false });
    expect(got.CaseNumber).toMatch(/^\d{8}$/);
    expect(got.CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const by15: any = await conn.sobject('Case').retrieve(created.id!.slice(0, 15));
    expect(by15.Id).toBe(created.id);

    const updated = await conn.sobject('Case').update({ Id: created.id!, Status: 'Closed', Description: 'fixed' });
    expect(updated).toMatchObject({ success: true });
    const after: any = await conn.sobject('Case').retrieve(created.id!);
    expect(after).toMatchObject({ Status: 'Closed', Description: 'fixed', IsClosed: true });
    expect(after.ClosedDate).not.toBeNull();

    const rows = await conn.query<{ Id: string; Account: { Name: string } }>(`SELECT Id, Account.Name FROM Case WHERE Id = '${created.id}'`);
    expect(rows.totalSize).toBe(1);
    expect(rows.records[0].Account.Name).toBe('Acme');

    const comment = await conn.sobject('CaseComment').create({ ParentId: created.id, CommentBody: 'goes with the case' });
    const audit = await conn.sobject('Seam_Audit__c').create({ Case__c: created.id, Result__c: 'kept' });
    await conn.sobject('Case').destroy(created.id!);
    await expect(conn.sobject('Case').retrieve(created.id!)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
    await expect(conn.sobject('CaseComment').retrieve(comment.id!)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
    // Seam_Audit__c.Case__c is deleteConstraint SetNull: the row stays, the lookup is cleared.
    expect(await conn.sobject('Seam_Audit__c').retrieve(audit.id!)).toMatchObject({ Case__c: null, Result__c: 'kept' });
  });

  it('resolves the owner and creator to the integration user', async () => {
    const id = (await c.call('POST', '/sobjects/Case', { Subject: 'Who owns me' })).body.id;
    const r = await c.call('GET', q(`SELECT Owner.Name, CreatedBy.Name FROM Case WHERE Id = '${id}'`));
    expect(r.body.records[0].Owner.Name).toBe('Seam Integration');
    expect(r.body.records[0].CreatedBy.Name).toBe('Seam Integration');
    expect((await c.call('POST', '/sobjects/User', {})).body[0].errorCode).toBe('INVALID_TYPE_FOR_OPERATION');
    expect((await c.call('POST', `/sobjects/Case/${id}`, {})).status).toBe(405);
  });

  it('returns only the requested fields with ?fields=', async () => {
    const id = (await c.call('POST', '/sobjects/Contact', { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' })).body.id;
    const r = await c.call('GET', `/sobjects/Contact/${id}?fields=Name,Email`);
    expect(r.body).toEqual({ attributes: { type: 'Contact', url: `${API}/sobjects/Contact/${id}` }, Name: 'Ada Lovelace', Email: 'ada@example.com' });
  });

  it('upserts by an external id field', async () => {
    const first = await c.call('PATCH', '/sobjects/Account/Seam_External_Id__c/GLOBEX-7', { Name: 'Globex' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ success: true, created: true });
    const second = await c.call('PATCH', '/sobjects/Account/Seam_External_Id__c/GLOBEX-7', { Name: 'Globex Corp' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, created: false });
    expect((await c.call('GET', `/sobjects/Account/${first.body.id}`)).body.Name).toBe('Globex Corp');
  });
});

describe('queries through jsforce', () => {
  it('fetches every page through nextRecordsUrl (autoFetch)', async () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ attributes: { type: 'Contact' }, LastName: `Paged ${i}` }));
    for (let i = 0; i < 3; i++) await c.call('POST', '/composite/sobjects', { allOrNone: true, records });
    const seen: string[] = [];
    const usageBefore = twin.apiUsage;
    await new Promise<void>((resolve, reject) => {
      conn.query("SELECT Id FROM Contact WHERE LastName LIKE 'Paged %'")
        .on('record', (r: any) => seen.push(r.Id)).on('end', () => resolve()).on('error', reject)
        .run({ autoFetch: true, maxFetch: 10000, headers: { 'Sforce-Query-Options': 'batchSize=250' } });
    });
    // 600 rows in batches of 250: the first call and two queryMore calls.
    expect(twin.apiUsage - usageBefore).toBe(3);
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
  });
});

describe('error bodies', () => {
  it.each([
    ['unknown field', { Subject: 'x', Bogus__c: 1 }, 'INVALID_FIELD', "No such column 'Bogus__c' on sobject of type Case", ['Bogus__c']],
    ['wrong type', { Seam_Link_Version__c: 'three' }, 'INVALID_TYPE_ON_FIELD_IN_RECORD', 'value not of required type: three', ['Seam_Link_Version__c']],
    ['too long', { Subject: 'x'.repeat(256) }, 'STRING_TOO_LONG', '(max length=255)', ['Subject']],
    ['restricted picklist', { Seam_Sync_Status__c: 'Maybe' }, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'bad value for restricted picklist field: Maybe', ['Seam_Sync_Status__c']],
    ['read-only field', { CaseNumber: '123' }, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'Unable to create/update fields: CaseNumber', ['CaseNumber']],
    ['malformed lookup', { AccountId: 'abc' }, 'MALFORMED_ID', 'id value of incorrect type: abc', ['AccountId']],
    ['lookup to the wrong object', { AccountId: '003Tw0000000001IAA' }, 'MALFORMED_ID', 'id value of incorrect type', ['AccountId']],
    ['lookup to a missing record', { AccountId: '001Tw00000000zzIAA'.slice(0, 15) }, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['AccountId']],
  ])('%s → 400 %s naming the field', async (_name, body, errorCode, message, fields) => {
    const r = await c.call('POST', '/sobjects/Case', body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual([{ message: expect.stringContaining(message), errorCode, fields }]);
  });

  it('reports a missing required field on create and on update', async () => {
    const r = await c.call('POST', '/sobjects/Contact', { FirstName: 'No last name' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual([{ message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }]);
    const id = (await c.call('POST', '/sobjects/Contact', { LastName: 'Doe' })).body.id;
    const u = await c.call('PATCH', `/sobjects/Contact/${id}`, { LastName: null });
    expect(u.body[0].errorCode).toBe('REQUIRED_FIELD_MISSING');
    const comment = await c.call('POST', '/sobjects/CaseComment', { CommentBody: 'orphan' });
    expect(comment.body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['ParentId'] });
  });

  it('answers NOT_FOUND for unknown records, objects and versions, and JSON_PARSER_ERROR for bad JSON', async () => {
    expect((await c.call('GET', '/sobjects/Case/500Tw00000000zz')).body).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    expect((await c.call('GET', '/sobjects/Nope__c/500Tw00000000zz')).status).toBe(404);
    expect((await c.call('GET', '/services/data/v99.0/limits')).status).toBe(404);
    const raw = await fetch(`${twin.url}${API}/sobjects/Case`, { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' }, body: '{"Subject":' });
    expect(raw.status).toBe(400);
    expect((await raw.json())[0].errorCode).toBe('JSON_PARSER_ERROR');
  });
});

describe('sObject Collections', () => {
  it('creates 200 records in one call and refuses 201', async () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ attributes: { type: 'Contact' }, LastName: `Bulk ${i}` }));
    const r = await c.call('POST', '/composite/sobjects', { allOrNone: false, records });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(200);
    expect(r.body.every((x: any) => x.success && /^003/.test(x.id) && x.errors.length === 0)).toBe(true);
    expect(new Set(r.body.map((x: any) => x.id)).size).toBe(200);
    const count = await c.call('GET', q("SELECT COUNT() FROM Contact WHERE LastName LIKE 'Bulk %'"));
    expect(count.body.totalSize).toBe(200);

    const tooMany = await c.call('POST', '/composite/sobjects', { records: [...records, { attributes: { type: 'Contact' }, LastName: 'one more' }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
  });

  it('keeps the valid records when allOrNone is false (partial failure)', async () => {
    const r = await c.call('POST', '/composite/sobjects', { allOrNone: false, records: [
      { attributes: { type: 'Account' }, Name: 'Partial A' },
      { attributes: { type: 'Account' } },
      { attributes: { type: 'Contact' }, LastName: 'Partial C', Email: 'not-an-email' },
      { Name: 'no type' },
    ] });
    expect(r.body[0]).toMatchObject({ success: true, errors: [] });
    expect(r.body[1]).toEqual({ success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] }] });
    expect(r.body[2].errors[0]).toMatchObject({ statusCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] });
    expect(r.body[3].errors[0].statusCode).toBe('INVALID_TYPE');
    expect((await c.call('GET', q("SELECT COUNT() FROM Account WHERE Name = 'Partial A'"))).body.totalSize).toBe(1);
  });

  it('rolls everything back when allOrNone is true', async () => {
    const r = await c.call('POST', '/composite/sobjects', { allOrNone: true, records: [
      { attributes: { type: 'Account' }, Name: 'Atomic A' },
      { attributes: { type: 'Account' }, Name: 'x'.repeat(300) },
    ] });
    expect(r.body[0]).toEqual({ success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: expect.stringContaining('rolled back'), fields: [] }] });
    expect(r.body[1].errors[0].statusCode).toBe('STRING_TOO_LONG');
    expect((await c.call('GET', q("SELECT COUNT() FROM Account WHERE Name = 'Atomic A'"))).body.totalSize).toBe(0);
  });

  it('updates, retrieves and deletes collections', async () => {
    const made = await conn.sobject('Account').create([{ Name: 'Coll 1' }, { Name: 'Coll 2' }], { allOrNone: true });
    const ids = made.map((m) => m.id!);
    const upd = await c.call('PATCH', '/composite/sobjects', { allOrNone: false, records: [
      { attributes: { type: 'Account' }, id: ids[0], Name: 'Coll 1b' },
      { attributes: { type: 'Account' }, id: '001Tw00000000zzIAA', Name: 'ghost' },
      { attributes: { type: 'Account' }, Name: 'no id' },
    ] });
    expect(upd.body[0]).toEqual({ id: ids[0], success: true, errors: [] });
    expect(upd.body[1].errors[0].statusCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect(upd.body[2].errors[0].statusCode).toBe('MISSING_ARGUMENT');
    const got = await c.call('GET', `/composite/sobjects/Account?ids=${ids.join(',')},001Tw00000000zzIAA&fields=Id,Name`);
    expect(got.body.map((r: any) => r && r.Name)).toEqual(['Coll 1b', 'Coll 2', null]);
    const viaJsforce: any[] = await conn.sobject('Account').retrieve(ids, { fields: ['Name'] });
    expect(viaJsforce.map((r) => r.Name)).toEqual(['Coll 1b', 'Coll 2']);
    const del = await c.call('DELETE', `/composite/sobjects?ids=${ids.join(',')}&allOrNone=false`);
    expect(del.body.map((r: any) => r.success)).toEqual([true, true]);
    expect((await c.call('GET', `/sobjects/Account/${ids[0]}`)).status).toBe(404);
  });
});

describe('composite', () => {
  it('runs subrequests in order and resolves @{reference} values', async () => {
    const r = await c.call('POST', '/composite', { allOrNone: true, compositeRequest: [
      { method: 'POST', url: `${API}/sobjects/Account`, referenceId: 'NewAccount', body: { Name: 'Initech' } },
      { method: 'POST', url: `${API}/sobjects/Contact`, referenceId: 'NewContact', body: { LastName: 'Lumbergh', AccountId: '@{NewAccount.id}' } },
      { method: 'POST', url: `${API}/sobjects/Case`, referenceId: 'NewCase', body: { Subject: 'TPS reports', AccountId: '@{NewAccount.id}', ContactId: '@{NewContact.id}' } },
      { method: 'GET', url: `${API}/query?q=${encodeURIComponent("SELECT Id, Contact.LastName FROM Case WHERE Subject = 'TPS reports'")}`, referenceId: 'Found' },
      { method: 'GET', url: `${API}/sobjects/Case/@{Found.records[0].Id}?fields=Subject`, referenceId: 'Again' },
    ] });
    expect(r.status).toBe(200);
    const [acc, con, cas, found, again] = r.body.compositeResponse;
    expect(acc).toMatchObject({ httpStatusCode: 201, referenceId: 'NewAccount', body: { success: true } });
    expect(acc.httpHeaders.Location).toBe(`${API}/sobjects/Account/${acc.body.id}`);
    expect(con.httpStatusCode).toBe(201);
    expect(cas.httpStatusCode).toBe(201);
    expect(found.body.records[0]).toMatchObject({ Id: cas.body.id, Contact: { LastName: 'Lumbergh' } });
    expect(again.body.Subject).toBe('TPS reports');
    const stored: any = await conn.sobject('Case').retrieve(cas.body.id);
    expect(stored).toMatchObject({ AccountId: acc.body.id, ContactId: con.body.id });
  });

  it('with allOrNone true, one failure rolls back all and halts the rest', async () => {
    const r = await c.call('POST', '/composite', { allOrNone: true, compositeRequest: [
      { method: 'POST', url: `${API}/sobjects/Account`, referenceId: 'A', body: { Name: 'Rolled back Inc' } },
      { method: 'POST', url: `${API}/sobjects/Contact`, referenceId: 'B', body: { AccountId: '@{A.id}' } },
      { method: 'POST', url: `${API}/sobjects/Case`, referenceId: 'C', body: { Subject: 'never' } },
    ] });
    const [a, b, cc] = r.body.compositeResponse;
    expect(b).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'REQUIRED_FIELD_MISSING' }] });
    expect(a).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] });
    expect(cc).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] });
    expect((await c.call('GET', q("SELECT COUNT() FROM Account WHERE Name = 'Rolled back Inc'"))).body.totalSize).toBe(0);
  });

  it('an allOrNone composite makes its collections all-or-none too', async () => {
    const r = await c.call('POST', '/composite', { allOrNone: true, compositeRequest: [
      { method: 'POST', url: `${API}/composite/sobjects`, referenceId: 'Accounts', body: { allOrNone: false, records: [
        { attributes: { type: 'Account' }, Name: 'Outer wins A' }, { attributes: { type: 'Account' } },
      ] } },
      { method: 'POST', url: `${API}/sobjects/Contact`, referenceId: 'Person', body: { LastName: 'Not kept' } },
    ] });
    const [accounts, person] = r.body.compositeResponse;
    expect(accounts.body[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(accounts.body[1].errors[0].statusCode).toBe('REQUIRED_FIELD_MISSING');
    expect(person).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] });
    expect((await c.call('GET', q("SELECT COUNT() FROM Account WHERE Name = 'Outer wins A'"))).body.totalSize).toBe(0);
    expect((await c.call('GET', q("SELECT COUNT() FROM Contact WHERE LastName = 'Not kept'"))).body.totalSize).toBe(0);
  });

  it('with allOrNone false, a subrequest that references a failed one is halted, others run', async () => {
    const r = await c.call('POST', '/composite', { allOrNone: false, compositeRequest: [
      { method: 'POST', url: `${API}/sobjects/Account`, referenceId: 'Bad', body: {} },
      { method: 'POST', url: `${API}/sobjects/Contact`, referenceId: 'Dependent', body: { LastName: 'X', AccountId: '@{Bad.id}' } },
      { method: 'POST', url: `${API}/sobjects/Account`, referenceId: 'Independent', body: { Name: 'Kept Ltd' } },
    ] });
    const [bad, dep, ind] = r.body.compositeResponse;
    expect(bad.body[0].errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(dep).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED', message: expect.stringContaining('Bad.id') }] });
    expect(ind.httpStatusCode).toBe(201);
  });

  it('refuses more than 25 subrequests and duplicate reference ids', async () => {
    const sub = (i: number) => ({ method: 'GET', url: `${API}/limits`, referenceId: `r${i}` });
    expect((await c.call('POST', '/composite', { compositeRequest: Array.from({ length: 26 }, (_, i) => sub(i)) })).status).toBe(400);
    const dup = await c.call('POST', '/composite', { compositeRequest: [sub(1), sub(1)] });
    expect(dup.body[0].message).toContain('Duplicate referenceId');
  });
});

describe('auth, limits and faults', () => {
  it('issues tokens by client credentials and refuses bad clients and grants', async () => {
    const token = (body: Record<string, string>) =>
      fetch(`${twin.url}/services/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    const ok = await token({ grant_type: 'client_credentials', client_id: twin.clientId, client_secret: twin.clientSecret });
    const tok = await ok.json();
    expect(tok).toMatchObject({ instance_url: twin.url, token_type: 'Bearer', access_token: expect.any(String), signature: expect.any(String) });
    expect(Number(tok.issued_at)).toBeGreaterThan(0);
    const badSecret = await token({ grant_type: 'client_credentials', client_id: twin.clientId, client_secret: 'nope' });
    expect(badSecret.status).toBe(400);
    expect(await badSecret.json()).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' });
    expect(await (await token({ grant_type: 'client_credentials', client_id: 'other', client_secret: 'x' })).json()).toMatchObject({ error: 'invalid_client_id' });
    expect(await (await token({ grant_type: 'password', client_id: twin.clientId, client_secret: twin.clientSecret, username: 'u', password: 'p' })).json()).toMatchObject({ error: 'invalid_grant' });
    expect(await (await token({ grant_type: 'magic' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('works with jsforce\'s own OAuth 2.0 client: client credentials, identity and logout (revoke)', async () => {
    const own = new jsforce.Connection({ oauth2: { loginUrl: twin.url, clientId: twin.clientId, clientSecret: twin.clientSecret }, version: '62.0' });
    const user = await own.authorize({ grant_type: 'client_credentials' });
    expect(user.id).toMatch(/^005/);
    expect(user.organizationId).toMatch(/^00D/);
    expect(own.instanceUrl).toBe(twin.url);
    const identity: any = await own.identity();
    expect(identity).toMatchObject({ user_id: user.id, organization_id: user.organizationId });
    const made = await own.sobject('Account').create({ Name: 'Via OAuth' });
    expect(made.success).toBe(true);
    const token = own.accessToken!;
    await own.logout();
    const after = await fetch(`${twin.url}${API}/limits`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('answers 401 INVALID_SESSION_ID without a token, with a wrong one, after expiry and after revocation', async () => {
    const expected = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
    const none = await fetch(`${twin.url}${API}/limits`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual(expected);
    const wrong = await fetch(`${twin.url}${API}/limits`, { headers: { authorization: 'Bearer forged' } });
    expect(wrong.status).toBe(401);

    const mine = await client(twin);
    expect((await mine.call('GET', '/limits')).status).toBe(200);
    twin.expireTokens();
    const expired = await mine.call('GET', '/limits');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(expected);
    await expect(conn.query('SELECT Id FROM Case')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' });

    const fresh = await client(twin);
    expect((await fresh.call('GET', '/limits')).status).toBe(200);
    twin.revokeTokens();
    expect((await fresh.call('GET', '/limits')).status).toBe(401);
    // Later tests in this file log in again.
    c = await client(twin);
    conn = new jsforce.Connection({ instanceUrl: twin.url, accessToken: c.token, version: '62.0' });
  });

  it('counts API usage in Sforce-Limit-Info and /limits, and stops at the limit', async () => {
    const a = await c.call('GET', '/limits');
    const b = await c.call('GET', '/limits');
    const used = (h: Headers) => Number(/api-usage=(\d+)\/15000/.exec(h.get('sforce-limit-info') ?? '')![1]);
    expect(used(b.headers)).toBe(used(a.headers) + 1);
    expect(b.body.DailyApiRequests).toEqual({ Max: 15000, Remaining: 15000 - used(b.headers) });

    const small = await startTwin({ apiLimit: 2 });
    try {
      const s = await client(small);
      expect((await s.call('GET', '/limits')).headers.get('sforce-limit-info')).toBe('api-usage=1/2');
      await s.call('GET', '/limits');
      const over = await s.call('GET', '/limits');
      expect(over.status).toBe(403);
      expect(over.body[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    } finally {
      await small.close();
    }
  });

  it('injects 503s with Retry-After for a number of calls, then recovers', async () => {
    twin.faults.next({ status: 503, retryAfter: 7, times: 2, path: `${API}/sobjects` });
    const other = await c.call('GET', '/limits');
    expect(other.status).toBe(200);
    const first = await c.call('POST', '/sobjects/Account', { Name: 'During outage' });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body[0].errorCode).toBe('SERVER_UNAVAILABLE');
    expect((await c.call('POST', '/sobjects/Account', { Name: 'During outage' })).status).toBe(503);
    expect((await c.call('POST', '/sobjects/Account', { Name: 'After outage' })).status).toBe(201);
    expect((await c.call('GET', q("SELECT COUNT() FROM Account WHERE Name = 'During outage'"))).body.totalSize).toBe(0);
    expect(twin.faults.pending).toBe(0);
  });

  it('can hold an answer back long enough for a client timeout', async () => {
    twin.faults.next({ delayMs: 400 });
    await expect(fetch(`${twin.url}${API}/limits`, { headers: { authorization: `Bearer ${c.token}` }, signal: AbortSignal.timeout(40) })).rejects.toThrow();
    expect((await c.call('GET', '/limits')).status).toBe(200);
  });

  it('can drop a connection to simulate a timeout', async () => {
    twin.faults.next({ drop: true });
    await expect(c.call('GET', '/limits')).rejects.toThrow();
    expect((await c.call('GET', '/limits')).status).toBe(200);
  });

  it('can process a request and then lose its answer (dropAfter)', async () => {
    twin.faults.next({ dropAfter: true, path: `${API}/sobjects` });
    await expect(c.call('POST', '/sobjects/Account', { Name: 'Answer lost' })).rejects.toThrow();
    // Committed although the client saw no answer: a retry would create it twice.
    expect((await c.call('GET', q("SELECT COUNT() FROM Account WHERE Name = 'Answer lost'"))).body.totalSize).toBe(1);
    expect(twin.faults.pending).toBe(0);
  });

  it('describes objects with the package fields', async () => {
    const d: any = await conn.sobject('Case').describe();
    const sync = d.fields.find((f: any) => f.name === 'Seam_Sync_Status__c');
    expect(sync).toMatchObject({ type: 'picklist', restrictedPicklist: true, custom: true });
    expect(sync.picklistValues.map((v: any) => v.value)).toContain('Synced');
    expect(d.fields.find((f: any) => f.name === 'CaseNumber')).toMatchObject({ createable: false, updateable: false });
  });
});
