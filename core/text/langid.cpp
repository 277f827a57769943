#include "text/langid.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "common/languages.hpp"
#include "text/fold.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::text {
namespace {

constexpr language_mask EN = 1, SR = 2, HR = 4, BS = 8, SL = 16;
constexpr language_mask BCS = SR | HR | BS;  // Serbian, Croatian, Bosnian
constexpr language_mask IJ = HR | BS;        // ijekavian
constexpr language_mask SB = SR | BS;        // šta, ko, hiljada, voz
constexpr language_mask SOUTH = BCS | SL;

constexpr std::size_t en_index = 0, sr_index = 1, hr_index = 2, bs_index = 3, sl_index = 4;

struct lexeme {
  std::string_view word;  // as written, lower case, with its diacritics
  language_mask langs;
  float weight;
};

// Words that say which language a short query is in: function words, and words of
// everyday customer language that differ between the languages. A word may appear twice
// (its weights add up). Weight 0 marks a word every South Slavic language shares, so
// that its diacritic-less spelling is not read as another word ("se", not "še").
constexpr lexeme lexicon[] = {
    // English function words and everyday support words
    {"the", EN, 2}, {"my", EN, 1.5}, {"is", EN, 1.5}, {"are", EN, 1.5}, {"was", EN, 1.5},
    {"were", EN, 1.5}, {"be", EN, 1}, {"been", EN, 1.5}, {"to", EN, 1.5}, {"not", EN, 1.5},
    {"can", EN, 1.5}, {"cannot", EN, 2}, {"cant", EN, 2}, {"how", EN, 1.5}, {"do", EN, 1.5},
    {"does", EN, 1.5}, {"did", EN, 1.5}, {"don", EN, 1.5}, {"doesn", EN, 2}, {"didn", EN, 2},
    {"isn", EN, 2}, {"wasn", EN, 2}, {"won", EN, 1}, {"haven", EN, 2}, {"why", EN, 2},
    {"what", EN, 2}, {"where", EN, 2}, {"when", EN, 2}, {"which", EN, 2}, {"who", EN, 1.5},
    {"with", EN, 2}, {"for", EN, 1.5}, {"of", EN, 1.5}, {"on", EN, 0.5}, {"it", EN, 1.5},
    {"its", EN, 1.5}, {"you", EN, 2}, {"your", EN, 2}, {"me", EN, 1}, {"have", EN, 2},
    {"has", EN, 1.5}, {"had", EN, 1.5}, {"this", EN, 2}, {"that", EN, 2}, {"from", EN, 2},
    {"get", EN, 1.5}, {"got", EN, 1.5}, {"yes", EN, 1}, {"please", EN, 2}, {"there", EN, 2},
    {"still", EN, 1.5}, {"will", EN, 1.5}, {"would", EN, 1.5}, {"should", EN, 1.5},
    {"after", EN, 1.5}, {"before", EN, 1.5}, {"about", EN, 1.5}, {"at", EN, 1}, {"by", EN, 1},
    {"or", EN, 1}, {"and", EN, 2}, {"but", EN, 1.5}, {"all", EN, 1}, {"any", EN, 1.5},
    {"some", EN, 1.5}, {"im", EN, 1}, {"ive", EN, 1.5}, {"an", EN, 1}, {"an", EN, 1},
    {"help", EN, 1}, {"need", EN, 1.5}, {"want", EN, 1.5}, {"change", EN, 1.5}, {"pay", EN, 1},
    {"paid", EN, 1.5}, {"money", EN, 1.5}, {"card", EN, 1.5}, {"account", EN, 1.5},
    {"working", EN, 1.5}, {"work", EN, 1}, {"works", EN, 1.5}, {"arrived", EN, 2},
    {"received", EN, 2}, {"charged", EN, 2}, {"twice", EN, 2}, {"bill", EN, 1.5},
    {"broken", EN, 1.5}, {"login", EN, 1}, {"log", EN, 1}, {"sign", EN, 1.5},
    {"password", EN, 1.5}, {"delivery", EN, 1.5}, {"refund", EN, 1.5}, {"cancel", EN, 1.5},
    {"new", EN, 1}, {"again", EN, 1.5}, {"just", EN, 1}, {"up", EN, 1}, {"out", EN, 1},
    {"off", EN, 1}, {"order", EN, 1.5}, {"parcel", EN, 1.5}, {"package", EN, 1},
    {"phone", EN, 1}, {"number", EN, 1}, {"forgot", EN, 2}, {"reset", EN, 1},
    {"in", EN | SL, 1},
    // Slovenian
    {"sem", SL, 2}, {"smo", SL, 0.5}, {"ni", SL, 1.5}, {"nisem", SL, 2}, {"nimam", SL, 2},
    {"nimamo", SL, 2}, {"morem", SL, 2}, {"moremo", SL, 2}, {"more", SL, 0.5}, {"kaj", SL, 2},
    {"zakaj", SL, 2}, {"kje", SL, 2}, {"kdaj", SL, 2}, {"kateri", SL, 1.5}, {"katero", SL, 1.5},
    {"že", SL, 2}, {"še", SL, 2}, {"tudi", SL, 2}, {"zelo", SL, 2}, {"ker", SL, 2},
    {"ki", SL, 1.5}, {"kot", SL, 1.5}, {"če", SL, 1.5}, {"bo", SL, 1.5}, {"bom", SL, 2},
    {"lahko", SL | BS, 1.5}, {"prosim", SL, 2}, {"mojo", SL, 1}, {"mojega", SL, 2},
    {"mojem", SL, 2}, {"vse", SL, 1}, {"nič", SL, 2}, {"ničesar", SL, 2}, {"dela", SL, 1},
    {"deluje", SL, 2}, {"delujejo", SL, 2}, {"dobil", SL, 1.5}, {"prejel", SL, 2},
    {"prejela", SL, 2}, {"prispel", SL, 2}, {"prispela", SL, 2}, {"prispelo", SL, 2},
    {"čakam", SL, 2}, {"čakal", SL, 2}, {"čakala", SL, 2}, {"poslal", SL, 1.5},
    {"pozabil", SL, 2}, {"pozabila", SL, 2}, {"geslo", SL, 2}, {"gesla", SL, 2},
    {"plačilo", SL, 2}, {"plačila", SL, 2}, {"plačal", SL, 2}, {"plačala", SL, 2},
    {"plačati", SL, 2}, {"naročilo", SL, 2}, {"naročila", SL, 2}, {"naročil", SL, 2},
    {"denar", SL, 2}, {"teden", SL, 2}, {"tedna", SL, 2}, {"tednov", SL, 2}, {"dni", SL, 1},
    {"včeraj", SL, 2}, {"danes", SL, 2}, {"jutri", SL, 2}, {"zjutraj", SL, 2},
    {"številka", SL, 2}, {"številko", SL, 2}, {"spremeniti", SL, 2}, {"spremenim", SL, 2},
    {"vrniti", SL, 2}, {"vračilo", SL, 2}, {"hočem", SL, 1.5}, {"potrebujem", SL, 2},
    {"povezava", SL, 2}, {"omrežje", SL, 2}, {"kartico", SL, 1.5}, {"položnica", SL, 2},
    {"obvestilo", SL, 2}, {"sporočilo", SL, 2}, {"pomoč", SL, 2}, {"z", SL, 1.5},
    {"v", SL, 1.5}, {"uporabniški", SL, 2}, {"uporabnik", SL, 2}, {"klic", SL, 2},
    {"klicati", SL, 2}, {"poklical", SL, 2}, {"nihče", SL, 2}, {"noben", SL, 2},
    {"nobeden", SL, 2}, {"vedno", SL, 2}, {"spet", SL, 2}, {"zopet", SL, 2}, {"mogoče", SL, 2},
    {"morda", SL, 2}, {"hitro", SL, 1.5}, {"počasi", SL, 2}, {"počasen", SL, 2},
    {"počasno", SL, 2}, {"dolgo", SL, 1.5}, {"ura", SL, 1}, {"zdaj", SL, 2}, {"sedaj", SL, 2},
    {"tukaj", SL, 2}, {"kupil", SL, 1.5}, {"bil", SL, 1.5}, {"dober", SL, 1.5},
    {"aplikacijo", SL, 1.5}, {"mesec", SR | SL, 1}, {"meseca", SR | SL, 1},
    {"mesečno", SR | SL, 1}, {"vreme", SR | SL, 1}, {"lepo", SR | SL, 1}, {"cena", SR | SL, 1},
    {"nedelja", SR | SL, 1}, {"rešiti", SR | SL, 1}, {"gostovanje", SL, 1},
    {"ponovno", HR | SL, 1}, {"so", SL, 1.5}, {"tisoč", SL, 2}, {"evrov", SL, 2},
    {"evrov", SL, 2}, {"preveč", SL, 2}, {"rabim", SL, 2}, {"kopijo", SL, 1.5}, {"škoda", SL, 1.5},
    {"škodo", SL, 2}, {"nesreča", SL, 2}, {"zamenjava", SL, 2}, {"menjava", SL, 2},
    {"naročnina", SL, 2}, {"naročnine", SL, 2}, {"naročnino", SL, 2}, {"obroke", SL, 1.5},
    {"obroki", SL, 1.5}, {"polnjenje", SL, 2}, {"pozdravljeni", SL, 2}, {"kdo", SL, 2},
    {"položnico", SL, 2}, {"stroški", SL, 2}, {"strošek", SL, 2}, {"dvakrat", SL, 2},
    {"lep", SR | SL, 1}, {"zame", SL, 1.5},
    // Shared by every South Slavic language: no evidence, but known
    {"se", SOUTH, 0}, {"je", SOUTH, 0}, {"da", SOUTH, 0}, {"ne", SOUTH, 0}, {"na", SOUTH, 0},
    {"za", SOUTH, 0}, {"od", SOUTH, 0}, {"ce", SOUTH, 0}, {"ze", SOUTH, 0},
    // Serbian, Croatian, Bosnian
    {"nije", BCS, 1.5}, {"nisam", BCS, 1.5}, {"nismo", BCS, 1.5}, {"mogu", BCS, 1.5},
    {"možeš", BCS, 1}, {"može", BCS, 1}, {"zašto", BCS, 1.5}, {"kad", BCS, 1}, {"kada", BCS, 1},
    {"nešto", BCS, 1}, {"ništa", BCS, 1.5}, {"sve", BCS, 1}, {"već", BCS, 1.5},
    {"još", BCS, 1.5}, {"sam", BCS, 1.5}, {"u", BCS, 1}, {"sa", BCS, 1}, {"zaboravio", BCS, 2},
    {"zaboravila", BCS, 2}, {"zaboravili", BCS, 2}, {"dobio", BCS, 1.5}, {"stigao", BCS, 2},
    {"stigla", BCS, 2}, {"stiglo", BCS, 2}, {"stigle", BCS, 2}, {"čekam", BCS, 1.5},
    {"dana", BCS, 1}, {"novac", BCS, 1.5}, {"novca", BCS, 1.5}, {"pare", SB, 1},
    {"plaćanje", BCS, 1.5}, {"plaćen", BCS, 1.5}, {"plaćeno", BCS, 1.5}, {"platio", BCS, 1.5},
    {"platila", BCS, 1.5}, {"platiti", BCS, 1.5}, {"platim", BCS, 1.5}, {"uplata", BCS, 1.5},
    {"uplatu", BCS, 1.5}, {"uplatio", BCS, 1.5}, {"karticom", BCS, 1.5},
    {"karticu", BCS, 1.5}, {"lozinka", BCS, 1.5}, {"lozinku", BCS, 1.5}, {"lozinke", BCS, 1.5},
    {"korisnički", BCS, 1}, {"aplikaciju", BCS, 1}, {"radi", BCS, 1.5}, {"rade", BCS, 1},
    {"treba", BCS, 1}, {"trebam", IJ, 1}, {"hoću", BCS, 1}, {"molim", BCS, 1},
    {"dobar", BCS, 1.5}, {"zvao", BCS, 1.5}, {"zvala", BCS, 1}, {"pisao", BCS, 1.5},
    {"kupio", BCS, 1.5}, {"bio", BCS, 1.5}, {"opet", BCS, 1.5}, {"možda", BCS, 1.5},
    {"brzo", BCS, 1.5}, {"sporo", BCS, 1.5}, {"dugo", BCS, 1.5}, {"sada", BCS, 1.5},
    {"sad", BCS, 1}, {"primio", BCS, 1}, {"primila", BCS, 1}, {"mi", SOUTH, 0},
    // Serbian (ekavian forms, Serbian words)
    {"gde", SR, 2}, {"ovde", SR, 2}, {"negde", SR, 2}, {"nigde", SR, 2}, {"meseci", SR, 1.5},
    {"vremena", SR, 1}, {"pre", SR, 1.5}, {"posle", SR, 2}, {"deca", SR, 2}, {"dete", SR, 2},
    {"cene", SR | SL, 1}, {"cenu", SR, 1}, {"nedelju", SR, 1.5}, {"nedeljno", SR, 1.5},
    {"promeniti", SR, 2}, {"promenim", SR, 2}, {"promenio", SR, 2}, {"promenila", SR, 2},
    {"promena", SR, 2}, {"promenu", SR, 2}, {"uspeo", SR, 2}, {"uspela", SR, 2}, {"hteo", SR, 2},
    {"htela", SR, 2}, {"video", SR, 0.5}, {"razumeo", SR, 2}, {"sećam", SR, 2}, {"reč", SR, 2},
    {"rešenje", SR, 1.5}, {"rešio", SR, 1.5}, {"mleko", SR, 2}, {"bezbednost", SR, 2},
    {"porudžbina", SR, 2}, {"porudžbinu", SR, 2}, {"porudžbine", SR, 2}, {"poručio", SR, 1.5},
    {"poručila", SR, 1.5}, {"isporuka", SB, 1}, {"računar", SR, 2}, {"tastatura", SR, 2},
    {"dinara", SR, 2}, {"dinar", SR, 2}, {"rsd", SR, 2}, {"beograd", SR, 2}, {"beogradu", SR, 2},
    {"ulogujem", SR, 2}, {"ulogovati", SR, 2}, {"izlogujem", SR, 2}, {"nalog", SR, 1.5},
    {"naloga", SR, 1.5}, {"nalogu", SR, 1.5}, {"funkcioniše", SB, 2}, {"opština", SR, 1.5},
    {"kancelarija", SR, 1.5}, {"tokom", SB, 1.5}, {"takođe", SR, 2}, {"tačno", SB, 1.5},
    {"muzika", SB, 1.5}, {"fudbal", SB, 2}, {"univerzitet", SB, 1.5}, {"uvek", SR, 2},
    {"niko", SB, 1.5}, {"ponovo", SB, 1.5}, {"šta", SB, 1.5}, {"ko", SB, 1.5},
    {"hiljada", SB, 1.5}, {"hiljadu", SB, 1.5}, {"hiljade", SB, 1.5}, {"voz", SB, 1.5},
    {"vozom", SB, 1.5}, {"istorija", SR, 2}, {"trenutno", SB, 1}, {"uslovi", SB, 1.5},
    {"uslove", SB, 1.5}, {"šifra", SB, 0.75}, {"šifru", SB, 0.75}, {"mart", SB, 1.5},
    {"septembar", SB, 2}, {"oktobar", SB, 2}, {"novembar", SB, 2}, {"decembar", SB, 2},
    {"uvjeti", HR, 1.5}, {"uvjete", HR, 1.5}, {"marec", SL, 2}, {"junij", SL, 2},
    {"julij", SL, 2}, {"september", SL | EN, 1}, {"oktober", SL, 1.5}, {"november", SL | EN, 1},
    {"december", SL | EN, 1},
    // Croatian
    {"tko", HR, 2}, {"što", HR, 1}, {"tjedan", HR, 2}, {"tjedna", HR, 2}, {"tjedno", HR, 2},
    {"tjednu", HR, 2}, {"tisuća", HR, 2}, {"tisuću", HR, 2}, {"vlak", HR | SL, 1.5},
    {"zrakoplov", HR, 2}, {"kruh", HR, 2}, {"računalo", HR, 2}, {"računala", HR, 2},
    {"tipkovnica", HR, 2}, {"zaporka", HR, 2}, {"zaporku", HR, 2}, {"obitelj", HR, 2},
    {"kuna", HR, 1.5}, {"kune", HR, 1.5}, {"euro", HR | SL, 0.5}, {"eura", HR | SL, 1},
    {"zagreb", HR, 2}, {"zagrebu", HR, 2}, {"split", HR, 1}, {"rijeka", HR, 2}, {"osijek", HR, 2},
    {"pogreška", HR, 2}, {"pogrešku", HR, 2}, {"ured", HR, 1.5}, {"trenutačno", HR, 2},
    {"tijekom", HR, 2}, {"također", HR, 2}, {"točno", HR, 2}, {"glazba", HR, 2},
    {"nogomet", HR, 2}, {"sveučilište", HR, 2}, {"tvrtka", HR, 2}, {"tvrtke", HR, 2},
    {"povijest", HR, 2}, {"nitko", HR, 2}, {"funkcionira", HR, 2}, {"funkcioniraju", HR, 2},
    {"siječanj", HR, 2}, {"siječnja", HR, 2}, {"veljača", HR, 2}, {"veljače", HR, 2},
    {"ožujak", HR, 2}, {"ožujka", HR, 2}, {"travanj", HR, 2}, {"travnja", HR, 2},
    {"svibanj", HR, 2}, {"svibnja", HR, 2}, {"lipanj", HR, 2}, {"lipnja", HR, 2},
    {"srpanj", HR, 2}, {"srpnja", HR, 2}, {"kolovoz", HR, 2}, {"kolovoza", HR, 2},
    {"rujan", HR, 2}, {"rujna", HR, 2}, {"listopad", HR, 2}, {"listopada", HR, 2},
    {"studeni", HR, 2}, {"studenog", HR, 2}, {"prosinac", HR, 2}, {"prosinca", HR, 2},
    {"narudžba", IJ, 1.5}, {"narudžbu", IJ, 1.5}, {"narudžbe", IJ, 1.5},
    {"mobitel", IJ, 1.5}, {"mobitela", IJ, 1.5}, {"mobitelu", IJ, 1.5},
    // Ijekavian forms (Croatian and Bosnian)
    {"gdje", IJ, 2}, {"ovdje", IJ, 2}, {"mjesec", IJ, 2}, {"mjeseca", IJ, 2},
    {"mjesečno", IJ, 2}, {"mjeseci", IJ, 2}, {"vrijeme", IJ, 2}, {"cijena", IJ, 2},
    {"cijenu", IJ, 2}, {"cijene", IJ, 2}, {"prije", IJ, 2}, {"poslije", IJ, 2},
    {"dijete", IJ, 2}, {"djeca", IJ, 2}, {"lijepo", IJ, 2}, {"promijeniti", IJ, 2},
    {"promijenio", IJ, 2}, {"promijenila", IJ, 2}, {"promjena", IJ, 2}, {"promjenu", IJ, 2},
    {"riješiti", IJ, 2}, {"riješio", IJ, 2}, {"rješenje", IJ, 2}, {"uspio", IJ, 2},
    {"uspjela", IJ, 2}, {"htio", IJ, 2}, {"htjela", IJ, 2}, {"vidio", IJ, 1.5},
    {"razumio", IJ, 1.5}, {"sjećam", IJ, 2}, {"riječ", IJ, 2}, {"općina", IJ, 1.5},
    {"uvijek", IJ, 2}, {"nedjelja", IJ, 1.5}, {"nedjelju", IJ, 1.5},
    // Everyday words that differ: Croatian | Serbian (and Bosnian) | Serbian ekavian
    {"jučer", IJ, 1.5}, {"juče", SB, 1.5}, {"navečer", IJ, 1.5}, {"uveče", SR, 2},
    {"uvečer", IJ, 1}, {"inozemstvo", HR, 2}, {"inozemstvu", HR, 2}, {"inostranstvo", SB, 2},
    {"inostranstvu", SB, 2}, {"dobivam", HR, 1.5}, {"dobivate", HR, 1.5}, {"dobiva", HR, 1},
    {"dobijam", SB, 1.5}, {"dobija", SB, 1}, {"otok", HR | SL, 1.5}, {"otoke", HR, 1.5},
    {"otoku", HR | SL, 1.5}, {"ostrvo", SB, 2}, {"ostrvu", SB, 2}, {"jamstvo", HR, 2},
    {"jamstva", HR, 2}, {"garancija", SB, 1}, {"garanciju", SB, 1}, {"obavijest", HR, 2},
    {"obavijesti", HR, 1.5}, {"obaveštenje", SR, 2}, {"obavještenje", BS, 2},
    {"kolodvor", HR, 2}, {"kućanstvo", HR, 2}, {"domaćinstvo", SB, 2}, {"mirovina", HR, 2},
    {"penzija", SB, 1.5}, {"liječnik", HR, 2}, {"lekar", SR, 2}, {"ljekar", BS, 2},
    {"spremiti", HR, 1}, {"sačuvati", SB, 1}, {"zaslon", HR, 2}, {"ekran", SB, 1},
    {"datoteka", HR, 2}, {"datoteku", HR, 2}, {"fajl", SB, 1.5}, {"tražilica", HR, 2},
    {"preglednik", HR, 2}, {"postavke", IJ, 1}, {"podešavanja", SR, 2}, {"izbornik", HR, 2},
    {"poduzeće", HR, 2}, {"preduzeće", SB, 2}, {"firma", SB, 1}, {"obrazac", HR, 1.5},
    {"formular", SB, 1.5}, {"sretno", HR, 1.5}, {"srećno", SR, 2}, {"odjel", HR, 2},
    {"odjela", HR, 2}, {"odeljenje", SR, 2}, {"odjeljenje", BS, 2}, {"djelatnik", HR, 2},
    {"nadoplata", HR, 2}, {"nadoplatu", HR, 2}, {"prtljaga", HR | SL, 1}, {"prtljag", SR, 1.5},
    {"januar", SB | SL, 1.5}, {"januara", SB, 2}, {"februar", SB | SL, 1.5}, {"februara", SB, 2},
    {"april", SB | SL | EN, 0.5}, {"maj", SB | SL, 1}, {"juni", BS, 1.5}, {"jun", SR, 1.5},
    {"juli", BS, 1.5}, {"jul", SR, 1.5}, {"avgust", SR | SL, 1.5}, {"avgusta", SR | SL, 1.5},
    // Ekavian forms (Serbian): the ijekavian ones are told by their spelling
    {"mesto", SR, 2}, {"mestu", SR, 2}, {"primer", SR, 2}, {"menjati", SR, 2},
    {"menjam", SR, 2}, {"zameniti", SR, 2}, {"zamena", SR, 2}, {"ceo", SR, 2}, {"celu", SR, 2},
    {"celo", SR, 1.5}, {"levo", SR, 1.5}, {"belo", SR, 1.5}, {"svetlo", SR, 2},
    {"svetla", SR, 2}, {"svetli", SR, 2}, {"videti", SR, 2}, {"vidim", BCS, 0.5},
    {"želeo", SR, 2}, {"želela", SR, 2}, {"razumem", SR, 2}, {"deo", SR, 2}, {"delove", SR, 2},
    {"savet", SR, 2}, {"vredi", SR, 2}, {"obnoviti", BCS, 0.5}, {"obaveštenja", SR, 2},
    {"poslednji", SR, 2}, {"poslednja", SR, 2}, {"poslednje", SR, 2}, {"sledeći", SR, 2},
    {"sledeće", SR, 2}, {"uslugu", BCS, 0.5}, {"pesma", SR, 2}, {"veza", BCS, 0.5},
    {"resetovati", SB, 1.5}, {"resetovao", SB, 1.5}, {"resetirati", HR, 1.5},
    {"resetirao", HR, 1.5}, {"instalirati", HR, 1}, {"instalirao", HR, 1},
    {"instalirala", HR, 1}, {"blokirati", BCS, 0.5},
    {"aktivirati", BCS, 0.5}, {"kontaktirati", BCS, 0.5}, {"koristiti", BCS, 0.5},
    // Bosnian
    {"sedmica", BS, 1.5}, {"sedmicu", BS, 1.5}, {"sedmice", BS, 1.5}, {"sedmično", BS, 1.5},
    {"sedmica", SR, 0.5}, {"sedmicu", SR, 0.5}, {"sedmice", SR, 0.5}, {"hljeb", BS, 2},
    {"kahva", BS, 2}, {"historija", BS, 2}, {"km", BS, 2}, {"maraka", BS, 2}, {"bh", BS, 2},
    {"sarajevo", BS, 2}, {"sarajevu", BS, 2}, {"tuzla", BS, 2}, {"tuzli", BS, 2},
    {"mostar", BS, 2}, {"mostaru", BS, 2}, {"zenica", BS, 2}, {"zenici", BS, 2},
    // Places: where the customer is tells which language they write
    {"ljubljana", SL, 2}, {"ljubljani", SL, 2}, {"maribor", SL, 2}, {"mariboru", SL, 2},
    {"celje", SL, 2}, {"celju", SL, 2}, {"kranj", SL, 2}, {"kranju", SL, 2}, {"koper", SL, 2},
    {"kopru", SL, 2}, {"slovenija", SL, 2}, {"sloveniji", SL, 2}, {"kragujevac", SR, 2},
    {"subotica", SR, 2}, {"srbija", SR, 2}, {"srbiji", SR, 2}, {"hrvatska", HR, 2},
    {"hrvatskoj", HR, 2}, {"bosna", BS, 1}, {"bosni", BS, 1}, {"bih", BS, 0.5},
    {"slovenije", SL, 2}, {"srbije", SR, 2}, {"hrvatske", HR, 2}, {"bosne", BS, 1},
    // Companies a customer names by where they live: power, railways, operators, banks
    {"eps", SR, 2}, {"sbb", SR, 2}, {"mts", SR, 1.5}, {"yettel", SR, 1}, {"hep", HR, 2},
    {"eronet", IJ, 2}, {"elektroprivreda", SB, 1}, {"elektrodistribucija", SB, 1},
    // Words only Serbian, Croatian and Bosnian use ("ni" says it in Slovenian)
    {"nema", BCS, 1.5}, {"šifre", SB, 0.75}, {"šifrom", SB, 0.75},
};

// Letter pairs English spells with and the other four hardly ever do.
constexpr std::string_view english_pairs[] = {"th", "sh", "ch", "wh", "ck", "ee", "oo", "ou",
                                              "ea", "ay", "ey", "ow", "aw", "ph", "gh"};
// Ijekavian spellings (gdje, mjesec, tjedan, vjera, pjesma, sjećam, cjena) and ije
// between consonants (vrijeme, cijena, lijepo).
constexpr std::string_view ijekavian_pairs[] = {"dje", "mje", "tje", "vje", "pje", "sje", "cje"};
// Past participles in -io/-ao/-eo are Serbian, Croatian or Bosnian (Slovenian: -il, -al);
// these words end so too and are not.
constexpr std::string_view not_participles[] = {"video", "radio", "audio", "studio", "stereo",
                                                "foto", "info", "ciao", "cao", "rodeo"};

constexpr float kb_word_weight = 0.75f;
// Letter sequences: evidence per sequence, as log-probability above the average.
constexpr double gram_weight = 1.0;
constexpr double gram_cap = 1.5;
constexpr float unknown_english_cap = 0.5f;
constexpr double min_evidence = 0.75;  // less than this says nothing (one English-looking brand)
constexpr double clear_margin = 0.75;  // the best must lead the next by this much
// A customer reading a language other than English is moved to another one only on this
// much more evidence (see the decision below).
constexpr double switch_margin = 1.5;

struct lexicon_index {
  std::unordered_map<std::string, std::array<float, 5>> written;  // with diacritics
  std::unordered_map<std::string, std::array<float, 5>> plain;    // without them
};

void add(std::array<float, 5>& to, language_mask langs, float weight) {
  for (std::size_t i = 0; i < to.size(); ++i) {
    if (langs & (1u << i)) to[i] += weight;
  }
}

// The words before the one being read: the last, and the last that is not a clitic.
struct words_before {
  std::string last;
  std::string word;
};

const lexicon_index& index() {
  static const lexicon_index built = [] {
    lexicon_index x;
    for (const lexeme& l : lexicon) add(x.written[std::string(l.word)], l.langs, l.weight);
    for (const lexeme& l : lexicon) {
      const std::string p = plain_word(l.word);
      // A plain spelling that is itself a written word is that word ("se" is not "še").
      if (p != l.word && !x.written.count(p)) add(x.plain[p], l.langs, l.weight);
    }
    return x;
  }();
  return built;
}

bool contains(std::string_view word, std::string_view part) {
  return word.find(part) != std::string_view::npos;
}

bool ends_with(std::string_view word, std::string_view end) {
  return word.size() >= end.size() && word.substr(word.size() - end.size()) == end;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool ijekavian_spelling(std::string_view p) {
  for (std::string_view pair : ijekavian_pairs) {
    if (contains(p, pair) && p.substr(0, 3) != "obj" && p.substr(0, 3) != "pod") return true;
  }
  // ije between consonants, not the present tense of -iti verbs (dobijem, pijem, otkrijemo)
  for (std::size_t at = p.find("ije"); at != std::string_view::npos; at = p.find("ije", at + 1)) {
    if (at == 0 || is_vowel(p[at - 1]) || at + 3 >= p.size() || is_vowel(p[at + 3])) continue;
    const std::string_view rest = p.substr(at + 3);
    if (rest == "m" || rest == "s" || rest == "mo" || rest == "te") continue;
    if (p.substr(0, 5) == "prije" && p.size() > 5 && p[5] == 'm') continue;  // prijem
    if (p.substr(0, 4) == "nije" && p.size() > 4) continue;                  // nijedan
    return true;
  }
  return false;
}

bool participle(std::string_view p) {
  if (p.size() < 4) return false;
  if (!ends_with(p, "io") && !ends_with(p, "ao") && !ends_with(p, "eo")) return false;
  return std::find(std::begin(not_participles), std::end(not_participles), p) ==
         std::end(not_participles);
}

// Word shapes only Slovenian has, for a word no list knows: the past participle in -l
// ("pustil, zavrnil, naročil"; Serbian, Croatian and Bosnian write -o: "pustio"), verbal
// nouns in -itev/-atev ("prekinitev, namestitev"; they say "-anje") and agent nouns in
// -lec ("prodajalec, dostavljalec"; they say "-lac"). Nouns end in -l in every language
// too ("signal, profil, materijal"), hence the list below, "-ijal" and the consonant
// before the ending; -vec is left out (Croatian places: Čakovec, Vrbovec), and so is "šč"
// (Croatian and Serbian write it too: iščekujem, raščistiti).
constexpr std::string_view not_slovenian_participles[] = {
    "signal",  "kanal",    "portal",   "profil", "model",     "hotel",    "mobil",
    "email",   "mail",     "april",    "lokal",  "total",     "tunel",    "kabel",
    "level",   "final",    "manual",   "paypal", "ideal",     "normal",   "social",
    "digital", "material", "original", "global", "pedal",     "kapital",  "festival",
    "apel",    "hostel",   "panel",    "sal",    "automobil", "personal", "terminal"};

bool slovenian_shape(std::string_view p) {
  if (p.size() >= 6 && (ends_with(p, "itev") || ends_with(p, "atev"))) return true;
  if (p.size() >= 7 && ends_with(p, "lec")) return true;
  if (p.size() < 5 || !(ends_with(p, "il") || ends_with(p, "al") || ends_with(p, "el"))) {
    return false;
  }
  if (is_vowel(p[p.size() - 3]) || ends_with(p, "ijal")) return false;  // mail, materijal
  return std::find(std::begin(not_slovenian_participles), std::end(not_slovenian_participles),
                   p) == std::end(not_slovenian_participles);
}

bool english_spelling(std::string_view p) {
  for (std::string_view pair : english_pairs) {
    if (contains(p, pair)) return true;
  }
  return p.find_first_of("wqxy") != std::string_view::npos;
}

// Short words that stand between a verb and what it governs ("mogu se prijaviti",
// "želim vam reći"), so that a construction is read across them.
bool is_clitic(std::string_view p) {
  for (std::string_view c : {"se", "si", "mi", "ti", "ga", "ih", "joj", "mu", "nam", "vam", "im",
                             "me", "te", "li", "je", "sam", "su", "ju"}) {
    if (p == c) return true;
  }
  return false;
}

// Verbs after which Serbian writes da + present ("mogu da platim") and Croatian and
// Bosnian mostly the infinitive ("mogu platiti"); Slovenian has the infinitive too, and
// some of these verbs ("moram", "želim"), so the construction there only says "not
// Serbian".
bool is_modal(std::string_view p) {
  for (std::string_view m :
       {"mogu", "moze", "mozes", "mozemo", "mozete", "trebam", "trebamo", "trebate", "hocu",
        "hocemo", "hocete", "pokusavam", "pokusao", "pokusala", "smijem", "zelio", "zeljela"}) {
    if (p == m) return true;
  }
  return false;
}

bool is_shared_modal(std::string_view p) {  // Serbian, Croatian, Bosnian and Slovenian
  for (std::string_view m : {"moram", "moramo", "morate", "zelim", "zelimo", "zelite"}) {
    if (p == m) return true;
  }
  return false;
}

bool is_infinitive(std::string_view p) {
  return p.size() >= 4 && (ends_with(p, "ti") || ends_with(p, "ci"));
}

// How the words are put together, against the word before (and the last one before it
// that is not a clitic):
//   - "mogu da", "hoću da", "kako da": Serbian (and Bosnian) put da + present after a
//     modal verb or a question word; Croatian and Bosnian mostly the infinitive ("mogu se
//     prijaviti", "želim otkazati"; after "kako" Serbian writes it too, so less, and
//     Slovenian as Croatian does: "kako aktivirati" is Slovenian too);
//   - "da li" asks in Serbian and Bosnian, "je li" in Croatian;
//   - "sa" before a word that does not start with s, z, š, ž or m is Serbian or Bosnian
//     (Croatian writes "s operaterom", "sa" only where "s" would be hard to say);
//   - "platit ću": Croatian (and Bosnian) future; "platiću": Serbian.
void add_construction_evidence(std::string_view written, std::string_view p,
                               const words_before& before, std::array<float, 5>& s) {
  const std::string& previous = before.last;
  if (p == "da" &&
      (is_modal(previous) || is_shared_modal(previous) || previous == "treba" ||
       previous == "kako" || previous == "sta" || previous == "gde" || previous == "gdje")) {
    add(s, SB, 1);
  }
  if (is_infinitive(p) && is_modal(before.word)) add(s, IJ, 1);
  if (is_infinitive(p) && is_shared_modal(before.word)) add(s, IJ | SL, 1);
  if (is_infinitive(p) && before.word == "kako" && previous == "kako") add(s, IJ | SL, 0.5f);
  if (p == "li" && previous == "da") add(s, SB, 1);
  if (p == "li" && previous == "je") add(s, HR, 1);
  if (previous == "sa" && !p.empty() &&
      std::string_view("szm").find(p[0]) == std::string_view::npos) {
    add(s, SB, 1);
  }
  if ((written == "ću" || written == "ćeš" || written == "ćemo" || written == "ćete") &&
      ends_with(previous, "t")) {
    add(s, IJ, 1);
  }
  if (written.size() > 6 && (ends_with(written, "iću") || ends_with(written, "aću"))) {
    add(s, SR, 1);
  }
}

// The text without what is markup or code rather than a sentence: tags ("<img src=x
// onerror=alert(1)>") and chunks joined by '=' ("lang=sl"). Their words are no evidence
// of a language (letter sequences of "onerror" looked Slovenian), so they become spaces.
std::string without_markup(std::string_view text) {
  std::string out(text);
  for (std::size_t open = out.find('<'); open != std::string::npos; open = out.find('<', open + 1)) {
    const std::size_t close = out.find('>', open);
    if (close == std::string::npos) break;
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(open),
              out.begin() + static_cast<std::ptrdiff_t>(close) + 1, ' ');
  }
  for (std::size_t eq = out.find('='); eq != std::string::npos; eq = out.find('=', eq + 1)) {
    std::size_t from = eq;
    while (from > 0 && out[from - 1] != ' ' && out[from - 1] != '\n') --from;
    std::size_t to = eq;
    while (to < out.size() && out[to] != ' ' && out[to] != '\n') ++to;
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(from),
              out.begin() + static_cast<std::ptrdiff_t>(to), ' ');
  }
  return out;
}

// A word neither list knows: how likely each language writes its letter sequences,
// relative to the average of the knowledge base's languages, at most gram_cap either way.
void add_gram_evidence(std::string_view p, const language_model& model, bool has_bosnian,
                       std::array<float, 5>& s) {
  if (p.size() < 3) return;
  std::string padded(1, '_');  // built in steps: GCC 12 warns wrongly on "_" + s + "_"
  padded.append(p);
  padded += '_';
  std::array<double, 5> log_p{};
  std::size_t grams = 0;
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i) {
    const auto it = model.grams.find(padded.substr(i, 3));
    if (it == model.grams.end()) continue;
    for (std::size_t l = 0; l < log_p.size(); ++l) log_p[l] += it->second[l];
    ++grams;
  }
  if (grams == 0) return;
  language_mask present = model.languages;
  if (!has_bosnian && (present & HR)) {
    log_p[bs_index] = log_p[hr_index];
    present |= BS;
  }
  double mean = 0;
  int count = 0;
  for (std::size_t l = 0; l < log_p.size(); ++l) {
    if (present & (1u << l)) {
      mean += log_p[l];
      ++count;
    }
  }
  mean /= count;
  for (std::size_t l = 0; l < log_p.size(); ++l) {
    if (!(present & (1u << l))) continue;
    const double e = gram_weight * (log_p[l] - mean) / static_cast<double>(grams);
    s[l] += static_cast<float>(std::clamp(e, -gram_cap, gram_cap));
  }
}

}  // namespace

std::string plain_word(std::string_view word) {
  const std::string lower = to_lower(word);
  std::string out;
  out.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size();) {
    const char32_t cp = decode(lower, i);
    if (cp >= 0x400 && cp <= 0x4FF) {  // Cyrillic: its canonical Latin letters
      append_folded(out, cp);
      continue;
    }
    switch (cp) {
      case U'č': case U'ć': out += 'c'; break;
      case U'š': out += 's'; break;
      case U'ž': out += 'z'; break;
      case U'đ': out += "dj"; break;
      default: append_utf8(out, cp);
    }
  }
  return out;
}

namespace {

using scores = std::array<float, 5>;

// What the words say, each on its own and with the word before it (a lexicon of function
// words, the knowledge base's words and letter groups, spelling, constructions).
// english_words: how many words added to English.
scores word_evidence(std::string_view text, const language_model* model, int& english_words) {
  scores s{};
  const lexicon_index& lex = index();
  // A knowledge base without Bosnian text: its Croatian evidence counts for Bosnian too
  // (both are ijekavian); the lexicon's Bosnian words then tell the two apart.
  const bool kb_has_bosnian = model && (model->languages & BS);
  words_before before;
  for (const token& t : tokenize(text)) {
    const float english_before = s[en_index];
    const std::string_view as_typed = text.substr(t.begin, t.end - t.begin);
    // Search syntax in capitals (AND, OR, NOT, NEAR) is no English.
    if (is_search_operator(as_typed)) continue;
    const std::string written = to_lower(as_typed);
    const std::string p = plain_word(written);
    if (p.find_first_not_of("0123456789") == std::string::npos) continue;
    bool known = false;
    if (const auto it = lex.written.find(written); it != lex.written.end()) {
      for (std::size_t i = 0; i < s.size(); ++i) s[i] += it->second[i];
      known = true;
    } else if (written == p) {  // typed without diacritics
      if (const auto pt = lex.plain.find(p); pt != lex.plain.end()) {
        for (std::size_t i = 0; i < s.size(); ++i) s[i] += pt->second[i];
        known = true;
      }
    }
    if (model) {
      if (const auto it = model->words.find(p); it != model->words.end()) {
        const language_mask langs = it->second;
        // A word two or three languages share says less than a word of one; Croatian and
        // Bosnian count as one here, since a word only they share ("vratiti", "tjedan")
        // says ijekavian, against Serbian, as fully as a Croatian one did before the
        // knowledge base had Bosnian text.
        const int sharing = std::popcount(langs) - ((langs & IJ) == IJ ? 1 : 0);
        const float weight = kb_word_weight / static_cast<float>(sharing);
        add(s, langs, weight);
        if (!kb_has_bosnian && (langs & HR)) {
          s[bs_index] += weight;
        } else if (!kb_has_bosnian && (langs & SR)) {
          s[bs_index] += weight / 2;  // Bosnian words are often Serbian ones
        }
        known = true;
      }
    }
    if (!known) {
      // A word no list knows may be a brand or a product ("wifi", "iphone"), which look
      // English in every language: what it says for English is capped, so that such a
      // word alone does not make a query English.
      scores spelling{};
      if (ijekavian_spelling(p)) add(spelling, IJ, 1);
      if (participle(p)) add(spelling, BCS, 0.75f);
      if (slovenian_shape(p)) add(spelling, SL, 0.75f);
      if (english_spelling(p)) add(spelling, EN, 0.5f);
      if (model && !model->grams.empty()) add_gram_evidence(p, *model, kb_has_bosnian, spelling);
      spelling[en_index] = std::min(spelling[en_index], unknown_english_cap);
      for (std::size_t i = 0; i < s.size(); ++i) s[i] += spelling[i];
    }
    add_construction_evidence(written, p, before, s);
    if (s[en_index] > english_before) ++english_words;
    before.last = p;
    if (!is_clitic(p)) before.word = p;
  }
  return s;
}

// Letters a language does not have: ć and đ are not Slovenian, and none of č, ć, đ, š, ž
// is English.
void letter_evidence(std::string_view text, scores& s) {
  const bool soft = contains(text, "ć") || contains(text, "Ć") || contains(text, "đ") ||
                    contains(text, "Đ");
  const bool hard = contains(text, "č") || contains(text, "Č") || contains(text, "š") ||
                    contains(text, "Š") || contains(text, "ž") || contains(text, "Ž");
  if (soft) {
    s[sl_index] -= 2;
    s[en_index] -= 3;
  }
  if (hard) s[en_index] -= 3;
}

// The language the evidence names clearly enough, or "" (see identify_language).
std::string decide(const scores& s, std::string_view current, int english_words) {
  std::array<std::size_t, 5> order{0, 1, 2, 3, 4};
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return s[a] > s[b]; });
  const double best = s[order[0]];
  if (best < min_evidence) return {};
  // The language the customer reads now, without its script.
  const std::string_view reading = written_source(current);
  language_mask close = 0;  // languages within the margin of the best
  for (std::size_t i : order) {
    if (best - s[i] < clear_margin) close |= static_cast<language_mask>(1u << i);
  }
  std::size_t chosen = order[0];
  if (close != (1u << chosen)) {
    if ((close & ~BCS) != 0) return {};  // English or Slovenian among them: unclear
    // Serbian, Croatian or Bosnian, and the text does not say which: in this order, unless
    // the customer reads one of them (below).
    for (std::size_t i : {bs_index, hr_index, sr_index}) {
      if (close & (1u << i)) chosen = i;
    }
  }
  // A customer who reads another language than English (the page's default) stays in it
  // unless the text says clearly that it is another: one word the knowledge base happens
  // to use in one of them ("ruter") is not enough.
  for (std::size_t i = 1; i < identified_languages.size(); ++i) {
    if (identified_languages[i] == reading && s[chosen] - s[i] < switch_margin) chosen = i;
  }
  // English words are borrowed by every other language ("password", "refund", "reset"):
  // one of them does not take a customer who reads another language to English.
  if (chosen == en_index && !current.empty() && current != identified_languages[en_index] &&
      english_words < 2) {
    return {};
  }
  // Serbian in the script the customer reads.
  return std::string(display_language(identified_languages[chosen], false, true, current));
}

}  // namespace

language_guess identify_language(std::string_view text, std::string_view current,
                                 const language_model* model) {
  language_guess guess;
  if (has_cyrillic(text)) {
    guess.lang = display_language({}, true);
    guess.scores[sr_index] = 1;
    return guess;
  }
  const std::string prose = without_markup(text);
  int english_words = 0;
  scores s = word_evidence(prose, model, english_words);
  letter_evidence(prose, s);
  for (std::size_t i = 0; i < s.size(); ++i) guess.scores[i] = s[i];
  guess.lang = decide(s, current, english_words);
  return guess;
}

}  // namespace ha::text
