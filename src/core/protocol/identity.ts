/**
 * Finds what could identify the writer or others in free text, locally (no network call):
 * email addresses, phone numbers, links, street addresses and social handles. Used by every
 * composer to nudge — never to block.
 */
import { unmask } from './unmask.js';
export type IdentifierKind = 'email' | 'phone' | 'url' | 'address' | 'handle';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/u;
const URL_LIKE =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]{2,}\.(?:com|org|net|info|io|co|me|es|mx|ar|cl|co\.uk|uk|de|fr|eg|sa|ae|lb|ma|tn)\b/i;
const HANDLE = /(?:^|[\s(])@[\p{L}\p{N}_.]{2,}/u;
const PHONE = /(?:\+|\b)\d[\d\s()./-]{5,}\d\b/g;
/**
 * Numbers people write about their recovery that look like phone numbers to a naive pattern:
 * dates (12.03.2021, 03/12/2021, 2021-03-12), year ranges (2019-2023, 2019 – 2023) and times
 * (10:30). They are taken out before looking for phone numbers.
 */
const NOT_PHONES = [
  /(?<![\d./-])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?![\d]|[./-]\d)/g,
  /(?<!\d)(?:1[89]|20)\d\d\s*[-–—/]\s*(?:(?:1[89]|20)\d\d|\d\d)(?!\d)/g,
  /(?<!\d)\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|h))?(?![\d.:])/gi,
];
const ADDRESS = [
  /\b\d{1,5}\s+(?:[\p{L}'.-]+\s+){0,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl)\b/iu,
  /\b(?:calle|c\/|avenida|avda\.?|av\.|plaza|paseo|carrera|camino)\s+[\p{L} .'-]{2,40}?,?\s*(?:n[º°o]\.?\s*)?\d{1,5}\b/iu,
  /(?:شارع|حي|طريق)\s+[\p{L}\s]{2,30}?\s*\d{1,5}/u,
];

/** Arabic-Indic and Persian digits count as digits. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

export function findIdentifiers(text: string): IdentifierKind[] {
  const t = asciiDigits(unmask(text));
  const found: IdentifierKind[] = [];
  if (EMAIL.test(t)) found.push('email');
  const withoutEmails = t.replace(new RegExp(EMAIL.source, 'gu'), ' ');
  const numbers = NOT_PHONES.reduce((text, re) => text.replace(re, ' '), withoutEmails);
  const phone = numbers.match(PHONE)?.some((m) => {
    const digits = m.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  });
  if (phone) found.push('phone');
  if (URL_LIKE.test(withoutEmails)) found.push('url');
  if (ADDRESS.some((re) => re.test(withoutEmails))) found.push('address');
  if (HANDLE.test(withoutEmails)) found.push('handle');
  return found;
}
