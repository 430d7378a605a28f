import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, answerLost, lostAnswerQueries, matchLostCreates, type LostCreate } from './lostanswer';

const CASE = '500Tw0000000001IAA';
const ACCOUNT = '001Tw0000000001IAA';
const AT = Date.parse('2026-12-03T18:10:45Z');
const BODY = '[Seam: from ServiceNow · Seam resolution summary]\nResolved.\n\n[AI-generated — review before relying on it]';

const comment = (id: string, body = BODY, lostAtMs = AT): LostCreate => ({ id, type: 'CaseComment', record: { attributes: { type: 'CaseComment' }, ParentId: CASE, CommentBody: body, IsPublished: true }, lostAtMs });
const task = (id: string, subject: string): LostCreate => ({ id, type: 'Task', record: { attributes: { type: 'Task' }, WhatId: ACCOUNT, Subject: subject, Description: 'Draft notice', Priority: 'High' }, lostAtMs: AT });
const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

describe('answerLost', () => {
  it('is ambiguous without an answer, on any 5xx, and on a 2xx it could not read', () => {
    expect([0, 500, 502, 503, 504].map((s) => answerLost(s, false))).toEqual([true, true, true, true, true]);
    expect(answerLost(200, false)).toBe(true);
  });

  it('is not ambiguous when Salesforce refused before any work or answered per record', () => {
    expect([400, 401, 403, 404, 408, 429].map((s) => answerLost(s, false))).toEqual([false, false, false, false, false, false]);
    expect(answerLost(200, true)).toBe(false);
  });
});

describe('lostAnswerQueries', () => {
  it('asks once per sObject type, by parent and creation time less the clock skew, with no body in the query', () => {
    const qs = lostAnswerQueries([comment('a'), comment('b'), task('c', '[INC1] Portal down')]);
    expect(qs.map((q) => [q.type, q.rows.map((r) => r.id)])).toEqual([['CaseComment', ['a', 'b']], ['Task', ['c']]]);
    expect(qs[0].soql).toBe(`SELECT Id, ParentId, CommentBody, IsPublished, CreatedDate FROM CaseComment WHERE ParentId IN ('${CASE}') AND CreatedDate >= 2026-12-03T18:05:45Z ORDER BY CreatedDate LIMIT 2000`);
    expect(qs[1].soql).toContain(`FROM Task WHERE WhatId IN ('${ACCOUNT}')`);
    expect(qs[1].soql).not.toContain('Portal down');
  });

  it('refuses a parent that is not a Salesforce id (it would leave its literal)', () => {
    const bad: LostCreate = { ...comment('a'), record: { ParentId: "x') OR Id != null OR ParentId IN ('" } };
    expect(() => lostAnswerQueries([bad])).toThrow(/ParentId .* is not a Salesforce id/);
  });
});

describe('matchLostCreates', () => {
  it('finds the comment the lost attempt created and sends the rows it did not', () => {
    const found = [{ Id: '00aTw0000000002IAA', ParentId: CASE, CommentBody: BODY, IsPublished: true, CreatedDate: iso(AT + 100) }];
    expect(matchLostCreates([comment('a'), comment('b', 'Another text')], found)).toEqual([
      { action: 'found', id: 'a', recordId: '00aTw0000000002IAA' },
      { action: 'send', id: 'b' },
    ]);
  });

  it('gives one found record to one row only: two equal texts, one created, one more is sent', () => {
    const found = [{ Id: '00a1', ParentId: CASE, CommentBody: BODY, IsPublished: true, CreatedDate: iso(AT) }];
    expect(matchLostCreates([comment('a'), comment('b')], found).map((v) => v.action)).toEqual(['found', 'send']);
  });

  it('ignores a record created before the lost attempt (less the skew), or on another parent, or unpublished', () => {
    const found = [
      { Id: '00a1', ParentId: CASE, CommentBody: BODY, IsPublished: true, CreatedDate: iso(AT - CLOCK_SKEW_MS - 1000) },
      { Id: '00a2', ParentId: '500Tw0000000009IAA', CommentBody: BODY, IsPublished: true, CreatedDate: iso(AT) },
      { Id: '00a3', ParentId: CASE, CommentBody: BODY, IsPublished: false, CreatedDate: iso(AT) },
    ];
    expect(matchLostCreates([comment('a')], found)).toEqual([{ action: 'send', id: 'a' }]);
    // Within the skew: Salesforce's clock a little behind ServiceNow's.
    expect(matchLostCreates([comment('a')], [{ ...found[0], CreatedDate: iso(AT - 1000) }])[0].action).toBe('found');
  });

  it('matches a Task by account, subject and description', () => {
    const found = [
      { Id: '00T1', WhatId: ACCOUNT, Subject: '[INC1] Other incident', Description: 'Draft notice', CreatedDate: iso(AT) },
      { Id: '00T2', WhatId: ACCOUNT, Subject: '[INC1] Portal down', Description: 'Draft notice', CreatedDate: iso(AT) },
    ];
    expect(matchLostCreates([task('t', '[INC1] Portal down')], found)).toEqual([{ action: 'found', id: 't', recordId: '00T2' }]);
  });
});
