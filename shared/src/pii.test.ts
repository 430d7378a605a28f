import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IBAN_LENGTHS, contactNameVariants, ibanValid, ipv6Valid, luhnValid, maskPii, unmaskPii } from './pii';

// ---- generators ------------------------------------------------------------------------------

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** Appends the Luhn check digit. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
const group = (s: string, size: number, sep: string): string => s.match(new RegExp(`.{1,${size}}`, 'g'))!.join(sep);

const cardArb = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(11, 17), fc.constantFrom('', ' ', '-'))
  .map(([first, rest, sep]) => group(withLuhn(`${first}${rest}`), 4, sep));

function ibanCheck(country: string, bban: string): string {
  const moved = `${bban}${country}00`;
  let rem = 0;
  for (const ch of moved) {
    const v = parseInt(ch, 36);
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return String(98 - rem).padStart(2, '0');
}
const upperAlnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const ibanArb = fc
  .constantFrom(...Object.entries(IBAN_LENGTHS))
  .chain(([cc, length]) => fc.tuple(fc.constant(cc), fc.array(upperAlnum, { minLength: length - 4, maxLength: length - 4 }).map((a) => a.join('')), fc.boolean()))
  .map(([cc, bban, spaced]) => {
    const iban = `${cc}${ibanCheck(cc, bban)}${bban}`;
    return spaced ? group(iban, 4, ' ') : iban;
  });

const phoneArb = fc.oneof(
  fc.tuple(digits(3, 3), digits(3, 3), digits(4, 4)).map(([a, b, c]) => `${a}-${b}-${c}`),
  fc.tuple(digits(3, 3), digits(3, 3), digits(4, 4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  fc.tuple(fc.integer({ min: 1, max: 99 }), digits(2, 3), digits(3, 4), digits(4, 4)).map(([cc, a, b, c]) => `+${cc} ${a} ${b} ${c}`),
  fc.tuple(digits(3, 4), digits(6, 8)).map(([a, b]) => `0${a} ${b}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), digits(9, 11)).map(([a, b]) => `+${a}${b}`),
  fc.tuple(digits(2, 2), digits(2, 2), digits(2, 2), digits(2, 2), digits(2, 2)).map((p) => p.join('.')),
);

const words = fc.array(fc.constantFrom('the', 'VPN', 'is', 'down', 'call', 'me', 'at', 'or', 'card', 'please', 'Re:', '(see', 'ticket)'), { maxLength: 5 }).map((w) => w.join(' '));
const after = fc.constantFrom('', '.', ',', ')', ' thanks', '!', '\n');

const kinds = {
  EMAIL: fc.emailAddress(),
  PHONE: phoneArb,
  CARD: cardArb,
  IBAN: ibanArb,
  IP: fc.oneof(fc.ipV4(), fc.ipV6()),
};

// ---- properties ------------------------------------------------------------------------------

describe('generated PII never survives masking, and unmask restores the text', () => {
  for (const [kind, arb] of Object.entries(kinds)) {
    it(kind, () => {
      fc.assert(
        fc.property(words, arb, after, words, (before, value, tail, more) => {
          const text = `${before} ${value}${tail} ${more}`;
          const masked = maskPii(text);
          expect(masked.text).not.toContain(value);
          expect(Object.values(masked.tokens)).toContain(value);
          // A phone number that happens to be Luhn-valid is masked as a card: still masked.
          const token = Object.keys(masked.tokens).find((t) => masked.tokens[t] === value);
          expect(token).toMatch(kind === 'PHONE' ? /^\[(PHONE|CARD)_\d+\]$/ : new RegExp(`^\\[${kind}_\\d+\\]$`));
          expect(unmaskPii(masked.text, masked.tokens)).toBe(text);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('unmask(mask(text)) is the text, for any text (including literal token look-alikes)', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('[EMAIL_1]', '[IP_2]', ' a@b.io ', ' 10.0.0.1 ', ' ::1 ', ' 4111 1111 1111 1111 ', ' +1 415 555 0134 '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), (text) => {
        const masked = maskPii(text);
        expect(unmaskPii(masked.text, masked.tokens)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('several kinds in one text, the same value twice gets one token', () => {
    fc.assert(
      fc.property(fc.emailAddress(), phoneArb, cardArb, ibanArb, fc.ipV4(), (email, phone, card, iban, ip) => {
        const text = `Mail ${email} or ${email}, phone ${phone}; card ${card}; IBAN ${iban}; from ${ip}.`;
        const masked = maskPii(text);
        for (const v of [email, phone, card, iban, ip]) expect(masked.text).not.toContain(v);
        expect(masked.text.match(/\[EMAIL_1\]/g)).toHaveLength(2);
        expect(unmaskPii(masked.text, masked.tokens)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- examples --------------------------------------------------------------------------------

describe('maskPii', () => {
  it('masks each kind with numbered tokens', () => {
    const text =
      'Jane Doe (jane.doe@acme.com, +1 415 555 0134) paid with 4111 1111 1111 1111 from DE89 3704 0044 0532 0130 00; ' +
      'server 10.0.0.12 and fe80::1ff:fe23:4567:890a. Call Jane or DOE.';
    const m = maskPii(text, { contactNames: ['Jane Doe'] });
    expect(m.text).toBe(
      '[NAME_1] ([EMAIL_1], [PHONE_1]) paid with [CARD_1] from [IBAN_1]; server [IP_2] and [IP_1]. Call [NAME_2] or [NAME_3].',
    );
    expect(m.tokens['[NAME_3]']).toBe('Doe');
    expect(unmaskPii(m.text, m.tokens)).toBe(text.replace('DOE', 'Doe'));
  });

  it('finds e-mails from the "@" outwards, without sentence punctuation', () => {
    expect(maskPii('Mail ...jane.doe@acme.co.uk. Or a@b, or @home, or x@y.io..').text).toBe('Mail ...[EMAIL_1]. Or a@b, or @home, or [EMAIL_2]..');
    expect(maskPii('j.doe@a.io@b.io').text).toBe('[EMAIL_1]@b.io');
  });

  it('leaves numbers that fail their checks, dates, times and ids alone', () => {
    const text =
      'Card 4111 1111 1111 1112, IBAN DE89 3704 0044 0532 0130 01, case 00001026, INC0012345, ' +
      'on 2026-01-10 12:00:00 or 2026-01-10T12:00:00Z, version 1.2.3, at 10:30, 999.1.1.1, sys_id 9d385017c611228701d22104cc95c371, ' +
      'std::vector, amount 1,250.00';
    expect(maskPii(text).text).toBe(text);
  });

  it('masks names case-insensitively, whole words only, and full names before parts', () => {
    const m = maskPii('JANE DOE wrote; jane again; Janet and Doerte are others; Mary-Jane too', { contactNames: ['Jane Doe', '  '] });
    expect(m.text).toBe('[NAME_1] wrote; [NAME_2] again; Janet and Doerte are others; Mary-[NAME_2] too');
    expect(m.tokens).toEqual({ '[NAME_1]': 'Jane Doe', '[NAME_2]': 'Jane' });
  });

  it('continues numbering across texts of one request and keeps existing tokens', () => {
    const first = maskPii('mail a@b.co', {});
    const second = maskPii('mail c@d.co and a@b.co, see [EMAIL_1]', { tokens: first.tokens });
    expect(second.text).toBe('mail [EMAIL_2] and [EMAIL_1], see [EMAIL_1]');
    expect(unmaskPii(second.text, second.tokens)).toBe('mail c@d.co and a@b.co, see a@b.co');
  });

  it('never reuses a token-like literal already in the text', () => {
    const m = maskPii('literal [EMAIL_1] and x@y.io');
    expect(m.text).toBe('literal [EMAIL_1] and [EMAIL_2]');
    expect(unmaskPii(m.text, m.tokens)).toBe('literal [EMAIL_1] and x@y.io');
  });

  it('restores names from earlier tokens case-insensitively', () => {
    const first = maskPii('Hi Jane', { contactNames: ['Jane'] });
    const second = maskPii('jane said', { contactNames: ['Jane'], tokens: first.tokens });
    expect(second.text).toBe('[NAME_1] said');
  });
});

describe('checks', () => {
  it('luhn, iban, ipv6', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('41x1')).toBe(false);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(ibanValid('GB82')).toBe(false);
    // Unregistered countries are masked only in compact form.
    expect(maskPii('iban ZZ9812345678901234567 ok').text).toBe('iban [IBAN_1] ok');
    expect(maskPii('iban ZZ98 1234 5678 9012 3456 7 ok').text).toBe('iban ZZ98 1234 5678 9012 3456 7 ok');
    for (const ok of ['::', '::1', '2001:db8::8a2e:370:7334', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8']) expect(ipv6Valid(ok), ok).toBe(true);
    for (const bad of ['1:2:3', '1::2::3', '12345::1', '::ffff:999.0.0.1', '1:2:3:4:5:6:7:8:9', '1.2.3.4']) expect(ipv6Valid(bad), bad).toBe(false);
  });

  it('contactNameVariants gives full names and parts once', () => {
    expect(contactNameVariants(['Jane  Doe', 'jane doe', "O'Neil, Pat."])).toEqual(['Jane Doe', 'Jane', 'Doe', "O'Neil, Pat.", "O'Neil", 'Pat']);
  });
});
