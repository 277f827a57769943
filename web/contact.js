/*
 * The contact a customer leaves with a case: an e-mail address or a phone number, checked
 * before anything is built, so that an agent can always reach them. A phone number is
 * kept in the international form (E.164): spaces, dashes, dots, slashes and brackets go,
 * 00 becomes +, and a local number (0 64 123 4567) gets the country of the customer's
 * language (Serbian +381, Croatian +385, Bosnian +387, Slovenian +386). An English reader's
 * local number stays as typed, in digits: the country is not known.
 */
const countryCodes = { 'sr-Latn': '381', 'sr-Cyrl': '381', hr: '385', bs: '387', sl: '386' };

// Letters, digits and the usual punctuation of an address, one @, a dot in the domain.
const emailPattern = /^[^\s@<>()[\]\\,;:"']{1,64}@[^\s@<>()[\]\\,;:"'_]+(\.[^\s@<>()[\]\\,;:"'_]+)*\.[^\s@<>()[\]\\,;:"'_.\d]{2,}$/u;

// { ok: true, value: '' } for nothing typed; { ok: true, value, kind: 'email' | 'phone' };
// { ok: false } for anything else.
export function checkContact(text, lang = '') {
  const typed = String(text ?? '').trim();
  if (!typed) return { ok: true, value: '' };
  if (typed.includes('@')) {
    return typed.length <= 254 && emailPattern.test(typed) ? { ok: true, value: typed, kind: 'email' } : { ok: false };
  }
  if (!/^[+\d\s().\-/]+$/.test(typed) || (typed.match(/\+/g) ?? []).length > 1 || /.\+/.test(typed)) return { ok: false };
  let digits = typed.replace(/[^\d+]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+')) {
    const rest = digits.slice(1);
    // E.164: a country code (never 0) and at most 15 digits in all.
    return /^[1-9]\d{7,14}$/.test(rest) ? { ok: true, value: digits, kind: 'phone' } : { ok: false };
  }
  // A local number: the trunk 0 and 8–10 more digits (064 123 4567, 01 234 5678).
  if (!/^0[1-9]\d{6,9}$/.test(digits)) return { ok: false };
  const country = countryCodes[lang];
  return { ok: true, value: country ? `+${country}${digits.slice(1)}` : digits, kind: 'phone' };
}
