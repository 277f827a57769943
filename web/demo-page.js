// The demo page around the assistant speaks the language the assistant speaks: the
// widget writes its language on <help-assistant lang>, set by the customer's browser,
// their words or their choice (a file of its own: a strict Content-Security-Policy runs
// no inline script).
import { pickLanguage } from './language-pick.js';
import { site } from './site.js';

const words = {
  en: {
    early: { title: 'How can we help?', languageLabel: 'Language', language: 'English', label: 'Search the help center', placeholder: 'e.g. my internet is down', status: 'Getting help ready…' },
    title: '{company} — Help center (offline demo)',
    nav: ['Internet', 'TV', 'Mobile', 'Shop', 'Billing', 'My account', 'Agents'],
    note: 'A fictional internet, TV and mobile provider. Everything on this page runs in your browser. Nothing leaves it until you choose “Write to a person” and then “Send it”.',
  },
  'sr-Latn': {
    early: { title: 'Kako možemo da pomognemo?', languageLabel: 'Jezik', language: 'Srpski (latinica)', label: 'Pretraga centra za pomoć', placeholder: 'npr. „nema interneta“', status: 'Pripremamo pomoć…' },
    title: '{company} — Centar za pomoć (oflajn demo)',
    nav: ['Internet', 'TV', 'Mobilna', 'Prodavnica', 'Računi', 'Moj nalog', 'Za agente'],
    note: 'Izmišljeni operater interneta, televizije i mobilne telefonije. Sve na ovoj stranici radi u vašem pregledaču. Ništa ga ne napušta dok ne izaberete „Pišite osobi“ i ne pritisnete Pošalji.',
  },
  'sr-Cyrl': {
    early: { title: 'Како можемо да помогнемо?', languageLabel: 'Језик', language: 'Српски (ћирилица)', label: 'Претрага центра за помоћ', placeholder: 'нпр. „нема интернета“', status: 'Припремамо помоћ…' },
    title: '{company} — Центар за помоћ (офлајн демо)',
    nav: ['Интернет', 'ТВ', 'Мобилна', 'Продавница', 'Рачуни', 'Мој налог', 'За агенте'],
    note: 'Измишљени оператер интернета, телевизије и мобилне телефоније. Све на овој страници ради у вашем прегледачу. Ништа га не напушта док не изаберете „Пишите особи“ и не притиснете Пошаљи.',
  },
  hr: {
    early: { title: 'Kako vam možemo pomoći?', languageLabel: 'Jezik', language: 'Hrvatski', label: 'Pretraživanje centra za pomoć', placeholder: 'npr. „nema interneta”', status: 'Pripremamo pomoć…' },
    title: '{company} — Centar za pomoć (izvanmrežni demo)',
    nav: ['Internet', 'TV', 'Mobilna', 'Trgovina', 'Računi', 'Moj profil', 'Za agente'],
    note: 'Izmišljeni operater interneta, televizije i mobilne telefonije. Sve na ovoj stranici radi u vašem pregledniku. Ništa ga ne napušta dok ne odaberete „Pišite djelatniku” i ne pritisnete Pošalji.',
  },
  sl: {
    early: { title: 'Kako vam lahko pomagamo?', languageLabel: 'Jezik', language: 'Slovenščina', label: 'Iskanje po centru za pomoč', placeholder: 'npr. »internet ne deluje«', status: 'Pripravljamo pomoč …' },
    title: '{company} — Center za pomoč (predstavitev brez povezave)',
    nav: ['Internet', 'TV', 'Mobilno', 'Trgovina', 'Računi', 'Moj profil', 'Za svetovalce'],
    note: 'Izmišljen ponudnik interneta, televizije in mobilne telefonije. Vse na tej strani deluje v vašem brskalniku. Nič ga ne zapusti, dokler ne izberete »Pišite svetovalcu« in ne pritisnete Pošlji.',
  },
};

// Bosnian: the Croatian words but for the shop and the demo's name.
words.bs = {
  ...words.hr,
  title: '{company} — Centar za pomoć (oflajn demo)',
  nav: ['Internet', 'TV', 'Mobilna', 'Prodavnica', 'Računi', 'Moj profil', 'Za agente'],
  note: words.hr.note.replace('odaberete „Pišite djelatniku”', 'izaberete „Pišite osobi“'),
  early: { ...words.hr.early, language: 'Bosanski', label: 'Pretraga centra za pomoć', placeholder: 'npr. „nema interneta“' },
};

// Until the widget has come and said its language, the browser's (the widget's own first
// choice, i18n.js pickLanguage): the page's search box (index.html) is shown in it.
function browserLanguage() {
  return pickLanguage(navigator.language || '');
}

const widget = document.querySelector('help-assistant');
function follow() {
  const lang = widget.getAttribute('lang') || browserLanguage();
  const w = words[lang];
  if (!w) return;
  const early = widget.querySelector('.help-early');
  if (early) {
    early.querySelector('h2').textContent = w.early.title;
    const menu = early.querySelector('.help-early-language');
    menu.firstChild.textContent = `${w.early.languageLabel} `;
    menu.lastElementChild.textContent = w.early.language;
    const box = early.querySelector('input');
    box.placeholder = w.early.placeholder;
    box.setAttribute('aria-label', w.early.label);
    early.querySelector('[role=status]').textContent = w.early.status;
  }
  document.documentElement.lang = lang;
  document.title = w.title.replace('{company}', site.company.name ?? '');
  document.querySelectorAll('.site-header nav a').forEach((link, i) => { if (w.nav[i]) link.textContent = w.nav[i]; });
  const note = document.querySelector('.demo-note');
  if (note) note.textContent = w.note;
}
if (widget) {
  new MutationObserver(follow).observe(widget, { attributes: true, attributeFilter: ['lang'] });
  follow();
}
