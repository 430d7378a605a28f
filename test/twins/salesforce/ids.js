// @ts-check
/**
 * Salesforce record ids: 15 case-sensitive characters, plus a 3-character suffix that encodes
 * which of the 15 are upper case, so the 18-character form survives case-insensitive systems.
 * The twin issues 18-character ids and accepts either form on input, as the platform does.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The 3-character checksum suffix of a 15-character id.
 * @param {string} id15
 * @returns {string}
 */
export function idSuffix(id15) {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/**
 * The canonical 18-character form of a 15- or 18-character id, or `null` when the value is not
 * a well-formed id (wrong length, bad characters, or an 18-character id whose suffix does not
 * match its first 15 characters).
 * @param {unknown} value
 * @returns {string | null}
 */
export function normalizeId(value) {
  if (typeof value !== 'string' || !/^[A-Za-z0-9]{15}(?:[A-Za-z0-5]{3})?$/.test(value)) return null;
  const id15 = value.slice(0, 15);
  const suffix = idSuffix(id15);
  if (value.length === 18 && value.slice(15).toUpperCase() !== suffix) return null;
  return id15 + suffix;
}

/**
 * A new 18-character id: key prefix (e.g. `500`), a fixed pod code, and a base-62 counter.
 * @param {string} prefix three characters
 * @param {number} counter positive integer, unique per prefix
 * @returns {string}
 */
export function makeId(prefix, counter) {
  let n = counter;
  let digits = '';
  for (let i = 0; i < 9; i++) {
    digits = BASE62[n % 62] + digits;
    n = Math.floor(n / 62);
  }
  const id15 = `${prefix}Tw0${digits}`;
  return id15 + idSuffix(id15);
}
