import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ATTACHMENT_POLICY,
  attachmentOrigin,
  attachmentTextForPrompt,
  base64ToBytes,
  bytesToBase64,
  contentSha256,
  decideAttachment,
  extractAttachmentText,
  fileExtension,
  parseAttachmentPolicy,
  parseAttachmentTag,
  tagAttachmentOrigin,
  utf8Decode,
  type AttachmentFile,
} from './attachments';
import { sha256Hex, utf8Bytes } from './hash';
import type { System } from './types';

const nodeSha = (bytes: readonly number[]) => createHash('sha256').update(Buffer.from(bytes)).digest('hex');
const file = (bytes: number[], over: Partial<AttachmentFile> = {}): AttachmentFile => ({
  fileName: 'notes.txt',
  sizeBytes: bytes.length,
  sha256: contentSha256(bytes),
  ...over,
});
const policy = DEFAULT_ATTACHMENT_POLICY;
const other = (s: System): System => (s === 'salesforce' ? 'servicenow' : 'salesforce');

describe('contentSha256 and base64', () => {
  it('hashes bytes exactly as Node (and Apex Crypto.generateDigest) do', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (u8) => {
        expect(contentSha256([...u8])).toBe(nodeSha([...u8]));
      }),
    );
    expect(sha256Hex('abc')).toBe(contentSha256(utf8Bytes('abc')));
  });

  it('base64 round-trips and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (u8) => {
        const b64 = bytesToBase64([...u8]);
        expect(b64).toBe(Buffer.from(u8).toString('base64'));
        expect(base64ToBytes(b64)).toEqual([...u8]);
      }),
    );
    expect(base64ToBytes('aGVs\nbG8=')).toEqual(utf8Bytes('hello'));
    expect(base64ToBytes('not base64!')).toBeNull();
    expect(base64ToBytes('abcde')).toBeNull();
  });

  it('utf8Decode matches Node for valid and invalid input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(utf8Decode(utf8Bytes(s))).toBe(s);
    }));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (u8) => {
        expect(utf8Decode([...u8])).toBe(Buffer.from(u8).toString('utf8'));
      }),
    );
  });
});

describe('origin tag', () => {
  it('tags with the side and hash, and reads them back', () => {
    const h = contentSha256([1, 2, 3]);
    const d = tagAttachmentOrigin('Customer log', 'servicenow', h);
    expect(d.startsWith('[Seam: from ServiceNow · sha256:')).toBe(true);
    expect(parseAttachmentTag(d)).toEqual({ origin: 'servicenow', sha256: h });
    expect(parseAttachmentTag('Customer log')).toBeNull();
    expect(parseAttachmentTag(undefined)).toBeNull();
    expect(tagAttachmentOrigin('', 'salesforce', h)).toBe(`[Seam: from Salesforce · sha256:${h}]`);
    expect(tagAttachmentOrigin('x'.repeat(2000), 'salesforce', h).length).toBe(1000);
  });

  it('origin: the adapter record wins over the tag, the tag over "here"', () => {
    const h = contentSha256([9]);
    const tagged = file([9], { description: tagAttachmentOrigin('', 'salesforce', h) });
    expect(attachmentOrigin(tagged, 'servicenow')).toBe('salesforce');
    expect(attachmentOrigin({ ...tagged, origin: 'servicenow' }, 'servicenow')).toBe('servicenow');
    expect(attachmentOrigin(file([9]), 'servicenow')).toBe('servicenow');
  });
});

describe('decideAttachment', () => {
  it('sends a new file with a tagged description', () => {
    const d = decideAttachment({ here: 'servicenow', file: file([104, 105]), knownHashes: [], policy });
    expect(d.send).toBe(true);
    if (d.send) expect(parseAttachmentTag(d.description)?.origin).toBe('servicenow');
  });

  it('skips for each reason, naming it', () => {
    const bytes = [1, 2, 3];
    const f = file(bytes);
    const reason = (over: Partial<Parameters<typeof decideAttachment>[0]>) => {
      const d = decideAttachment({ here: 'salesforce', file: f, knownHashes: [], policy, ...over });
      return d.send ? 'send' : d.reason;
    };
    expect(reason({ file: { ...f, sha256: 'abc' } })).toBe('bad_hash');
    expect(reason({ file: { ...f, origin: 'servicenow' } })).toBe('mirrored');
    expect(reason({ knownHashes: [f.sha256.toUpperCase()] })).toBe('duplicate');
    expect(reason({ file: { ...f, sizeBytes: 0 } })).toBe('empty');
    expect(reason({ policy: { ...policy, maxBytes: 2 } })).toBe('too_large');
    expect(reason({ file: { ...f, fileName: 'setup.EXE' } })).toBe('type_not_allowed');
    expect(reason({ policy: { ...policy, allowedExtensions: ['pdf'] } })).toBe('type_not_allowed');
    expect(reason({ policy: { ...policy, allowedExtensions: ['txt'] } })).toBe('send');
  });

  it('property: a file mirrored from the peer is never sent back, whatever its size, name or the known hashes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<System>('salesforce', 'servicenow'),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.string(),
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 8 }).map((u) => nodeSha([...u])), { maxLength: 3 }),
        fc.boolean(),
        (here, u8, prefix, known, viaRecord) => {
          const bytes = [...u8];
          // What the peer sent: its decision's description, as the receiving adapter stores it.
          const sent = decideAttachment({ here: other(here), file: file(bytes, { description: prefix }), knownHashes: [], policy });
          if (!sent.send) return; // e.g. prefix made a tag already; nothing crossed
          const arrived = file(bytes, viaRecord ? { origin: other(here) } : { description: sent.description });
          const back = decideAttachment({ here, file: arrived, knownHashes: known, policy });
          expect(back.send).toBe(false);
        },
      ),
    );
  });

  it('property: the same content offered twice is sent once (its hash joins the known hashes)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 16 }), { minLength: 1, maxLength: 12 }), (files) => {
        const known: string[] = [];
        let sent = 0;
        for (const u8 of [...files, ...files]) {
          const d = decideAttachment({ here: 'servicenow', file: file([...u8]), knownHashes: known, policy });
          if (d.send) {
            sent++;
            known.push(d.sha256);
          }
        }
        expect(sent).toBe(new Set(files.map((u8) => nodeSha([...u8]))).size);
      }),
    );
  });
});

describe('parseAttachmentPolicy', () => {
  it('reads size and types, names a bad size and keeps the default', () => {
    expect(parseAttachmentPolicy({ maxBytes: '1024', allowedExtensions: 'PDF, .txt,, ' }).policy).toMatchObject({ maxBytes: 1024, allowedExtensions: ['pdf', 'txt'] });
    const bad = parseAttachmentPolicy({ maxBytes: '-5' });
    expect(bad.policy.maxBytes).toBe(DEFAULT_ATTACHMENT_POLICY.maxBytes);
    expect(bad.problems[0]).toMatchObject({ field: 'attachments.max_bytes' });
    expect(parseAttachmentPolicy({}).problems).toEqual([]);
  });

  it('fileExtension', () => {
    expect(fileExtension('a.b.CSV')).toBe('csv');
    expect(fileExtension('.env')).toBe('');
    expect(fileExtension('README')).toBe('');
    expect(fileExtension('x.')).toBe('');
  });
});

describe('extractAttachmentText', () => {
  it('extracts txt, log, csv and json, capped', () => {
    for (const name of ['a.txt', 'b.LOG', 'c.csv', 'd.json']) {
      expect(extractAttachmentText({ fileName: name, content: '\ufeffhello', maxChars: 100 })).toEqual({ status: 'extracted', text: 'hello', truncated: false });
    }
    expect(extractAttachmentText({ fileName: 'a.txt', content: 'abcdef', maxChars: 3 })).toEqual({ status: 'extracted', text: 'abc', truncated: true });
    expect(extractAttachmentText({ fileName: 'a.png', content: 'x', maxChars: 3 })).toMatchObject({ status: 'not_extracted' });
  });

  it('pdf: uncompressed text operators only; compressed streams are reported, not guessed', () => {
    const pdf = '%PDF-1.4\n1 0 obj<</Length 60>>stream\nBT /F1 12 Tf (Disk \\(sda1\\) full) Tj [(err)-20(or 42)] TJ ET\nendstream';
    expect(extractAttachmentText({ fileName: 'r.pdf', content: pdf, maxChars: 500 })).toEqual({ status: 'extracted', text: 'Disk (sda1) full\nerror 42', truncated: false });
    const compressed = '%PDF-1.7\n1 0 obj<</Filter /FlateDecode /Length 9>>stream\nxxxxxxxxx\nendstream';
    expect(extractAttachmentText({ fileName: 'r.pdf', content: compressed, maxChars: 500 })).toMatchObject({ status: 'not_extracted', reason: expect.stringContaining('PDF library') });
    expect(extractAttachmentText({ fileName: 'r.pdf', content: 'hello', maxChars: 500 })).toMatchObject({ status: 'not_extracted' });
    expect(extractAttachmentText({ fileName: 'r.pdf', content: '%PDF-1.4\n', maxChars: 500 })).toMatchObject({ status: 'not_extracted' });
  });

  it('masks PII before a prompt sees the text', () => {
    const out = attachmentTextForPrompt({ fileName: 'a.log', content: 'user jane@example.com from 10.1.2.3', maxChars: 1000 });
    expect(out.status).toBe('extracted');
    if (out.status === 'extracted') {
      expect(out.text).not.toContain('jane@example.com');
      expect(out.text).not.toContain('10.1.2.3');
      expect(Object.values(out.tokens)).toContain('jane@example.com');
    }
    expect(attachmentTextForPrompt({ fileName: 'a.bin', content: 'x', maxChars: 1 }).status).toBe('not_extracted');
  });
});
