// Words that carry no topic in a search (articles, pronouns, auxiliaries, prepositions,
// question words) in English, Serbian/Croatian/Bosnian and Slovenian, in canonical folded
// form. They are left out of queries, so "how do I reset my password" searches
// for "reset password"; they stay in the index.
#pragma once

#include <string_view>

namespace ha::text {

bool is_stopword(std::string_view folded_word) noexcept;

// Pronouns that stand after a verb as its object, short forms first ("radi mi", "works
// for me", "ne dela mi"; en, sr/hr/bs, sl), in canonical folded form: stopwords that say
// to whom, not what about.
bool is_object_pronoun(std::string_view folded_word) noexcept;

// Words of time and waiting ("since yesterday", "čekam već tri dana", "čakam že teden
// dni", numbers one to ten among them), in canonical folded form: they say how long or since when, not what about.
// They are searched like any word; for confidence, one the best hit lacks is no
// evidence against it (docs/confidence.md).
bool is_circumstance(std::string_view folded_word) noexcept;

// Words that say something is wrong or that the customer is getting in touch, but not
// what about ("nothing works", "ništa ne radi", "nič ne deluje", "I am contacting you",
// "javljam se"), in canonical folded form. Searched like any word; for confidence, a
// query of such words (with stopwords and words of time) names no topic, so no hit can
// be a confident answer to it (docs/confidence.md).
bool is_vague(std::string_view folded_word) noexcept;

// The name of another company's service ("facebook", "netflix", "gmail", "viber"), in
// canonical folded form. A question that names one the knowledge base never mentions is
// about that service: the articles that share its other words ("facebook forgot
// password", "netflix not working on my tv") are not a confident answer to it.
bool is_other_service(std::string_view folded_word) noexcept;

}  // namespace ha::text
