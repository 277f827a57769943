// Made by kbc --language-module from core/common/language_table.inc: the content
// languages as the core reads them (each fallback chain whole). Do not edit: edit the
// table and run tools/language-module.sh (tests/js/language-codes.test.mjs checks it).
export const languageTable = [
  {"autonym":"English","code":"en","dates":["en"],"fallback":["en","sr-Latn","hr","bs","sl","sr-Cyrl"],"madeFrom":"","reflex":"","script":"Latn","source":"en"},
  {"autonym":"Srpski (latinica)","code":"sr-Latn","dates":["sr-Latn","hr"],"fallback":["sr-Latn","sr-Cyrl","bs","hr","en","sl"],"madeFrom":"","reflex":"ekavian","script":"Latn","source":"sr"},
  {"autonym":"Српски (ћирилица)","code":"sr-Cyrl","dates":["sr-Cyrl"],"fallback":["sr-Cyrl","sr-Latn","bs","hr","en","sl"],"madeFrom":"sr-Latn","reflex":"ekavian","script":"Cyrl","source":"sr-Cyrl"},
  {"autonym":"Hrvatski","code":"hr","dates":["hr","bs"],"fallback":["hr","bs","sr-Latn","en","sl","sr-Cyrl"],"madeFrom":"","reflex":"ijekavian","script":"Latn","source":"hr"},
  {"autonym":"Bosanski","code":"bs","dates":["bs","sr-Latn","hr"],"fallback":["bs","hr","sr-Latn","en","sl","sr-Cyrl"],"madeFrom":"","reflex":"ijekavian","script":"Latn","source":"bs"},
  {"autonym":"Slovenščina","code":"sl","dates":["sl"],"fallback":["sl","hr","en","bs","sr-Latn","sr-Cyrl"],"madeFrom":"","reflex":"","script":"Latn","source":"sl"},
];
