/*
 * Every customer-facing string of the widget, in every supported language. Serbian is
 * written once in Latin; the Cyrillic version is derived, so the two never drift apart.
 * Core returns error codes only; the words customers read live here.
 */
export const languages = [
  { code: 'en', name: 'English' },
  { code: 'sr-Latn', name: 'Srpski (latinica)' },
  { code: 'sr-Cyrl', name: 'Српски (ћирилица)' },
  { code: 'hr', name: 'Hrvatski' },
  { code: 'bs', name: 'Bosanski' },
  { code: 'sl', name: 'Slovenščina' },
];

const en = {
  notSure: 'We are not sure these articles answer your question. A person can help: see below.',
  corrected: 'Showing results for “{query}”.',
  title: 'How can we help?',
  placeholder: 'Describe your problem, e.g. "my internet is not working"',
  searchLabel: 'Search the help center',
  languageLabel: 'Language',
  loading: 'Getting help ready…',
  loadingProgress: 'Getting help ready… {percent}%',
  results: { one: '1 article found', other: '{count} articles found' },
  noResults: 'We found nothing for "{query}". Try other words, or talk to a person.',
  back: 'Back to results',
  contactTitle: 'Talk to a person',
  contact: 'Call 0800 100 200 (free, every day 08:00–20:00) or write to support@savanova.example.',
  errorCorrupt: 'The help center could not be opened on this device. Please talk to a person instead.',
  errorVersion: 'The help center needs an update. Please reload the page, or talk to a person.',
  errorUnavailable: 'The help center could not be downloaded. Check your connection, or talk to a person.',
  errorGeneric: 'Something went wrong on our side. Please talk to a person.',
  retry: 'Try again',
  articleError: 'This article could not be opened.',
};

const srLatn = {
  notSure: 'Nismo sigurni da ovi članci odgovaraju na Vaše pitanje. Osoba iz podrške može da pomogne: pogledajte ispod.',
  corrected: 'Prikazujemo rezultate za „{query}“.',
  title: 'Kako možemo da pomognemo?',
  placeholder: 'Opišite problem, npr. „internet ne radi“',
  searchLabel: 'Pretraga centra za pomoć',
  languageLabel: 'Jezik',
  loading: 'Pripremamo pomoć…',
  loadingProgress: 'Pripremamo pomoć… {percent}%',
  results: { one: 'Pronađen je 1 članak', few: 'Pronađena su {count} članka', other: 'Pronađeno je {count} članaka' },
  noResults: 'Za „{query}“ nismo ništa pronašli. Probajte drugim rečima ili razgovarajte sa osobom iz podrške.',
  back: 'Nazad na rezultate',
  contactTitle: 'Razgovor sa osobom iz podrške',
  contact: 'Pozovite 0800 100 200 (besplatno, svakog dana 08:00–20:00) ili pišite na podrska@savanova.example.',
  errorCorrupt: 'Centar za pomoć ne može da se otvori na ovom uređaju. Molimo Vas, obratite se osobi iz podrške.',
  errorVersion: 'Centar za pomoć treba ažurirati. Osvežite stranicu ili se obratite osobi iz podrške.',
  errorUnavailable: 'Centar za pomoć nije mogao da se preuzme. Proverite vezu ili se obratite osobi iz podrške.',
  errorGeneric: 'Nešto nije u redu kod nas. Molimo Vas, obratite se osobi iz podrške.',
  retry: 'Pokušajte ponovo',
  articleError: 'Ovaj članak ne može da se otvori.',
};

const hr = {
  notSure: 'Nismo sigurni da ovi članci odgovaraju na vaše pitanje. Djelatnik podrške može pomoći: pogledajte ispod.',
  corrected: 'Prikazujemo rezultate za „{query}”.',
  title: 'Kako vam možemo pomoći?',
  placeholder: 'Opišite problem, npr. „internet ne radi”',
  searchLabel: 'Pretraživanje centra za pomoć',
  languageLabel: 'Jezik',
  loading: 'Pripremamo pomoć…',
  loadingProgress: 'Pripremamo pomoć… {percent} %',
  results: { one: 'Pronađen je 1 članak', few: 'Pronađena su {count} članka', other: 'Pronađeno je {count} članaka' },
  noResults: 'Za „{query}” nismo ništa pronašli. Pokušajte drugim riječima ili razgovarajte s djelatnikom podrške.',
  back: 'Natrag na rezultate',
  contactTitle: 'Razgovor s djelatnikom podrške',
  contact: 'Nazovite 0800 100 200 (besplatno, svaki dan 08:00–20:00) ili pišite na podrska@savanova.example.',
  errorCorrupt: 'Centar za pomoć ne može se otvoriti na ovom uređaju. Molimo obratite se djelatniku podrške.',
  errorVersion: 'Centar za pomoć treba ažurirati. Osvježite stranicu ili se obratite djelatniku podrške.',
  errorUnavailable: 'Centar za pomoć nije se mogao preuzeti. Provjerite vezu ili se obratite djelatniku podrške.',
  errorGeneric: 'Nešto nije u redu kod nas. Molimo obratite se djelatniku podrške.',
  retry: 'Pokušajte ponovno',
  articleError: 'Ovaj se članak ne može otvoriti.',
};

const bs = {
  ...hr,
  corrected: 'Prikazujemo rezultate za „{query}“.',
  notSure: 'Nismo sigurni da ovi članci odgovaraju na vaše pitanje. Osoba iz podrške može pomoći: pogledajte ispod.',
  title: 'Kako vam možemo pomoći?',
  placeholder: 'Opišite problem, npr. „internet ne radi“',
  noResults: 'Za „{query}“ nismo ništa pronašli. Pokušajte drugim riječima ili razgovarajte s osobom iz podrške.',
  back: 'Nazad na rezultate',
  contactTitle: 'Razgovor s osobom iz podrške',
  errorCorrupt: 'Centar za pomoć ne može se otvoriti na ovom uređaju. Molimo obratite se osobi iz podrške.',
  errorVersion: 'Centar za pomoć treba ažurirati. Osvježite stranicu ili se obratite osobi iz podrške.',
  errorUnavailable: 'Centar za pomoć nije se mogao preuzeti. Provjerite vezu ili se obratite osobi iz podrške.',
  errorGeneric: 'Nešto nije u redu kod nas. Molimo obratite se osobi iz podrške.',
  retry: 'Pokušajte ponovo',
};

const sl = {
  notSure: 'Nismo prepričani, da ti članki odgovorijo na vaše vprašanje. Svetovalec vam lahko pomaga: poglejte spodaj.',
  corrected: 'Prikazujemo rezultate za »{query}«.',
  title: 'Kako vam lahko pomagamo?',
  placeholder: 'Opišite težavo, npr. »internet ne deluje«',
  searchLabel: 'Iskanje po centru za pomoč',
  languageLabel: 'Jezik',
  loading: 'Pripravljamo pomoč …',
  loadingProgress: 'Pripravljamo pomoč … {percent} %',
  results: { one: 'Najden je 1 članek', two: 'Najdena sta 2 članka', few: 'Najdeni so {count} članki', other: 'Najdenih je {count} člankov' },
  noResults: 'Za »{query}« nismo našli ničesar. Poskusite z drugimi besedami ali se pogovorite s svetovalcem.',
  back: 'Nazaj na rezultate',
  contactTitle: 'Pogovor s svetovalcem',
  contact: 'Pokličite 0800 100 200 (brezplačno, vsak dan 8.00–20.00) ali pišite na podpora@savanova.example.',
  errorCorrupt: 'Centra za pomoč na tej napravi ni mogoče odpreti. Prosimo, obrnite se na svetovalca.',
  errorVersion: 'Center za pomoč je treba posodobiti. Osvežite stran ali se obrnite na svetovalca.',
  errorUnavailable: 'Centra za pomoč ni bilo mogoče prenesti. Preverite povezavo ali se obrnite na svetovalca.',
  errorGeneric: 'Pri nas je prišlo do napake. Prosimo, obrnite se na svetovalca.',
  retry: 'Poskusite znova',
  articleError: 'Tega članka ni mogoče odpreti.',
};

// Serbian Latin → Cyrillic for the strings above (our own words: no foreign names, so the
// digraphs lj, nj, dž are always single letters). E-mail addresses stay in Latin.
const toCyrillicMap = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к',
  l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х',
  c: 'ц', č: 'ч', š: 'ш', lj: 'љ', nj: 'њ', dž: 'џ',
};
export function serbianToCyrillic(text) {
  return text.replace(/\S+@\S+|\{\w+\}|(dž|lj|nj|[a-zđžćčš])/giu, (match, letter) => {
    if (!letter) return match;
    const lower = letter.toLowerCase();
    const cyr = toCyrillicMap[lower];
    return letter === lower ? cyr : cyr.toUpperCase();
  });
}

function mapStrings(strings, fn) {
  return Object.fromEntries(Object.entries(strings).map(([k, v]) =>
    [k, typeof v === 'string' ? fn(v) : mapStrings(v, fn)]));
}

export const strings = { en, 'sr-Latn': srLatn, 'sr-Cyrl': mapStrings(srLatn, serbianToCyrillic), hr, bs, sl };

// The closest supported language for a browser language tag.
export function pickLanguage(tag = '') {
  const t = tag.toLowerCase();
  if (t.startsWith('sr')) return t.includes('latn') ? 'sr-Latn' : t.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
  for (const code of ['hr', 'bs', 'sl']) if (t.startsWith(code)) return code;
  return 'en';
}

export function t(lang, key, values = {}) {
  const s = strings[lang]?.[key] ?? en[key];
  return s.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

// Plural forms via Intl.PluralRules (one / two / few / other by language).
export function plural(lang, key, count) {
  const forms = strings[lang]?.[key] ?? en[key];
  const rule = new Intl.PluralRules(lang === 'sr-Cyrl' || lang === 'sr-Latn' ? 'sr' : lang).select(count);
  return (forms[rule] ?? forms.other).replace('{count}', String(count));
}
