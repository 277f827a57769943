#include "text/stopwords.hpp"

#include <algorithm>
#include <iterator>

namespace ha::text {
namespace {

// Folded forms, sorted so that look-up is a binary search.
constexpr std::string_view words[] = {
    "a",     "about", "after", "ako",    "al",     "ali",    "also",  "am",     "an",    "and",
    "any",   "are",   "as",    "at",     "be",     "been",   "bez",   "bi",     "bih",   "bil",
    "bila",  "bili",  "bilo",  "bio",    "bismo",  "biste",  "bo",    "bodo",   "bom",   "bomo",
    "bos",   "boste", "but",   "by",     "can",    "cant",   "ce",    "cemo",   "cemu",  "ces",
    "cete",  "could", "cu",    "da",     "dali",   "did",    "do",    "does",   "doing", "don",
    "for",   "from",  "gde",   "get",    "got",    "had",    "has",   "have",   "hoce",  "hocu",
    "how",   "i",     "if",    "ili",    "im",     "ima",    "imam",  "imate",  "in",    "into",
    "is",    "it",    "its",   "ive",    "iz",     "ja",     "jaz",   "je",     "jer",   "jos",
    "just",  "k",     "ka",    "kad",    "kada",   "kaj",    "kako",  "kao",    "kdaj",  "ker",
    "ki",    "kje",   "kod",   "koja",   "koje",   "kojeg",  "kojem", "koji",   "kojim", "kot",
    "lahko", "li",    "ll",    "m",      "me",     "mene",   "meni",  "mi",     "mogu",  "moj",
    "moja",  "moje",  "moji",  "mojim",  "moju",   "molim",  "moze",  "mozete", "my",    "na",
    "nam",   "nas",   "ne",    "need",   "nego",   "nema",   "ni",    "nimam",  "no",    "not",
    "o",     "od",    "of",    "on",     "ona",    "one",    "oni",   "ono",    "or",    "our",
    "ova",   "ovaj",  "ovo",   "pa",     "please", "po",     "pri",   "re",     "s",     "sa",
    "sam",   "samo",  "se",    "should", "si",     "smo",    "so",    "some",   "sta",   "ste",
    "still", "sto",   "su",    "sva",    "sve",    "svoj",   "t",     "ta",     "taj",   "te",
    "ter",   "than",  "that",  "the",    "their",  "them",   "then",  "there",  "these", "they",
    "this",  "ti",    "to",    "too",    "treba",  "trebam", "tudi",  "u",      "us",    "v",
    "vam",   "vas",   "ve",    "vec",    "very",   "vi",     "want",  "was",    "we",    "were",
    "what",  "when",  "where", "which",  "who",    "why",    "will",  "with",   "would", "you",
    "your",  "z",     "za",    "zakaj",  "zasto",  "zelim",  "zelo",
};

// Folded, sorted: en, sr/hr/bs (ekavian and ijekavian), sl; numbers one to ten, as in
// "three days".
constexpr std::string_view circumstance_words[] = {
    "again",   "ages",      "ago",     "already", "cakal",   "cakala",  "cakam",     "cakamo",
    "cekala",  "cekali",    "cekam",   "cekamo",  "cekanje", "cekao",   "cetiri",    "dan",
    "dana",    "danas",     "danes",   "danima",  "day",     "days",    "deset",     "devet",
    "dneva",   "dnevi",     "dni",     "dolgo",   "dugo",    "dva",     "dve",       "dvije",
    "eight",   "ena",       "evening", "five",    "forever", "four",    "hour",      "hours",
    "jedan",   "jedna",     "jedno",   "juce",    "jucer",   "jutra",   "jutro",     "jutros",
    "mesec",   "meseca",    "mesecev", "meseci",  "minut",   "minuta",  "minute",    "minutes",
    "mjesec",  "mjeseca",   "mjeseci", "month",   "months",  "morning", "nedelja",   "nedeljama",
    "nedelje", "nedelju",   "night",   "nine",    "noc",     "now",     "odavno",    "one",
    "opet",    "osam",      "pet",     "ponovno", "ponovo",  "pre",     "pred",      "prije",
    "sad",     "sada",      "sat",     "sata",    "sati",    "satima",  "sedam",     "sedem",
    "sedmica", "sedmicama", "sedmice", "sedmicu", "sest",    "seven",   "since",     "sinoc",
    "six",     "spet",      "stiri",   "teden",   "tedna",   "tednov",  "tednu",     "ten",
    "three",   "tjedan",    "tjedana", "tjedna",  "today",   "tonight", "tri",       "two",
    "ur",      "ure",       "uro",     "vceraj",  "vecer",   "veceras", "vikend",    "vikenda",
    "wait",    "waited",    "waiting", "week",    "weekend", "weeks",   "yesterday", "zdaj",
    "ze",      "zjutraj",   "zvecer",
};

// Sorted (binary search).
constexpr std::string_view vague_words[] = {
    "anything", "broke", "broken", "contacting", "dela", "delajo", "deluje", "doesnt",
    "dont", "everything", "fine", "funkcionira", "funkcionise", "help", "helps", "issue",
    "issues", "javljam", "javljamo", "kaj", "klicem", "kontaktiram", "nekaj", "nesto",
    "nic", "nista", "nothing", "pisem", "pomoc", "problem", "problema", "problemi",
    "problems", "rade", "radi", "radim", "something", "sve", "tezava", "tezave", "tezavo",
    "trouble", "vse", "work", "worked", "working", "works", "writing", "wrong", "zovem",
};

// Sorted (binary search). Services of other companies, as customers write their names
// (also the ways Serbian spells some of them: "fejsbuk", "vajber"). Not devices or
// systems a telecom's articles cover (iPhone, Android, Windows), nor names that are also
// words ("signal", "zoom", "prime").
constexpr std::string_view other_services[] = {
    "airbnb",   "aliexpress", "amazon",   "booking",   "chatgpt",  "deezer",    "discord",
    "disney",   "ebay",       "facebook", "fejsbuk",   "glovo",    "gmail",     "gugl",
    "hbo",      "hotmail",    "icloud",   "instagram", "linkedin", "messenger", "netflix",
    "olx",      "outlook",    "paypal",   "pinterest", "reddit",   "revolut",   "skype",
    "snapchat", "spotify",    "telegram", "temu",      "tiktok",   "tinder",    "twitch",
    "twitter",  "uber",       "vajber",   "viber",     "vocap",    "whatsapp",  "wolt",
    "yahoo",    "youtube",
};

// Sorted (binary search).
constexpr std::string_view object_pronouns[] = {
    "ga", "her", "him", "ih",  "im",  "ji",   "jih", "jim", "jo",  "joj",
    "me", "mi",  "mu",  "nam", "nas", "them", "ti",  "us",  "vam", "vas",
};

}  // namespace

bool is_object_pronoun(std::string_view folded_word) noexcept {
  return std::binary_search(std::begin(object_pronouns), std::end(object_pronouns), folded_word);
}

bool is_circumstance(std::string_view folded_word) noexcept {
  return std::binary_search(std::begin(circumstance_words), std::end(circumstance_words),
                            folded_word);
}

bool is_vague(std::string_view folded_word) noexcept {
  return std::binary_search(std::begin(vague_words), std::end(vague_words), folded_word);
}

bool is_other_service(std::string_view folded_word) noexcept {
  return std::binary_search(std::begin(other_services), std::end(other_services), folded_word);
}

bool is_stopword(std::string_view folded_word) noexcept {
  return std::binary_search(std::begin(words), std::end(words), folded_word);
}

}  // namespace ha::text
