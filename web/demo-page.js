// The demo page around the assistant speaks the language the assistant speaks: the
// widget writes its language on <help-assistant lang>, set by the customer's browser,
// their words or their choice (a file of its own: a strict Content-Security-Policy runs
// no inline script).
import { site } from './site.js';

const words = {
  en: {
    title: '{company} — Help center (offline demo)',
    nav: ['Internet', 'TV', 'Mobile', 'Shop', 'Billing', 'My account', 'Agents'],
    note: 'A fictional internet, TV and mobile provider. Everything on this page runs in your browser. Nothing leaves it until you choose “Write to a person” and then “Send it”.',
  },
  'sr-Latn': {
    title: '{company} — Centar za pomoć (oflajn demo)',
    nav: ['Internet', 'TV', 'Mobilna', 'Prodavnica', 'Računi', 'Moj nalog', 'Za agente'],
    note: 'Izmišljeni operater interneta, televizije i mobilne telefonije. Sve na ovoj stranici radi u vašem pregledaču. Ništa ga ne napušta dok ne izaberete „Pišite osobi“ i ne pritisnete Pošalji.',
  },
  'sr-Cyrl': {
    title: '{company} — Центар за помоћ (офлајн демо)',
    nav: ['Интернет', 'ТВ', 'Мобилна', 'Продавница', 'Рачуни', 'Мој налог', 'За агенте'],
    note: 'Измишљени оператер интернета, телевизије и мобилне телефоније. Све на овој страници ради у вашем прегледачу. Ништа га не напушта док не изаберете „Пишите особи“ и не притиснете Пошаљи.',
  },
  hr: {
    title: '{company} — Centar za pomoć (izvanmrežni demo)',
    nav: ['Internet', 'TV', 'Mobilna', 'Trgovina', 'Računi', 'Moj profil', 'Za agente'],
    note: 'Izmišljeni operater interneta, televizije i mobilne telefonije. Sve na ovoj stranici radi u vašem pregledniku. Ništa ga ne napušta dok ne odaberete „Pišite djelatniku” i ne pritisnete Pošalji.',
  },
  sl: {
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
};

const widget = document.querySelector('help-assistant');
function follow() {
  const lang = widget.getAttribute('lang');
  const w = words[lang];
  if (!w) return;
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
