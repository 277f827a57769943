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
  searchAsTyped: 'Search for “{query}” instead',
  openHelp: 'Help',
  closeHelp: 'Close help',
  title: 'How can we help?',
  placeholder: 'Describe your problem, e.g. "my internet is not working"',
  searchLabel: 'Search the help center',
  languageLabel: 'Language',
  loading: 'Getting help ready…',
  loadingProgress: 'Getting help ready… {percent}%',
  results: { one: '1 article found', other: '{count} articles found' },
  guidedFound: { one: '1 guided fix', other: '{count} guided fixes' },
  noResults: 'We found nothing for "{query}". Try other words, or talk to a person.',
  back: 'Back to results',
  contactTitle: 'Talk to a person',
  contact: '{call} or {write}.',
  callUs: 'Call {phone}',
  writeUs: 'write to {email}',
  phoneFree: 'free',
  everyDay: 'every day',
  writeAgain: 'write to us again',
  errorCorrupt: 'The help center could not be opened on this device. Please talk to a person instead.',
  errorVersion: 'The help center needs an update. Please reload the page, or talk to a person.',
  errorUnavailable: 'The help center could not be downloaded. Check your connection, or talk to a person.',
  errorOffline: 'You are offline, and this search needs articles that are not on this device yet. Try again when you are back online, or call us.',
  errorGeneric: 'Something went wrong on our side. Please talk to a person.',
  retry: 'Try again',
  articleError: 'This article could not be opened.',
  flowBadge: 'Guided fix',
  inLanguage: { en: 'in English', sr: 'in Serbian', hr: 'in Croatian', bs: 'in Bosnian', sl: 'in Slovenian' },
  restate: 'You wrote “{typed}”. I understand that {problem}. Is that right?',
  restateYes: 'Yes, that is it',
  restateNo: 'No, something else',
  otherProblems: 'Or choose your problem:',
  handoffFailed: 'We could not prepare your case on this device. Please call us or write to us: the details are below.',
  noFlowMatch: 'We could not match this to a guided fix. Choose an article below, or talk to a person.',
  notUnderstood: 'We are not sure we understood what you need. These are the closest topics, and a person can help you directly: see below.',
  done: 'Done, next',
  alternativeOf: 'Solution {number} of {count}',
  whyThisHappens: 'Why this happens',
  howToAvoid: 'How to avoid it',
  readMore: 'More detail: {title}',
  readArticle: 'Read: {title}',
  didItSolve: 'Did this solve it?',
  didItHelp: 'Did this help?',
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  answer_yes: 'solved it',
  answer_partly: 'helped partly',
  answer_no: 'did not help',
  sorryNext: 'We are sorry that did not solve it. Let us try the next solution.',
  partlyNext: 'Good, that is a step forward. Let us try the next solution for what is left.',
  triedSoFar: 'Tried so far:',
  solved: 'Great, we are glad it works again. Is there anything else we can help with?',
  somethingElse: 'Something else',
  rateLabel: 'How did we do? (1 = poor, 5 = excellent)',
  star1: 'Poor', star2: 'Fair', star3: 'Good', star4: 'Very good', star5: 'Excellent',
  commentLabel: 'Anything you want to tell us (optional)',
  commentPlaceholder: 'What could we do better?',
  sendRating: 'Send rating',
  thanks: 'Thank you for your rating. It helps us improve these answers.',
  handoffExhausted: 'We are sorry: none of these solutions fixed it. A person from {team} can take over, and they will see everything you have already tried.',
  handoffAsked: 'Of course. A person from {team} can help you, and they will see what you have already tried.',
  handoffFlow: 'This needs a person from {team}. They will see everything you have told us so far.',
  support: 'our support team',
  offerPerson: 'We are sorry this is taking long. Would you rather talk to a person?',
  sorryRepeat: 'We are sorry you have had to contact us again. A person from our support team can take this over now.',
  sorryUpset: 'We are sorry about this, and we understand how annoying it is. A person from our support team can take this over now.',
  talkToPerson: 'Talk to a person',
  conversationNav: 'Conversation',
  stepBack: 'Back',
  startOver: 'Start over',
  backToSearch: 'Back to search',
  replyBy: 'A person from {team} will answer {when}.',
  replyUnknown: 'A person will answer as soon as the team is back at work.',
  whenToday: 'today by {time}',
  whenTomorrow: 'tomorrow by {time}',
  whenWeekday: 'by {weekday} {time}',
  whenDate: 'by {weekday} {day} {month}, {time}',
  weekdays: 'Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday',
  months: 'January,February,March,April,May,June,July,August,September,October,November,December',
  zoneNote: '({zone} time)',
  handoffFormTitle: 'How can we reach you?',
  nameLabel: 'Your name (optional)',
  contactLabel: 'E-mail or phone (optional)',
  contactHint: 'Without it, keep the case code and quote it when you call us.',
  contactInvalid: 'Please write an e-mail address (name@example.com) or a phone number (for example +381 64 123 4567), or leave the field empty.',
  fieldInvalid: '{label}: this does not look like one. Please check it, or leave the field empty.',
  messageLabel: 'Anything to add? (optional)',
  review: 'Review what will be sent',
  previewTitle: 'This is what we will send',
  previewIntro: 'Nothing has left your device yet. Please check it, then send it.',
  redactedNote: 'For your safety we took out {what}. Please never send these to anyone.',
  redacted_card: 'a card number',
  redacted_iban: 'an account number (IBAN)',
  redacted_jmbg: 'a personal ID number (JMBG)',
  redacted_password: 'a password',
  fullPackage: 'Everything that will be sent (technical details)',
  send: 'Send it',
  edit: 'Change something',
  orEmail: 'Send by e-mail instead',
  orDownload: 'Download the case file',
  emailSubject: 'Case {code}: {problem}',
  sentTitle: 'Sent. Your case code is {code}.',
  savedTitle: 'Saved. Your case code is {code}.',
  myCases: 'Your cases',
  stayedFixed: 'Last time, the guided fix “{title}” solved your problem. Is everything still working?',
  stayedYes: 'Yes, it still works',
  stayedNo: 'No, the problem is back',
  stayedThanks: 'Good to hear. Thank you for letting us know.',
  stayedAgain: 'Sorry it came back. Let us go through it again; a person is one click away below.',
  caseSentAt: 'sent {when}',
  caseWaiting: 'saved, will be sent when you are online',
  caseRejected: 'could not be sent: please call us and quote the code',
  addToCase: 'Add information',
  addToCaseLabel: 'What would you like to add to case {code}?',
  sendAddition: 'Send the addition',
  cancelAddition: 'Cancel',
  additionSaved: 'Added to case {code}. The team will read it with the case.',
  additionFailed: 'The addition could not be saved. Please call us and quote the case code.',
  caseAdditions: 'additions: {count}',
  deliveryDone: 'It has arrived. Quote {code} if you call us.',
  saveCopy: 'Save a copy of the case',
  copyTitle: '{company}: case {code}',
  copySent: 'What went to the team',
  deliveryOffline: 'You are offline. Your case is saved on this device and goes out by itself when you are back online.',
  deliveryRetrying: 'Our server cannot be reached yet. Your case is saved on this device and we keep trying.',
  deliveryRejected: 'Our server did not accept the case. Please send it by e-mail, or download it and call us.',
  articleHelped: 'Did this article help?',
  articleThanks: 'Thank you for telling us.',
  articleSorry: 'We are sorry. A person can help: use "Write to a person" below.',
  writeToUs: 'Write to a person',
  pageSuggestions: 'Often needed on this page:',
  replyByAnyone: 'A person from our support team will answer {when}.',
  handoffAskedAnyone: 'Of course. A person from our support team can help you, and they will see what you have already done here.',
  replyOverdue: 'A person should have answered by now. If nobody has, please {reach} and quote {code}: we are sorry for the wait.',
};

const srLatn = {
  notSure: 'Nismo sigurni da ovi članci odgovaraju na Vaše pitanje. Osoba iz podrške može da pomogne: pogledajte ispod.',
  corrected: 'Prikazujemo rezultate za „{query}“.',
  searchAsTyped: 'Ipak pretraži „{query}“',
  openHelp: 'Pomoć',
  closeHelp: 'Zatvori pomoć',
  title: 'Kako možemo da pomognemo?',
  placeholder: 'Opišite problem, npr. „internet ne radi“',
  searchLabel: 'Pretraga centra za pomoć',
  languageLabel: 'Jezik',
  loading: 'Pripremamo pomoć…',
  loadingProgress: 'Pripremamo pomoć… {percent}%',
  results: { one: 'Pronađen je 1 članak', few: 'Pronađena su {count} članka', other: 'Pronađeno je {count} članaka' },
  guidedFound: { one: '1 vođena pomoć', few: '{count} vođene pomoći', other: '{count} vođenih pomoći' },
  noResults: 'Za „{query}“ nismo ništa pronašli. Probajte drugim rečima ili razgovarajte sa osobom iz podrške.',
  back: 'Nazad na rezultate',
  contactTitle: 'Razgovor sa osobom iz podrške',
  contact: '{call} ili {write}.',
  callUs: 'Pozovite {phone}',
  writeUs: 'pišite na {email}',
  phoneFree: 'besplatno',
  everyDay: 'svakog dana',
  writeAgain: 'pišite nam ponovo',
  errorCorrupt: 'Centar za pomoć ne može da se otvori na ovom uređaju. Molimo Vas, obratite se osobi iz podrške.',
  errorVersion: 'Centar za pomoć treba ažurirati. Osvežite stranicu ili se obratite osobi iz podrške.',
  errorUnavailable: 'Centar za pomoć nije mogao da se preuzme. Proverite vezu ili se obratite osobi iz podrške.',
  errorOffline: 'Niste povezani na internet, a za ovu pretragu su potrebni članci koji još nisu na ovom uređaju. Pokušajte ponovo kada se veza vrati ili nas pozovite.',
  errorGeneric: 'Nešto nije u redu kod nas. Molimo Vas, obratite se osobi iz podrške.',
  retry: 'Pokušajte ponovo',
  articleError: 'Ovaj članak ne može da se otvori.',
  flowBadge: 'Vođena pomoć',
  inLanguage: { en: 'na engleskom', sr: 'na srpskom', hr: 'na hrvatskom', bs: 'na bosanskom', sl: 'na slovenačkom' },
  restate: 'Napisali ste „{typed}“. Ako smo dobro razumeli: {problem}. Da li je tako?',
  restateYes: 'Da, to je to',
  restateNo: 'Ne, nešto drugo',
  otherProblems: 'Ili izaberite svoj problem:',
  handoffFailed: 'Nismo uspeli da pripremimo Vaš slučaj na ovom uređaju. Pozovite nas ili nam pišite: podaci su ispod.',
  noFlowMatch: 'Ovo ne možemo da povežemo sa vođenom pomoći. Izaberite članak ispod ili razgovarajte sa osobom iz podrške.',
  notUnderstood: 'Nismo sigurni da smo razumeli šta Vam je potrebno. Ovo su najbliže teme, a osoba iz podrške može direktno da Vam pomogne: pogledajte ispod.',
  done: 'Urađeno, dalje',
  alternativeOf: 'Rešenje {number} od {count}',
  whyThisHappens: 'Zašto se ovo dešava',
  howToAvoid: 'Kako da se ovo ne ponovi',
  readMore: 'Više detalja: {title}',
  readArticle: 'Pročitajte: {title}',
  didItSolve: 'Da li je ovo rešilo problem?',
  didItHelp: 'Da li je ovo pomoglo?',
  yes: 'Da',
  partly: 'Delimično',
  no: 'Ne',
  answer_yes: 'rešilo je problem',
  answer_partly: 'delimično pomoglo',
  answer_no: 'nije pomoglo',
  sorryNext: 'Žao nam je što ovo nije rešilo problem. Probajmo sledeće rešenje.',
  partlyNext: 'Dobro, to je korak napred. Probajmo sledeće rešenje za ono što je ostalo.',
  triedSoFar: 'Do sada ste probali:',
  solved: 'Odlično, drago nam je da sve ponovo radi. Da li možemo da pomognemo oko još nečega?',
  somethingElse: 'Nešto drugo',
  rateLabel: 'Kako smo Vam pomogli? (1 = loše, 5 = odlično)',
  star1: 'Loše', star2: 'Osrednje', star3: 'Dobro', star4: 'Vrlo dobro', star5: 'Odlično',
  commentLabel: 'Želite li nešto da nam poručite (nije obavezno)',
  commentPlaceholder: 'Šta možemo da uradimo bolje?',
  sendRating: 'Pošaljite ocenu',
  thanks: 'Hvala Vam na oceni. Pomaže nam da poboljšamo ove odgovore.',
  handoffExhausted: 'Žao nam je: nijedno od ovih rešenja nije pomoglo. Osoba iz tima {team} može da preuzme i videće sve što ste već probali.',
  handoffAsked: 'Naravno. Osoba iz tima {team} može da Vam pomogne i videće šta ste već probali.',
  handoffFlow: 'Za ovo je potrebna osoba iz tima {team}. Videće sve što ste nam do sada rekli.',
  support: 'podrška',
  offerPerson: 'Žao nam je što ovo traje. Da li biste radije razgovarali sa osobom iz podrške?',
  sorryRepeat: 'Žao nam je što morate ponovo da nam se javljate. Osoba iz podrške može odmah da preuzme vaš slučaj.',
  sorryUpset: 'Žao nam je zbog ovoga i razumemo koliko je to neprijatno. Osoba iz podrške može odmah da preuzme vaš slučaj.',
  talkToPerson: 'Razgovor sa osobom',
  conversationNav: 'Razgovor',
  stepBack: 'Nazad',
  startOver: 'Počnite ispočetka',
  backToSearch: 'Nazad na pretragu',
  replyBy: 'Osoba iz tima {team} odgovoriće Vam {when}.',
  replyUnknown: 'Osoba će Vam odgovoriti čim tim ponovo počne sa radom.',
  whenToday: 'danas do {time}',
  whenTomorrow: 'sutra do {time}',
  whenWeekday: 'do {weekday}, {time}',
  whenDate: 'do {weekday}, {day}. {month}, {time}',
  weekdays: 'nedelje,ponedeljka,utorka,srede,četvrtka,petka,subote',
  months: 'januara,februara,marta,aprila,maja,juna,jula,avgusta,septembra,oktobra,novembra,decembra',
  zoneNote: '(vreme u zoni {zone})',
  handoffFormTitle: 'Kako da Vas kontaktiramo?',
  nameLabel: 'Vaše ime (nije obavezno)',
  contactLabel: 'E-pošta ili telefon (nije obavezno)',
  contactHint: 'Ako ih ne ostavite, sačuvajte šifru slučaja i navedite je kada nas pozovete.',
  contactInvalid: 'Upišite adresu e-pošte (ime@primer.rs) ili broj telefona (na primer 064 123 4567) ili ostavite polje prazno.',
  fieldInvalid: '{label}: ovo ne izgleda ispravno. Proverite ili ostavite polje prazno.',
  messageLabel: 'Želite li nešto da dodate? (nije obavezno)',
  review: 'Pogledajte šta će biti poslato',
  previewTitle: 'Ovo ćemo poslati',
  previewIntro: 'Ništa još nije napustilo Vaš uređaj. Proverite, pa pošaljite.',
  redactedNote: 'Radi Vaše bezbednosti uklonili smo {what}. Molimo Vas da to nikada nikome ne šaljete.',
  redacted_card: 'broj kartice',
  redacted_iban: 'broj računa (IBAN)',
  redacted_jmbg: 'JMBG',
  redacted_password: 'lozinku',
  fullPackage: 'Sve što će biti poslato (tehnički detalji)',
  send: 'Pošalji',
  edit: 'Izmeni',
  orEmail: 'Pošaljite e-poštom',
  orDownload: 'Preuzmite datoteku slučaja',
  emailSubject: 'Slučaj {code}: {problem}',
  sentTitle: 'Poslato. Šifra Vašeg slučaja je {code}.',
  savedTitle: 'Sačuvano. Šifra Vašeg slučaja je {code}.',
  myCases: 'Vaši slučajevi',
  stayedFixed: 'Prošli put Vam je vođena pomoć „{title}“ rešila problem. Da li sve i dalje radi?',
  stayedYes: 'Da, i dalje radi',
  stayedNo: 'Ne, problem se vratio',
  stayedThanks: 'Drago nam je. Hvala što ste nam javili.',
  stayedAgain: 'Žao nam je što se problem vratio. Prođimo ponovo kroz korake; osoba iz podrške Vam je dostupna ispod.',
  caseSentAt: 'poslato {when}',
  caseWaiting: 'sačuvano, biće poslato kada budete na mreži',
  caseRejected: 'nije moglo biti poslato: pozovite nas i navedite šifru',
  addToCase: 'Dopunite slučaj',
  addToCaseLabel: 'Šta želite da dodate slučaju {code}?',
  sendAddition: 'Pošalji dopunu',
  cancelAddition: 'Otkaži',
  additionSaved: 'Dodato slučaju {code}. Tim će to pročitati uz slučaj.',
  additionFailed: 'Dopuna nije mogla biti sačuvana. Pozovite nas i navedite šifru slučaja.',
  caseAdditions: 'dopune: {count}',
  deliveryDone: 'Stiglo je. Navedite {code} ako nas pozovete.',
  saveCopy: 'Sačuvajte kopiju slučaja',
  copyTitle: '{company}: slučaj {code}',
  copySent: 'Šta je poslato timu',
  deliveryOffline: 'Niste na mreži. Slučaj je sačuvan na ovom uređaju i biće poslat sam čim se ponovo povežete.',
  deliveryRetrying: 'Naš server još nije dostupan. Slučaj je sačuvan na ovom uređaju i pokušavamo ponovo.',
  deliveryRejected: 'Naš server nije prihvatio slučaj. Pošaljite ga e-poštom, ili ga preuzmite i pozovite nas.',
  articleHelped: 'Da li Vam je ovaj članak pomogao?',
  articleThanks: 'Hvala što ste nam rekli.',
  articleSorry: 'Žao nam je. Osoba iz podrške može da pomogne: izaberite „Pišite osobi“ ispod.',
  writeToUs: 'Pišite osobi',
  pageSuggestions: 'Često potrebno na ovoj stranici:',
  replyByAnyone: 'Osoba iz naše podrške odgovoriće Vam {when}.',
  handoffAskedAnyone: 'Naravno. Osoba iz naše podrške može da Vam pomogne i videće šta ste već uradili ovde.',
  replyOverdue: 'Osoba je do sada trebalo da Vam odgovori. Ako niko nije, {reach} i navedite {code}. Izvinjavamo se zbog čekanja.',
};

const hr = {
  notSure: 'Nismo sigurni da ovi članci odgovaraju na vaše pitanje. Djelatnik podrške može pomoći: pogledajte ispod.',
  corrected: 'Prikazujemo rezultate za „{query}”.',
  searchAsTyped: 'Ipak traži „{query}”',
  openHelp: 'Pomoć',
  closeHelp: 'Zatvori pomoć',
  title: 'Kako vam možemo pomoći?',
  placeholder: 'Opišite problem, npr. „internet ne radi”',
  searchLabel: 'Pretraživanje centra za pomoć',
  languageLabel: 'Jezik',
  loading: 'Pripremamo pomoć…',
  loadingProgress: 'Pripremamo pomoć… {percent} %',
  results: { one: 'Pronađen je 1 članak', few: 'Pronađena su {count} članka', other: 'Pronađeno je {count} članaka' },
  guidedFound: { one: '1 vođena pomoć', few: '{count} vođene pomoći', other: '{count} vođenih pomoći' },
  noResults: 'Za „{query}” nismo ništa pronašli. Pokušajte drugim riječima ili razgovarajte s djelatnikom podrške.',
  back: 'Natrag na rezultate',
  contactTitle: 'Razgovor s djelatnikom podrške',
  contact: '{call} ili {write}.',
  callUs: 'Nazovite {phone}',
  writeUs: 'pišite na {email}',
  phoneFree: 'besplatno',
  everyDay: 'svaki dan',
  writeAgain: 'pišite nam ponovno',
  errorCorrupt: 'Centar za pomoć ne može se otvoriti na ovom uređaju. Molimo obratite se djelatniku podrške.',
  errorVersion: 'Centar za pomoć treba ažurirati. Osvježite stranicu ili se obratite djelatniku podrške.',
  errorUnavailable: 'Centar za pomoć nije se mogao preuzeti. Provjerite vezu ili se obratite djelatniku podrške.',
  errorOffline: 'Niste povezani s internetom, a za ovo pretraživanje potrebni su članci kojih još nema na ovom uređaju. Pokušajte ponovno kad se veza vrati ili nas nazovite.',
  errorGeneric: 'Nešto nije u redu kod nas. Molimo obratite se djelatniku podrške.',
  retry: 'Pokušajte ponovno',
  articleError: 'Ovaj se članak ne može otvoriti.',
  flowBadge: 'Vođena pomoć',
  inLanguage: { en: 'na engleskom', sr: 'na srpskom', hr: 'na hrvatskom', bs: 'na bosanskom', sl: 'na slovenskom' },
  restate: 'Napisali ste „{typed}”. Ako smo dobro razumjeli: {problem}. Je li tako?',
  restateYes: 'Da, to je to',
  restateNo: 'Ne, nešto drugo',
  otherProblems: 'Ili odaberite svoj problem:',
  handoffFailed: 'Vaš slučaj nismo uspjeli pripremiti na ovom uređaju. Nazovite nas ili nam pišite: podaci su ispod.',
  noFlowMatch: 'Ovo ne možemo povezati s vođenom pomoći. Odaberite članak ispod ili razgovarajte s djelatnikom podrške.',
  notUnderstood: 'Nismo sigurni da smo razumjeli što vam je potrebno. Ovo su najbliže teme, a djelatnik podrške može vam izravno pomoći: pogledajte ispod.',
  done: 'Gotovo, dalje',
  alternativeOf: 'Rješenje {number} od {count}',
  whyThisHappens: 'Zašto se to događa',
  howToAvoid: 'Kako to izbjeći',
  readMore: 'Više pojedinosti: {title}',
  readArticle: 'Pročitajte: {title}',
  didItSolve: 'Je li ovo riješilo problem?',
  didItHelp: 'Je li ovo pomoglo?',
  yes: 'Da',
  partly: 'Djelomično',
  no: 'Ne',
  answer_yes: 'riješilo je problem',
  answer_partly: 'djelomično pomoglo',
  answer_no: 'nije pomoglo',
  sorryNext: 'Žao nam je što ovo nije riješilo problem. Pokušajmo sa sljedećim rješenjem.',
  partlyNext: 'Dobro, to je korak naprijed. Pokušajmo sa sljedećim rješenjem za ono što je preostalo.',
  triedSoFar: 'Dosad ste pokušali:',
  solved: 'Odlično, drago nam je da opet sve radi. Možemo li vam pomoći s još nečim?',
  somethingElse: 'Nešto drugo',
  rateLabel: 'Kako smo vam pomogli? (1 = loše, 5 = izvrsno)',
  star1: 'Loše', star2: 'Osrednje', star3: 'Dobro', star4: 'Vrlo dobro', star5: 'Izvrsno',
  commentLabel: 'Želite li nam nešto poručiti (nije obavezno)',
  commentPlaceholder: 'Što možemo učiniti bolje?',
  sendRating: 'Pošaljite ocjenu',
  thanks: 'Hvala vam na ocjeni. Pomaže nam poboljšati ove odgovore.',
  handoffExhausted: 'Žao nam je: nijedno od ovih rješenja nije pomoglo. Djelatnik tima {team} može preuzeti i vidjet će sve što ste već pokušali.',
  handoffAsked: 'Naravno. Djelatnik tima {team} može vam pomoći i vidjet će što ste već pokušali.',
  handoffFlow: 'Za ovo je potreban djelatnik tima {team}. Vidjet će sve što ste nam dosad rekli.',
  support: 'podrška',
  offerPerson: 'Žao nam je što ovo traje. Biste li radije razgovarali s djelatnikom podrške?',
  sorryRepeat: 'Žao nam je što nam se morate ponovno javljati. Djelatnik podrške može odmah preuzeti vaš slučaj.',
  sorryUpset: 'Žao nam je zbog ovoga i razumijemo koliko je to neugodno. Djelatnik podrške može odmah preuzeti vaš slučaj.',
  talkToPerson: 'Razgovor s djelatnikom',
  conversationNav: 'Razgovor',
  stepBack: 'Natrag',
  startOver: 'Počnite ispočetka',
  backToSearch: 'Natrag na pretraživanje',
  replyBy: 'Osoba iz tima {team} odgovorit će Vam {when}.',
  replyUnknown: 'Osoba će Vam odgovoriti čim tim ponovno počne s radom.',
  whenToday: 'danas do {time}',
  whenTomorrow: 'sutra do {time}',
  whenWeekday: 'do {weekday}, {time}',
  whenDate: 'do {weekday}, {day}. {month}, {time}',
  weekdays: 'nedjelje,ponedjeljka,utorka,srijede,četvrtka,petka,subote',
  months: 'siječnja,veljače,ožujka,travnja,svibnja,lipnja,srpnja,kolovoza,rujna,listopada,studenoga,prosinca',
  zoneNote: '(vrijeme u zoni {zone})',
  handoffFormTitle: 'Kako Vas možemo kontaktirati?',
  nameLabel: 'Vaše ime (nije obavezno)',
  contactLabel: 'E-pošta ili telefon (nije obavezno)',
  contactHint: 'Ako ih ne ostavite, spremite oznaku slučaja i navedite je kad nas nazovete.',
  contactInvalid: 'Upišite adresu e-pošte (ime@primjer.hr) ili broj telefona (na primjer 091 123 4567) ili ostavite polje prazno.',
  fieldInvalid: '{label}: ovo ne izgleda ispravno. Provjerite ili ostavite polje prazno.',
  messageLabel: 'Želite li nešto dodati? (nije obavezno)',
  review: 'Pogledajte što će biti poslano',
  previewTitle: 'Ovo ćemo poslati',
  previewIntro: 'Ništa još nije napustilo Vaš uređaj. Provjerite pa pošaljite.',
  redactedNote: 'Radi Vaše sigurnosti uklonili smo {what}. Molimo Vas da to nikada nikome ne šaljete.',
  redacted_card: 'broj kartice',
  redacted_iban: 'broj računa (IBAN)',
  redacted_jmbg: 'matični broj (JMBG)',
  redacted_password: 'zaporku',
  fullPackage: 'Sve što će biti poslano (tehnički detalji)',
  send: 'Pošalji',
  edit: 'Promijeni',
  orEmail: 'Pošaljite e-poštom',
  orDownload: 'Preuzmite datoteku slučaja',
  emailSubject: 'Slučaj {code}: {problem}',
  sentTitle: 'Poslano. Oznaka Vašeg slučaja je {code}.',
  savedTitle: 'Spremljeno. Oznaka Vašeg slučaja je {code}.',
  myCases: 'Vaši slučajevi',
  stayedFixed: 'Prošli put vam je vođena pomoć „{title}” riješila problem. Radi li sve i dalje?',
  stayedYes: 'Da, i dalje radi',
  stayedNo: 'Ne, problem se vratio',
  stayedThanks: 'Drago nam je. Hvala što ste nam javili.',
  stayedAgain: 'Žao nam je što se problem vratio. Prođimo ponovno kroz korake; djelatnik podrške dostupan vam je ispod.',
  caseSentAt: 'poslano {when}',
  caseWaiting: 'spremljeno, bit će poslano kad budete na mreži',
  caseRejected: 'nije poslano: nazovite nas i navedite oznaku slučaja',
  addToCase: 'Dopunite slučaj',
  addToCaseLabel: 'Što želite dodati slučaju {code}?',
  sendAddition: 'Pošalji dopunu',
  cancelAddition: 'Odustani',
  additionSaved: 'Dodano slučaju {code}. Tim će to pročitati uz slučaj.',
  additionFailed: 'Dopunu nije bilo moguće spremiti. Nazovite nas i navedite oznaku slučaja.',
  caseAdditions: 'dopune: {count}',
  deliveryDone: 'Stiglo je. Navedite {code} ako nas nazovete.',
  saveCopy: 'Spremite kopiju slučaja',
  copyTitle: '{company}: slučaj {code}',
  copySent: 'Što je poslano timu',
  deliveryOffline: 'Niste na mreži. Slučaj je spremljen na ovom uređaju i bit će poslan sam čim se ponovno povežete.',
  deliveryRetrying: 'Naš poslužitelj još nije dostupan. Slučaj je spremljen na ovom uređaju i pokušavamo ponovno.',
  deliveryRejected: 'Naš poslužitelj nije prihvatio slučaj. Pošaljite ga e-poštom ili ga preuzmite i nazovite nas.',
  articleHelped: 'Je li Vam ovaj članak pomogao?',
  articleThanks: 'Hvala što ste nam rekli.',
  articleSorry: 'Žao nam je. Osoba iz podrške može pomoći: odaberite „Pišite osobi” ispod.',
  writeToUs: 'Pišite osobi',
  pageSuggestions: 'Često potrebno na ovoj stranici:',
  replyByAnyone: 'Osoba iz naše podrške odgovorit će Vam {when}.',
  handoffAskedAnyone: 'Naravno. Osoba iz naše podrške može Vam pomoći i vidjet će što ste već napravili ovdje.',
  replyOverdue: 'Osoba Vam je dosad trebala odgovoriti. Ako nitko nije, {reach} i navedite {code}. Ispričavamo se zbog čekanja.',
};

// Bosnian: ijekavian, with its own words (šta, nazad, ponovo, sačuvati, dešavati se,
// djelimično, izaberite, pozovite) and „…“ quotes. A string left as Croatian must be
// named in sharedWithHr below; tests/js/bosnian.test.mjs holds the two to that.
const bs = {
  ...hr,
  notSure: 'Nismo sigurni da ovi članci odgovaraju na vaše pitanje. Osoba iz podrške može pomoći: pogledajte ispod.',
  corrected: 'Prikazujemo rezultate za „{query}“.',
  searchAsTyped: 'Ipak traži „{query}“',
  placeholder: 'Opišite problem, npr. „internet ne radi“',
  searchLabel: 'Pretraga centra za pomoć',
  noResults: 'Za „{query}“ nismo ništa pronašli. Pokušajte drugim riječima ili razgovarajte s osobom iz podrške.',
  back: 'Nazad na rezultate',
  contactTitle: 'Razgovor s osobom iz podrške',
  contact: '{call} ili {write}.',
  callUs: 'Pozovite {phone}',
  writeUs: 'pišite na {email}',
  phoneFree: 'besplatno',
  everyDay: 'svakog dana',
  writeAgain: 'pišite nam ponovo',
  errorCorrupt: 'Centar za pomoć ne može se otvoriti na ovom uređaju. Molimo obratite se osobi iz podrške.',
  errorVersion: 'Centar za pomoć treba ažurirati. Osvježite stranicu ili se obratite osobi iz podrške.',
  errorUnavailable: 'Centar za pomoć nije se mogao preuzeti. Provjerite vezu ili se obratite osobi iz podrške.',
  errorOffline: 'Niste povezani na internet, a za ovu pretragu potrebni su članci kojih još nema na ovom uređaju. Pokušajte ponovo kad se veza vrati ili nas pozovite.',
  errorGeneric: 'Nešto nije u redu kod nas. Molimo obratite se osobi iz podrške.',
  retry: 'Pokušajte ponovo',
  articleError: 'Ovaj članak se ne može otvoriti.',
  inLanguage: { en: 'na engleskom', sr: 'na srpskom', hr: 'na hrvatskom', bs: 'na bosanskom', sl: 'na slovenačkom' },
  restate: 'Napisali ste „{typed}“. Ako smo dobro razumjeli: {problem}. Da li je tako?',
  otherProblems: 'Ili izaberite svoj problem:',
  handoffFailed: 'Nismo uspjeli pripremiti Vaš slučaj na ovom uređaju. Pozovite nas ili nam pišite: podaci su ispod.',
  noFlowMatch: 'Ovo ne možemo povezati s vođenom pomoći. Izaberite članak ispod ili razgovarajte s osobom iz podrške.',
  notUnderstood: 'Nismo sigurni da smo razumjeli šta vam je potrebno. Ovo su najbliže teme, a osoba iz podrške vam može direktno pomoći: pogledajte ispod.',
  done: 'Urađeno, dalje',
  whyThisHappens: 'Zašto se ovo dešava',
  howToAvoid: 'Kako da se ovo ne ponovi',
  readMore: 'Više detalja: {title}',
  didItSolve: 'Da li je ovo riješilo problem?',
  didItHelp: 'Da li je ovo pomoglo?',
  partly: 'Djelimično',
  answer_partly: 'djelimično pomoglo',
  sorryNext: 'Žao nam je što ovo nije riješilo problem. Pokušajmo sljedeće rješenje.',
  partlyNext: 'Dobro, to je korak naprijed. Pokušajmo sljedeće rješenje za ono što je ostalo.',
  triedSoFar: 'Do sada ste pokušali:',
  solved: 'Odlično, drago nam je da sve ponovo radi. Da li vam možemo pomoći još u nečemu?',
  rateLabel: 'Kako smo vam pomogli? (1 = loše, 5 = odlično)',
  star5: 'Odlično',
  commentPlaceholder: 'Šta možemo uraditi bolje?',
  thanks: 'Hvala vam na ocjeni. Pomaže nam da poboljšamo ove odgovore.',
  handoffExhausted: 'Žao nam je: nijedno od ovih rješenja nije pomoglo. Osoba iz tima {team} može preuzeti i vidjet će sve što ste već pokušali.',
  handoffAsked: 'Naravno. Osoba iz tima {team} može vam pomoći i vidjet će šta ste već pokušali.',
  handoffFlow: 'Za ovo je potrebna osoba iz tima {team}. Vidjet će sve što ste nam dosad rekli.',
  offerPerson: 'Žao nam je što ovo traje. Biste li radije razgovarali s osobom iz podrške?',
  sorryRepeat: 'Žao nam je što nam se morate ponovo javljati. Osoba iz podrške može odmah preuzeti vaš slučaj.',
  sorryUpset: 'Žao nam je zbog ovoga i razumijemo koliko je to neugodno. Osoba iz podrške može odmah preuzeti vaš slučaj.',
  talkToPerson: 'Razgovor s osobom',
  stepBack: 'Nazad',
  backToSearch: 'Nazad na pretragu',
  replyUnknown: 'Osoba će Vam odgovoriti čim tim ponovo počne s radom.',
  months: 'januara,februara,marta,aprila,maja,juna,jula,augusta,septembra,oktobra,novembra,decembra',
  contactHint: 'Ako ih ne ostavite, sačuvajte šifru slučaja i navedite je kad nas pozovete.',
  contactInvalid: 'Upišite adresu e-pošte (ime@primjer.ba) ili broj telefona (na primjer 061 123 456) ili ostavite polje prazno.',
  review: 'Pogledajte šta će biti poslano',
  redacted_jmbg: 'JMB',
  redacted_password: 'lozinku',
  sentTitle: 'Poslano. Šifra Vašeg slučaja je {code}.',
  savedTitle: 'Sačuvano. Šifra Vašeg slučaja je {code}.',
  stayedFixed: 'Prošli put vam je vođena pomoć „{title}“ riješila problem. Da li sve i dalje radi?',
  stayedAgain: 'Žao nam je što se problem vratio. Prođimo ponovo kroz korake; osoba iz podrške vam je dostupna ispod.',
  caseWaiting: 'sačuvano, bit će poslano kad budete na mreži',
  caseRejected: 'nije poslano: pozovite nas i navedite šifru slučaja',
  addToCaseLabel: 'Šta želite dodati slučaju {code}?',
  additionFailed: 'Dopunu nije bilo moguće sačuvati. Pozovite nas i navedite šifru slučaja.',
  deliveryDone: 'Stiglo je. Navedite {code} ako nas pozovete.',
  saveCopy: 'Sačuvajte kopiju slučaja',
  copySent: 'Šta je poslano timu',
  deliveryOffline: 'Niste na mreži. Slučaj je sačuvan na ovom uređaju i bit će poslan sam čim se ponovo povežete.',
  deliveryRetrying: 'Naš server još nije dostupan. Slučaj je sačuvan na ovom uređaju i pokušavamo ponovo.',
  deliveryRejected: 'Naš server nije prihvatio slučaj. Pošaljite ga e-poštom ili ga preuzmite i pozovite nas.',
  articleHelped: 'Da li Vam je ovaj članak pomogao?',
  articleSorry: 'Žao nam je. Osoba iz podrške može pomoći: izaberite „Pišite osobi“ ispod.',
  handoffAskedAnyone: 'Naravno. Osoba iz naše podrške može Vam pomoći i vidjet će šta ste već uradili ovdje.',
  replyOverdue: 'Osoba Vam je dosad trebala odgovoriti. Ako niko nije, {reach} i navedite {code}. Izvinjavamo se zbog čekanja.',
};

// Bosnian strings that are word for word the Croatian ones, because that is how a Bosnian
// editor writes them too (dotted keys name one plural form or language name).
export const sharedWithHr = [
  // Short words and labels the two standards spell alike.
  'openHelp', 'closeHelp', 'languageLabel', 'flowBadge', 'restateYes', 'restateNo',
  'yes', 'no', 'somethingElse', 'support', 'conversationNav', 'send', 'edit',
  'star1', 'star2', 'star3', 'star4', 'answer_yes', 'answer_no', 'myCases',
  'stayedYes', 'stayedNo', 'writeToUs', 'redacted_card', 'redacted_iban',
  // Counts, plural forms and language names: the same words and endings.
  'results.one', 'results.few', 'results.other',
  'guidedFound.one', 'guidedFound.few', 'guidedFound.other',
  'inLanguage.en', 'inLanguage.sr', 'inLanguage.hr', 'inLanguage.bs',
  // Dates and times: ijekavian weekdays and the same order (months differ, above).
  'whenToday', 'whenTomorrow', 'whenWeekday', 'whenDate', 'weekdays', 'zoneNote',
  // Templates that are only a word or two around a placeholder.
  'alternativeOf', 'readArticle', 'emailSubject', 'caseSentAt', 'contact', 'writeUs', 'phoneFree',
  // Sentences that are already natural Bosnian.
  'title', 'loading', 'loadingProgress', 'commentLabel', 'sendRating', 'startOver', 'replyBy',
  'replyByAnyone', 'handoffFormTitle', 'nameLabel', 'contactLabel', 'messageLabel',
  'previewTitle', 'previewIntro', 'redactedNote', 'fullPackage', 'orEmail',
  'orDownload', 'stayedThanks', 'articleThanks', 'pageSuggestions', 'cancelAddition', 'additionSaved',
  'copyTitle', 'fieldInvalid', 'addToCase', 'sendAddition', 'caseAdditions',
];

const sl = {
  notSure: 'Nismo prepričani, da ti članki odgovorijo na vaše vprašanje. Svetovalec vam lahko pomaga: poglejte spodaj.',
  corrected: 'Prikazujemo rezultate za »{query}«.',
  searchAsTyped: 'Raje išči »{query}«',
  openHelp: 'Pomoč',
  closeHelp: 'Zapri pomoč',
  title: 'Kako vam lahko pomagamo?',
  placeholder: 'Opišite težavo, npr. »internet ne deluje«',
  searchLabel: 'Iskanje po centru za pomoč',
  languageLabel: 'Jezik',
  loading: 'Pripravljamo pomoč …',
  loadingProgress: 'Pripravljamo pomoč … {percent} %',
  results: { one: 'Najden je 1 članek', two: 'Najdena sta 2 članka', few: 'Najdeni so {count} članki', other: 'Najdenih je {count} člankov' },
  guidedFound: { one: '1 vodena pomoč', two: '2 vodeni pomoči', few: '{count} vodene pomoči', other: '{count} vodenih pomoči' },
  noResults: 'Za »{query}« nismo našli ničesar. Poskusite z drugimi besedami ali se pogovorite s svetovalcem.',
  back: 'Nazaj na rezultate',
  contactTitle: 'Pogovor s svetovalcem',
  contact: '{call} ali {write}.',
  callUs: 'Pokličite {phone}',
  writeUs: 'pišite na {email}',
  phoneFree: 'brezplačno',
  everyDay: 'vsak dan',
  writeAgain: 'nam pišite znova',
  errorCorrupt: 'Centra za pomoč na tej napravi ni mogoče odpreti. Prosimo, obrnite se na svetovalca.',
  errorVersion: 'Center za pomoč je treba posodobiti. Osvežite stran ali se obrnite na svetovalca.',
  errorUnavailable: 'Centra za pomoč ni bilo mogoče prenesti. Preverite povezavo ali se obrnite na svetovalca.',
  errorOffline: 'Niste povezani z internetom, za to iskanje pa so potrebni članki, ki jih na tej napravi še ni. Poskusite znova, ko bo povezava spet vzpostavljena, ali nas pokličite.',
  errorGeneric: 'Pri nas je prišlo do napake. Prosimo, obrnite se na svetovalca.',
  retry: 'Poskusite znova',
  articleError: 'Tega članka ni mogoče odpreti.',
  flowBadge: 'Vodena pomoč',
  inLanguage: { en: 'v angleščini', sr: 'v srbščini', hr: 'v hrvaščini', bs: 'v bosanščini', sl: 'v slovenščini' },
  restate: 'Napisali ste »{typed}«. Če smo prav razumeli: {problem}. Ali je tako?',
  restateYes: 'Da, to je to',
  restateNo: 'Ne, nekaj drugega',
  otherProblems: 'Ali izberite svojo težavo:',
  handoffFailed: 'Vašega primera na tej napravi nismo mogli pripraviti. Pokličite nas ali nam pišite: podatki so spodaj.',
  noFlowMatch: 'Tega ne moremo povezati z vodeno pomočjo. Izberite članek spodaj ali se pogovorite s svetovalcem.',
  notUnderstood: 'Nismo prepričani, da smo razumeli, kaj potrebujete. To so najbližje teme, svetovalec pa vam lahko pomaga neposredno: poglejte spodaj.',
  done: 'Narejeno, naprej',
  alternativeOf: 'Rešitev {number} od {count}',
  whyThisHappens: 'Zakaj se to zgodi',
  howToAvoid: 'Kako se temu izogniti',
  readMore: 'Več podrobnosti: {title}',
  readArticle: 'Preberite: {title}',
  didItSolve: 'Ali je to rešilo težavo?',
  didItHelp: 'Ali je to pomagalo?',
  yes: 'Da',
  partly: 'Delno',
  no: 'Ne',
  answer_yes: 'rešilo je težavo',
  answer_partly: 'delno pomagalo',
  answer_no: 'ni pomagalo',
  sorryNext: 'Žal nam je, da to ni rešilo težave. Poskusimo z naslednjo rešitvijo.',
  partlyNext: 'Dobro, to je korak naprej. Poskusimo z naslednjo rešitvijo za tisto, kar je ostalo.',
  triedSoFar: 'Doslej ste poskusili:',
  solved: 'Odlično, veseli nas, da spet vse deluje. Vam lahko pomagamo še pri čem?',
  somethingElse: 'Nekaj drugega',
  rateLabel: 'Kako smo vam pomagali? (1 = slabo, 5 = odlično)',
  star1: 'Slabo', star2: 'Zadovoljivo', star3: 'Dobro', star4: 'Zelo dobro', star5: 'Odlično',
  commentLabel: 'Nam želite kaj sporočiti (neobvezno)',
  commentPlaceholder: 'Kaj lahko naredimo bolje?',
  sendRating: 'Pošljite oceno',
  thanks: 'Hvala za vašo oceno. Pomaga nam izboljšati te odgovore.',
  handoffExhausted: 'Žal nam je: nobena od teh rešitev ni pomagala. Svetovalec ekipe {team} lahko prevzame in bo videl vse, kar ste že poskusili.',
  handoffAsked: 'Seveda. Svetovalec ekipe {team} vam lahko pomaga in bo videl, kaj ste že poskusili.',
  handoffFlow: 'Za to potrebujete svetovalca ekipe {team}. Videl bo vse, kar ste nam doslej povedali.',
  support: 'podpora',
  offerPerson: 'Žal nam je, da to traja. Bi se raje pogovorili s svetovalcem?',
  sorryRepeat: 'Žal nam je, da nam morate pisati znova. Svetovalec lahko vašo zadevo takoj prevzame.',
  sorryUpset: 'Opravičujemo se, razumemo, da je to zelo neprijetno. Svetovalec lahko vašo zadevo takoj prevzame.',
  talkToPerson: 'Pogovor s svetovalcem',
  conversationNav: 'Pogovor',
  stepBack: 'Nazaj',
  startOver: 'Začnite znova',
  backToSearch: 'Nazaj na iskanje',
  replyBy: 'Oseba iz ekipe {team} vam bo odgovorila {when}.',
  replyUnknown: 'Oseba vam bo odgovorila, takoj ko bo ekipa spet na delu.',
  whenToday: 'danes do {time}',
  whenTomorrow: 'jutri do {time}',
  whenWeekday: 'do {weekday}, {time}',
  whenDate: 'do {weekday}, {day}. {month}, {time}',
  weekdays: 'nedelje,ponedeljka,torka,srede,četrtka,petka,sobote',
  months: 'januarja,februarja,marca,aprila,maja,junija,julija,avgusta,septembra,oktobra,novembra,decembra',
  zoneNote: '(čas v pasu {zone})',
  handoffFormTitle: 'Kako vas lahko dosežemo?',
  nameLabel: 'Vaše ime (ni obvezno)',
  contactLabel: 'E-pošta ali telefon (ni obvezno)',
  contactHint: 'Če ju ne pustite, shranite kodo primera in jo povejte, ko nas pokličete.',
  contactInvalid: 'Vpišite e-poštni naslov (ime@primer.si) ali telefonsko številko (na primer 041 123 456) ali pustite polje prazno.',
  fieldInvalid: '{label}: to ni videti pravilno. Preverite ali pustite polje prazno.',
  messageLabel: 'Želite kaj dodati? (ni obvezno)',
  review: 'Poglejte, kaj bo poslano',
  previewTitle: 'To bomo poslali',
  previewIntro: 'Nič še ni zapustilo vaše naprave. Preverite in nato pošljite.',
  redactedNote: 'Zaradi vaše varnosti smo odstranili {what}. Prosimo, tega nikoli nikomur ne pošiljajte.',
  redacted_card: 'številko kartice',
  redacted_iban: 'številko računa (IBAN)',
  redacted_jmbg: 'EMŠO',
  redacted_password: 'geslo',
  fullPackage: 'Vse, kar bo poslano (tehnične podrobnosti)',
  send: 'Pošlji',
  edit: 'Spremeni',
  orEmail: 'Pošljite po e-pošti',
  orDownload: 'Prenesite datoteko primera',
  emailSubject: 'Primer {code}: {problem}',
  sentTitle: 'Poslano. Koda vašega primera je {code}.',
  savedTitle: 'Shranjeno. Koda vašega primera je {code}.',
  myCases: 'Vaši primeri',
  stayedFixed: 'Zadnjič je vodena pomoč »{title}« rešila vašo težavo. Ali vse še vedno deluje?',
  stayedYes: 'Da, še vedno deluje',
  stayedNo: 'Ne, težava se je vrnila',
  stayedThanks: 'Veseli nas. Hvala, da ste nam sporočili.',
  stayedAgain: 'Žal nam je, da se je težava vrnila. Pojdimo še enkrat skozi korake; svetovalec je na voljo spodaj.',
  caseSentAt: 'poslano {when}',
  caseWaiting: 'shranjeno, poslano bo, ko boste spet povezani',
  caseRejected: 'ni bilo poslano: pokličite nas in povejte kodo primera',
  addToCase: 'Dopolnite primer',
  addToCaseLabel: 'Kaj želite dodati k primeru {code}?',
  sendAddition: 'Pošlji dopolnitev',
  cancelAddition: 'Prekliči',
  additionSaved: 'Dodano k primeru {code}. Ekipa bo to prebrala skupaj s primerom.',
  additionFailed: 'Dopolnitve ni bilo mogoče shraniti. Pokličite nas in povejte kodo primera.',
  caseAdditions: 'dopolnitve: {count}',
  deliveryDone: 'Prispelo je. Če nas pokličete, povejte {code}.',
  saveCopy: 'Shranite kopijo primera',
  copyTitle: '{company}: primer {code}',
  copySent: 'Kaj je bilo poslano ekipi',
  deliveryOffline: 'Niste povezani. Primer je shranjen v tej napravi in bo poslan sam, ko boste spet povezani.',
  deliveryRetrying: 'Naš strežnik še ni dosegljiv. Primer je shranjen v tej napravi in poskušamo znova.',
  deliveryRejected: 'Naš strežnik primera ni sprejel. Pošljite ga po e-pošti ali ga prenesite in nas pokličite.',
  articleHelped: 'Vam je ta članek pomagal?',
  articleThanks: 'Hvala, da ste nam povedali.',
  articleSorry: 'Žal nam je. Oseba vam lahko pomaga: izberite »Pišite osebi« spodaj.',
  writeToUs: 'Pišite osebi',
  pageSuggestions: 'Pogosto potrebno na tej strani:',
  replyByAnyone: 'Oseba iz naše podpore vam bo odgovorila {when}.',
  handoffAskedAnyone: 'Seveda. Oseba iz naše podpore vam lahko pomaga in bo videla, kaj ste tukaj že naredili.',
  replyOverdue: 'Oseba bi vam morala že odgovoriti. Če vam ni nihče, {reach} in navedite {code}. Opravičujemo se za čakanje.',
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

export function mapStrings(strings, fn) {
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

// The languages the widget offers: those site.yaml lists (sr in both scripts; Bosnian
// where Croatian is, whose texts its readers get), every one when it lists none.
export function offeredLanguages(siteLanguages) {
  if (!Array.isArray(siteLanguages) || siteLanguages.length === 0) return languages;
  const base = (code) => (code.startsWith('sr') ? 'sr' : code);
  const listed = new Set(siteLanguages.map(base));
  const shown = languages.filter(({ code }) => listed.has(base(code)) || (code === 'bs' && listed.has('hr')));
  return shown.length ? shown : languages;
}

// pickLanguage() among the languages offered: the nearest of them, else the first.
export function pickOffered(tag, offered = languages) {
  const has = (code) => offered.some((l) => l.code === code);
  const picked = pickLanguage(tag);
  const near = { bs: ['bs', 'hr', 'sr-Latn'], hr: ['hr', 'bs'], 'sr-Latn': ['sr-Latn', 'sr-Cyrl'], 'sr-Cyrl': ['sr-Cyrl', 'sr-Latn'] }[picked] ?? [picked];
  return near.find(has) ?? offered[0].code;
}

// "(na srpskom)": the language a result is written in, when it is not the reader's
// (an article that has no version in it), in the reader's words; '' when it is.
export function inLanguage(lang, contentLang = '') {
  const base = (tag) => (tag.startsWith('sr') ? 'sr' : tag);
  if (!contentLang || base(contentLang) === base(lang)) return '';
  return (strings[lang]?.inLanguage ?? en.inLanguage)[base(contentLang)] ?? '';
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

// The company's contact line in the reader's words, from site.yaml (site.js): "Call 01 234
// 5678 (free, every day 08:00–20:00) or write to help@…". '' when site.yaml gives
// neither a phone nor an e-mail address.
export function contactLine(lang, company = {}) {
  const call = company.phone ? t(lang, 'callUs', { phone: company.phone }) + phoneWhen(lang, company) : '';
  const write = company.email ? t(lang, 'writeUs', { email: company.email }) : '';
  if (!call && !write) return '';
  return capitalized(call && write ? t(lang, 'contact', { call, write }) : `${call || write}.`);
}

// "call 01 234 5678" or "write to help@…", to go inside a sentence (replyOverdue).
export function reachLine(lang, company = {}) {
  if (company.phone) return lowercased(t(lang, 'callUs', { phone: company.phone }));
  if (company.email) return t(lang, 'writeUs', { email: company.email });
  return t(lang, 'writeAgain');
}

function capitalized(text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function lowercased(text) {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

// " (free, every day 08:00–20:00)", " (Mon–Fri 08:00–20:00, Sat 09:00–14:00)" or ''.
function phoneWhen(lang, company) {
  const parts = [company.phone_free ? t(lang, 'phoneFree') : '', weekText(lang, company.phone_hours)];
  const said = parts.filter(Boolean).join(', ');
  return said ? ` (${said})` : '';
}

// Days with the same hours, Monday first, as one range each; weekday names from Intl.
const weekOrder = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
function weekText(lang, week) {
  if (!week || typeof week !== 'object') return '';
  const spans = weekOrder.map((day) => (Array.isArray(week[day]) ? week[day] : [])
    .map((span) => String(span).split('-').map((time) => timeText(lang, time)).join('–')).join(', '));
  const groups = [];
  spans.forEach((span, day) => {
    const last = groups[groups.length - 1];
    if (last && last.span === span && last.to === day - 1) last.to = day;
    else groups.push({ from: day, to: day, span });
  });
  const open = groups.filter((g) => g.span);
  if (open.length === 1 && open[0].from === 0 && open[0].to === 6) return `${t(lang, 'everyDay')} ${open[0].span}`;
  const name = weekdayName(lang);
  return open.map((g) => `${g.from === g.to ? name(g.from) : `${name(g.from)}–${name(g.to)}`} ${g.span}`).join(', ');
}

// Short weekday names (0 = Monday) in the reader's language, from Intl. A browser may
// answer for a language it has no names for with the English ones (Chromium for bs): the
// nearest language that has them is used then.
function weekdayName(lang) {
  const monday = Date.UTC(2024, 0, 1);  // 1 January 2024
  const formatOf = (locale) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const english = formatOf('en').format(monday);
  const wanted = { bs: ['bs', 'hr', 'sr-Latn'], 'sr-Latn': ['sr-Latn', 'hr'], hr: ['hr', 'bs'] }[lang] ?? [lang];
  const format = wanted.map(formatOf).find((f) => lang === 'en' || f.format(monday) !== english) ?? formatOf('en');
  return (day) => format.format(monday + day * 86400000);
}

// A time of site.yaml ("08:00") as the reader writes it: Slovenian "8.00".
function timeText(lang, time) {
  return lang === 'sl' ? time.replace(/^0(?=\d)/, '').replace(':', '.') : time;
}
