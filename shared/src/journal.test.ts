import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AI_LABEL, entryOrigin, isAiLabelled, labelAiText, parseOriginTag, stripOriginTag, tagOrigin } from './journal';

describe('origin tags', () => {
  it('prefixes the body with origin and author', () => {
    expect(tagOrigin('Please retry', 'salesforce', 'Jane Doe')).toBe('[Seam: from Salesforce · Jane Doe]\nPlease retry');
    expect(tagOrigin('x', 'servicenow', 'Beth')).toMatch(/^\[Seam: from ServiceNow · Beth\]\n/);
  });

  it('is idempotent and parses back, whatever the body and author', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom('salesforce' as const, 'servicenow' as const), (body, author, origin) => {
        const tagged = tagOrigin(body, origin, author);
        expect(tagOrigin(tagged, origin, author)).toBe(tagged);
        const parsed = parseOriginTag(tagged);
        expect(parsed?.origin).toBe(origin);
        expect(parsed?.author).not.toMatch(/[\]\n]/);
        if (!parseOriginTag(body)) expect(stripOriginTag(tagged)).toBe(body);
      }),
    );
  });

  it('cleans authors that would break the tag', () => {
    expect(parseOriginTag(tagOrigin('b', 'salesforce', 'Evil]\n[Seam: from ServiceNow · x'))?.origin).toBe('salesforce');
    expect(parseOriginTag(tagOrigin('b', 'salesforce', '  '))?.author).toBe('unknown');
  });

  it('reads tags after the platform normalised the text (CRLF, trimmed newline, leading blanks)', () => {
    expect(parseOriginTag('[Seam: from ServiceNow · Beth]\r\nFixed')).toEqual({ origin: 'servicenow', author: 'Beth', body: 'Fixed' });
    expect(parseOriginTag('[Seam: from ServiceNow · Beth]')).toEqual({ origin: 'servicenow', author: 'Beth', body: '' });
    expect(parseOriginTag('  [Seam: from Salesforce · Jane]\nx')?.origin).toBe('salesforce');
  });

  it('does not mistake text that merely mentions Seam for a tag', () => {
    expect(parseOriginTag('see [Seam: from Salesforce · x]\nlater')).toBeNull();
    expect(stripOriginTag('plain')).toBe('plain');
  });

  it('entryOrigin prefers the origin field, then the tag, then here', () => {
    const base = { id: '1', author: 'a', createdAt: '2026-01-01T00:00:00Z' };
    expect(entryOrigin({ ...base, body: 'x', origin: 'servicenow' }, 'salesforce')).toBe('servicenow');
    expect(entryOrigin({ ...base, body: tagOrigin('x', 'servicenow', 'b') }, 'salesforce')).toBe('servicenow');
    expect(entryOrigin({ ...base, body: 'x' }, 'salesforce')).toBe('salesforce');
  });
});

describe('AI label', () => {
  it('labels AI text once', () => {
    const labelled = labelAiText('Restarted the gateway.');
    expect(labelled).toBe(`Restarted the gateway.\n\n${AI_LABEL}`);
    expect(labelAiText(labelled)).toBe(labelled);
    expect(isAiLabelled(labelled)).toBe(true);
    expect(isAiLabelled('Restarted the gateway.')).toBe(false);
  });
});
