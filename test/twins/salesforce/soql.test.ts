import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSoql, soqlQuote, type SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

const errorOf = (fn: () => unknown): { errorCode: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return e as { errorCode: string; message: string };
  }
  throw new Error('expected the parser to refuse the query');
};

describe('SOQL parser', () => {
  it('parses fields, relationship paths, nested conditions, ordering and paging', () => {
    const ast = parseSoql(
      "SELECT Id, Account.Name FROM Case WHERE (Status = 'New' OR Priority IN ('High','Low')) AND NOT Subject LIKE 'x%' ORDER BY CaseNumber DESC NULLS FIRST LIMIT 10 OFFSET 5",
    ) as any;
    expect(ast.select.map((s: any) => s.path)).toEqual(['Id', 'Account.Name']);
    expect(ast.from).toBe('Case');
    expect(ast.where.type).toBe('and');
    expect(ast.where.items[0].type).toBe('or');
    expect(ast.where.items[0].items[1]).toMatchObject({ type: 'in', path: 'Priority', negate: false });
    expect(ast.where.items[1]).toMatchObject({ type: 'not', expr: { type: 'cmp', op: 'LIKE' } });
    expect(ast.orderBy).toEqual([{ path: 'CaseNumber', desc: true, nullsLast: false }]);
    expect(ast.limit).toBe(10);
    expect(ast.offset).toBe(5);
  });

  it('reads escapes inside string literals', () => {
    const ast = parseSoql("SELECT Id FROM Case WHERE Subject = 'O\\'Brien \\\\ \\n'") as any;
    expect(ast.where.value.value).toBe("O'Brien \\ \n");
  });

  it('keeps a quoted value inside its literal: soqlQuote defeats injection', () => {
    const hostile = "x' OR Subject != '";
    const ast = parseSoql(`SELECT Id FROM Case WHERE Subject = ${soqlQuote(hostile)}`) as any;
    expect(ast.where).toMatchObject({ type: 'cmp', path: 'Subject', op: '=' });
    expect(ast.where.value.value).toBe(hostile);
    // A trailing backslash cannot swallow the closing quote either.
    const ast2 = parseSoql(`SELECT Id FROM Case WHERE Subject = ${soqlQuote('abc\\')}`) as any;
    expect(ast2.where.value.value).toBe('abc\\');
  });

  it('any value quoted with soqlQuote parses back to exactly that value, as one comparison (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
      const ast = parseSoql(`SELECT Id FROM Case WHERE Subject = ${soqlQuote(value)} AND Status = 'New'`) as any;
      expect(ast.where.type).toBe('and');
      expect(ast.where.items).toHaveLength(2);
      expect(ast.where.items[0]).toMatchObject({ type: 'cmp', path: 'Subject', op: '=' });
      expect(ast.where.items[0].value.value).toBe(value);
    }), { numRuns: 300 });
  });

  it.each([
    ['SELECT Id FROM Case WHERE Subject = \'unterminated', "expecting '''"],
    ["SELECT Id FROM Case WHERE Subject = 'a'; DELETE FROM Case", 'no viable alternative at character \';\''],
    ["SELECT Id FROM Case WHERE Subject = 'a' OR 1=1", "unexpected token: '1'"],
    ["SELECT Id FROM Case WHERE Subject = 'a' OR 1=1 --'", "expecting '''"],
    ['SELECT Id FROM Case WHERE', "unexpected token: '<EOF>'"],
    ['SELECT Id Case', "unexpected token: 'Case'"],
    ['SELECT FROM Case', "unexpected token: 'FROM'"],
    ["SELECT Id FROM Case WHERE Status = 'New' AND Priority = 'High' OR Origin = 'Web'", "unexpected token: 'OR'"],
    ["SELECT Id FROM Case WHERE Subject = 'a\\q'", 'Illegal character sequence'],
    ['SELECT Id FROM Case LIMIT ten', "unexpected token: 'ten'"],
    ["SELECT Id FROM Case WHERE CreatedDate > NEXT_WEEKEND", "unexpected token: 'NEXT_WEEKEND'"],
  ])('refuses %s with MALFORMED_QUERY', (soql, problem) => {
    const e = errorOf(() => parseSoql(soql));
    expect(e.errorCode).toBe('MALFORMED_QUERY');
    expect(e.message).toContain(problem);
    expect(e.message).toMatch(/ERROR at Row:1:Column:\d+/);
  });
});

describe('SOQL against the twin', () => {
  let twin: SalesforceTwin;
  let c: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    twin = await startTwin();
    c = await client(twin);
    const acme = await c.call('POST', '/sobjects/Account', { Name: 'Acme', Seam_Contract_Value__c: 120000 });
    const globex = await c.call('POST', '/sobjects/Account', { Name: 'Globex' });
    ids.acme = acme.body.id;
    ids.globex = globex.body.id;
    const rows = [
      { Subject: 'Login error', Priority: 'High', Status: 'New', AccountId: ids.acme, Origin: 'Web' },
      { Subject: "O'Brien cannot log in", Priority: 'Medium', Status: 'Working', AccountId: ids.globex },
      { Subject: 'Billing question', Priority: 'Low', Status: 'New' },
      { Subject: '100%_sure', Priority: 'High', Status: 'Closed', Seam_Triage_Confidence__c: 0.91 },
    ];
    for (const r of rows) ids[r.Subject] = (await c.call('POST', '/sobjects/Case', r)).body.id;
  });
  afterAll(() => twin.close());

  const subjects = async (soql: string) => {
    const r = await c.call('GET', q(soql));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.records.map((x: any) => x.Subject);
  };

  it('filters with comparison, LIKE, IN, NOT IN, NOT, null and parentheses', async () => {
    expect(await subjects("SELECT Subject FROM Case WHERE Priority = 'high' ORDER BY Subject")).toEqual(['100%_sure', 'Login error']);
    expect(await subjects("SELECT Subject FROM Case WHERE Subject LIKE '%log%' ORDER BY Subject")).toEqual(['Login error', "O'Brien cannot log in"]);
    expect(await subjects("SELECT Subject FROM Case WHERE Subject LIKE '100\\%\\_%'")).toEqual(['100%_sure']);
    expect(await subjects("SELECT Subject FROM Case WHERE Subject LIKE '100_%'")).toEqual(['100%_sure']);
    expect(await subjects("SELECT Subject FROM Case WHERE Status NOT IN ('New', 'Closed')")).toEqual(["O'Brien cannot log in"]);
    expect(await subjects("SELECT Subject FROM Case WHERE Priority IN ('Low', 'Medium') ORDER BY Priority")).toEqual(['Billing question', "O'Brien cannot log in"]);
    expect(await subjects('SELECT Subject FROM Case WHERE AccountId = null')).toEqual(['Billing question', '100%_sure']);
    expect(await subjects("SELECT Subject FROM Case WHERE AccountId != null AND (Priority = 'High' OR Status = 'Working') ORDER BY Subject DESC")).toEqual(["O'Brien cannot log in", 'Login error']);
    expect(await subjects("SELECT Subject FROM Case WHERE NOT (Status = 'New')  ORDER BY Subject")).toEqual(['100%_sure', "O'Brien cannot log in"]);
    expect(await subjects('SELECT Subject FROM Case WHERE Seam_Triage_Confidence__c >= 0.9')).toEqual(['100%_sure']);
    expect(await subjects('SELECT Subject FROM Case WHERE IsClosed = true')).toEqual(['100%_sure']);
    expect(await subjects(`SELECT Subject FROM Case WHERE Id = '${ids['Login error'].slice(0, 15)}'`)).toEqual(['Login error']);
  });

  it('understands date literals', async () => {
    expect((await subjects('SELECT Subject FROM Case WHERE CreatedDate = TODAY')).length).toBe(4);
    expect(await subjects('SELECT Subject FROM Case WHERE CreatedDate < YESTERDAY')).toEqual([]);
    expect((await subjects('SELECT Subject FROM Case WHERE CreatedDate = LAST_N_DAYS:7')).length).toBe(4);
    expect((await subjects('SELECT Subject FROM Case WHERE CreatedDate > 2020-01-01T00:00:00Z')).length).toBe(4);
    expect(await subjects('SELECT Subject FROM Case WHERE CreatedDate > 2999-01-01T00:00:00Z')).toEqual([]);
  });

  it('returns relationship fields as nested records, null when the lookup is empty', async () => {
    const r = await c.call('GET', q("SELECT Subject, Account.Name, Account.Seam_Contract_Value__c FROM Case WHERE Subject IN ('Login error', 'Billing question') ORDER BY Subject"));
    expect(r.body.records[0]).toEqual({
      attributes: { type: 'Case', url: `/services/data/v62.0/sobjects/Case/${ids['Billing question']}` },
      Subject: 'Billing question',
      Account: null,
    });
    expect(r.body.records[1].Account).toEqual({
      attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${ids.acme}` },
      Name: 'Acme',
      Seam_Contract_Value__c: 120000,
    });
    expect(await subjects("SELECT Subject FROM Case WHERE Account.Name = 'Globex'")).toEqual(["O'Brien cannot log in"]);
  });

  it('returns child records with parent-to-child subqueries, null when there are none', async () => {
    await c.call('POST', '/sobjects/CaseComment', { ParentId: ids['Login error'], CommentBody: 'second', IsPublished: true });
    await c.call('POST', '/sobjects/CaseComment', { ParentId: ids['Login error'], CommentBody: 'first', IsPublished: false });
    const r = await c.call('GET', q("SELECT Subject, (SELECT CommentBody FROM CaseComments WHERE IsPublished = true ORDER BY CommentBody), (SELECT Id FROM Tasks) FROM Case WHERE Subject IN ('Login error', 'Billing question') ORDER BY Subject"));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.records[0]).toMatchObject({ Subject: 'Billing question', CaseComments: null, Tasks: null });
    expect(r.body.records[1].CaseComments).toEqual({ totalSize: 1, done: true, records: [
      { attributes: { type: 'CaseComment', url: expect.stringMatching(/\/CaseComment\/00a/) }, CommentBody: 'second' },
    ] });
    const accounts = await c.call('GET', q("SELECT Name, (SELECT Subject FROM Cases ORDER BY Subject) FROM Account WHERE Name = 'Acme'"));
    expect(accounts.body.records[0].Cases.records.map((x: any) => x.Subject)).toEqual(['Login error']);
    const bad = await c.call('GET', q('SELECT Id, (SELECT Id FROM Comments) FROM Case'));
    expect(bad.status).toBe(400);
    expect(bad.body[0]).toMatchObject({ errorCode: 'INVALID_TYPE', message: expect.stringContaining("Didn't understand relationship 'Comments'") });
    const nested = await c.call('GET', q('SELECT Id, (SELECT Id, (SELECT Id FROM Tasks) FROM CaseComments) FROM Case'));
    expect(nested.body[0].errorCode).toBe('MALFORMED_QUERY');
  });

  it('orders with nulls first by default, then limits and offsets', async () => {
    expect(await subjects('SELECT Subject FROM Case ORDER BY Origin, Subject LIMIT 3')).toEqual(['100%_sure', 'Billing question', "O'Brien cannot log in"]);
    expect(await subjects('SELECT Subject FROM Case ORDER BY Origin DESC, Subject LIMIT 2 OFFSET 1')).toEqual(['100%_sure', 'Billing question']);
  });

  it('counts with COUNT() and COUNT(field)', async () => {
    const count = await c.call('GET', q("SELECT COUNT() FROM Case WHERE Status = 'New'"));
    expect(count.body).toEqual({ totalSize: 2, done: true, records: [] });
    const agg = await c.call('GET', q('SELECT COUNT(AccountId) linked FROM Case'));
    expect(agg.body.records).toEqual([{ attributes: { type: 'AggregateResult' }, linked: 2 }]);
  });

  it('a hostile value concatenated unescaped widens the filter; quoted with soqlQuote it matches nothing', async () => {
    const hostile = "nothing' OR Subject != '";
    expect((await subjects(`SELECT Subject FROM Case WHERE Subject = '${hostile}'`)).length).toBe(4);
    expect(await subjects(`SELECT Subject FROM Case WHERE Subject = ${soqlQuote(hostile)}`)).toEqual([]);
    expect(await subjects(`SELECT Subject FROM Case WHERE Subject = ${soqlQuote("O'Brien cannot log in")}`)).toEqual(["O'Brien cannot log in"]);
  });

  it.each([
    ['SELECT Foo__c FROM Case', 400, 'INVALID_FIELD', "No such column 'Foo__c' on entity 'Case'"],
    ['SELECT Id FROM Nope__c', 400, 'INVALID_TYPE', "sObject type 'Nope__c' is not supported"],
    ['SELECT Id FROM Incident_Update__e', 400, 'INVALID_TYPE', "sObject type 'Incident_Update__e' is not supported"],
    ['SELECT Owner.Foo FROM Nope', 400, 'INVALID_TYPE', 'is not supported'],
    ['SELECT Parent.Name FROM Case', 400, 'INVALID_FIELD', "Didn't understand relationship 'Parent'"],
    ['SELECT Id FROM Case WHERE Seam_Link_Version__c = \'3\'', 400, 'INVALID_FIELD', "field 'Seam_Link_Version__c' must be of type double and should not be enclosed in quotes"],
    ['SELECT Id FROM Case WHERE Subject = 3', 400, 'INVALID_FIELD', "field 'Subject' must be of type string and should be enclosed in quotes"],
    ["SELECT Id FROM Case WHERE Id = 'not-an-id'", 400, 'INVALID_QUERY_FILTER_OPERATOR', 'invalid ID field: not-an-id'],
    ['SELECT Subject, COUNT(Id) FROM Case', 400, 'MALFORMED_QUERY', 'Field must be grouped or aggregated: Subject'],
    ['SELECT Id FROM Case OFFSET 2001', 400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000'],
  ])('%s → %i %s', async (soql, status, errorCode, message) => {
    const r = await c.call('GET', q(soql));
    expect(r.status).toBe(status);
    expect(r.body).toHaveLength(1);
    expect(r.body[0].errorCode).toBe(errorCode);
    expect(r.body[0].message).toContain(message);
  });

  it('pages large results with nextRecordsUrl and the batchSize query option', async () => {
    const records = Array.from({ length: 150 }, (_, i) => ({ attributes: { type: 'Task' }, Subject: `Notify ${i}`, WhatId: ids.acme }));
    await c.call('POST', '/composite/sobjects', { allOrNone: true, records });
    await c.call('POST', '/composite/sobjects', { allOrNone: true, records: records.map((r) => ({ ...r, Subject: `${r.Subject}b` })) });
    const first = await c.call('GET', q('SELECT Id, Subject FROM Task'), undefined, { 'Sforce-Query-Options': 'batchSize=200' });
    expect(first.body.totalSize).toBe(300);
    expect(first.body.done).toBe(false);
    expect(first.body.records).toHaveLength(200);
    expect(first.body.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]+-200$/);
    const next = await c.call('GET', first.body.nextRecordsUrl);
    expect(next.body).toMatchObject({ totalSize: 300, done: true });
    expect(next.body.records).toHaveLength(100);
    expect(next.body.nextRecordsUrl).toBeUndefined();
    const all = new Set([...first.body.records, ...next.body.records].map((r: any) => r.Id));
    expect(all.size).toBe(300);
  });
});
