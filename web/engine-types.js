/*
 * The shapes of what the engine gives the page: JSDoc types only, no code. Import them
 * for type checking and editor help, e.g.
 *
 *   /** @typedef {import('./engine-types.js').SearchResult} SearchResult *\/
 *
 * Where each shape is made:
 *   web/engine.js          the promise API the page calls (class Engine)
 *   web/engine-worker.js   the worker that runs the modules; passes most answers through
 *   core/wasm/bindings.cpp the whole engine (Embind class Engine, assistant.wasm)
 *   core/wasm/quick_exports.cpp  the first-answer module (quick.wasm), JSON text
 *   core/session/session.cpp     view(): the conversation's view, JSON text
 *   core/handoff/package.cpp     build_package(): the handoff package, JSON text
 *                                (its schema: docs/handoff.schema.json)
 *
 * Field names are camelCase everywhere except in the handoff package, which keeps the
 * snake_case of its published schema. Answers that bindings.cpp makes still carry
 * `ok: true` when engine.js passes them through as they are (noted per type).
 */

// ---- languages, errors, loading ---------------------------------------------------------

/**
 * A content language of the knowledge base (core/common/languages.hpp). Options accept any
 * string; an unknown one falls back to the closest known language, else English.
 * @typedef {'en' | 'sr-Latn' | 'sr-Cyrl' | 'hr' | 'bs' | 'sl'} Lang
 */

/**
 * The `code` of a rejected call. From core (common/result.cpp): invalid_argument,
 * corrupt_database, version_mismatch, not_found, io_error (native only),
 * invalid_knowledge_base (kbc only), internal, pages_missing (handled inside the worker,
 * should not reach the page). From the worker: kb_unavailable (a download failed),
 * engine_aborted (the WebAssembly runtime stopped), not_loaded (a call before load),
 * internal (a thrown error without a code). From engine.js: engine_aborted (the worker
 * failed), engine_closed (close() was called).
 * @typedef {'invalid_argument' | 'corrupt_database' | 'version_mismatch' | 'not_found'
 *   | 'io_error' | 'invalid_knowledge_base' | 'internal' | 'pages_missing'
 *   | 'kb_unavailable' | 'engine_aborted' | 'engine_closed' | 'not_loaded'} EngineErrorCode
 */

/**
 * What every failed engine.js call rejects with: an Error with a machine-readable code.
 * The message is English, for developers and logs, never for customers.
 * @typedef {Error & { code: EngineErrorCode }} EngineError
 */

/**
 * The error object inside a failed answer, before engine.js turns it into an EngineError
 * (bindings.cpp failure(), quick_exports.cpp failure(), engine-worker.js onmessage).
 * @typedef {object} ErrorInfo
 * @property {EngineErrorCode} code
 * @property {string} message  English, for developers.
 */

/**
 * Passed to Engine.load/start's onProgress while a whole kb.sqlite downloads
 * (engine-worker.js fetchKnowledgeBase). Never sent for a paged knowledge base
 * (kb/manifest.json), nor when the server compressed the file.
 * @typedef {object} LoadProgress
 * @property {number} received  Bytes received so far (at most total).
 * @property {number} total  Content-Length of the response.
 */

/**
 * What engine.loaded resolves to and Engine.load() stores as engine.info: bindings.cpp
 * opened_info() plus two fields the worker adds (engine-worker.js load()).
 * @typedef {object} EngineInfo
 * @property {true} ok  Left over from the bindings' answer.
 * @property {number} formatVersion  kb.sqlite format version.
 * @property {number} tokenizerVersion  Version of the tokenizer the index was built with.
 * @property {string} contentHash  Hash of the knowledge-base sources, hex.
 * @property {number} articles  Distinct article ids.
 * @property {number} confidenceThreshold  What a confident answer needs (docs/confidence.md).
 * @property {number} confidenceScale  The score a stray match reaches on this knowledge base
 *   (0 when none did), which confidence is read against (docs/confidence.md).
 * @property {number} bytes  Bytes downloaded to open it: the hot pages (paged) or the whole file.
 * @property {number} loadMs  Milliseconds from the worker's load() call to opened, rounded.
 */

// ---- search -------------------------------------------------------------------------------

/**
 * One search result: an article or a guided fix (bindings.cpp hit_values(); quick.wasm
 * writes the same fields in quick_exports.cpp quick_search()). Also forPage()'s items.
 * @typedef {object} SearchHit
 * @property {string} id  Article or flow id.
 * @property {Lang} lang  The language of the version shown (may differ from the one that matched).
 * @property {string} title
 * @property {string} category
 * @property {'customer' | 'agent'} audience  'agent': agent-only (only with includeAgent).
 * @property {'howto' | 'troubleshooting' | 'info' | 'guide' | 'flow'} kind  'flow': a guided fix
 *   (start it with converse {type: 'start', flow: id}); the others are articles.
 * @property {string} snippetHtml  HTML-escaped text with matched words in <mark>; for
 *   forPage() the start of the text. Still pass it through sanitize.js before inserting.
 * @property {number} score  Higher is better; only comparable within one answer.
 */

/**
 * What engine.search() resolves to, or null when a newer search was started before this
 * one was answered (engine.js search()). A subset of the worker's answer: engine.js drops
 * ok, coverage and confidence.
 * @typedef {object} SearchResult
 * @property {SearchHit[]} hits  Best first, one per id; may be empty.
 * @property {Lang} lang  The language the hits are shown in: the query's language when its
 *   words tell, else the one asked for (Cyrillic typing shows Cyrillic); set even with no
 *   hits (knowledge_base.cpp search_once(); quick_index.cpp search() uses the one asked for).
 * @property {string} queryLang  The language the query is written in, '' when the words do
 *   not tell; always '' for a first answer (quick).
 * @property {string} corrected  The query as searched when a misspelt word was replaced
 *   ("Showing results for ..."), else ''. Always '' for a first answer.
 * @property {boolean} confident  Whether the best hit is probably an answer; false for a
 *   first answer. When false, say so and offer a person (P3).
 * @property {boolean} quick  Answered by the first-answer index (quick.wasm) while the whole
 *   engine loads: provisional; search again with {whole: true} for the real answer.
 */

/**
 * The worker's answer to 'search' as it arrives in engine.js (engine-worker.js passes the
 * module's object through). Not given to the page as is.
 * @typedef {object} WorkerSearchResult
 * @property {true} ok
 * @property {SearchHit[]} hits
 * @property {Lang} [lang]  Missing only on a superseded answer.
 * @property {string} [queryLang]  Whole engine only.
 * @property {string} [corrected]
 * @property {number} [coverage]  Whole engine only: share of the query's words in the best hit, 0..1.
 * @property {number} [confidence]  Whole engine only: the best hit's confidence, compared with
 *   EngineInfo.confidenceThreshold.
 * @property {boolean} [confident]
 * @property {true} [quick]  First-answer module only.
 * @property {true} [superseded]  A newer search started while this one waited for chunks or
 *   index files; hits is then [] (engine.js returns null for it anyway).
 */

// ---- articles -----------------------------------------------------------------------------

/**
 * What engine.article(id, lang) resolves to: the article in lang or the closest language
 * that has it (bindings.cpp article_now()). A flow id rejects with not_found.
 * @typedef {object} Article
 * @property {true} ok  Left over from the bindings' answer.
 * @property {string} id
 * @property {Lang} lang  The language of this version (compare with the one asked for).
 * @property {string} title
 * @property {string} category
 * @property {'customer' | 'agent'} audience
 * @property {'howto' | 'troubleshooting' | 'info' | 'guide'} kind
 * @property {string} html  Sanitised by kbc at build time.
 * @property {string[]} tags
 * @property {string[]} pages  Site pages the article is tagged with ("/internet").
 * @property {Lang[]} languages  Every language the article exists in.
 */

// ---- the conversation (core/session) -------------------------------------------------------

/**
 * What engine.converse() and engine.render() resolve to (bindings.cpp conversation(); the
 * worker parses view from JSON text, the state stays text).
 * @typedef {object} Conversation
 * @property {true} ok  Left over from the bindings' answer.
 * @property {string} state  The saved conversation as JSON text (session.cpp to_json()):
 *   store it as it is and pass it to the next call. Its inside is core's business.
 * @property {ConversationView} view  What to show now.
 */

/**
 * @typedef {'idle' | 'confirming' | 'running' | 'solved' | 'rated' | 'handoff'} Phase
 */

/**
 * A frustration signal (session.hpp struct signal; only its kind reaches the view).
 * @typedef {'repeated_no' | 'repeat_contact' | 'insult' | 'angry_words' | 'shouting'
 *   | 'exclamations' | 'long_time'} Signal
 */

/**
 * The conversation's view (session.cpp view()). The first block of fields is always there;
 * the others depend on phase (optional below).
 * @typedef {object} ConversationView
 * @property {Phase} phase
 * @property {string} lang  The language asked for (as passed, not normalised).
 * @property {CurrentFlow | null} flow  The current guided fix, or null.
 * @property {string | null} teamName  null except in the handoff phase, where it is the
 *   team's name in lang, or '' when no team is known.
 * @property {Signal[]} signals  Frustration signals now, in a fixed order.
 * @property {boolean} offerPerson  True when there is any signal: apologise and offer a person (P8).
 *   A mood (shouting, angry words) counts while it is in the customer's latest words.
 * @property {boolean} offerPersonAnyway  True when a signal holds whatever the customer writes
 *   next (they wrote before, said no twice, took long): new words typed are no calmer.
 * @property {boolean} canGoBack  Whether "Back" makes sense now.
 * @property {boolean} [noMatch]  idle: the last free text found no guided fix to restate.
 * @property {FlowSummary[]} [suggestions]  idle: guided fixes to offer (may be empty).
 * @property {string} [described]  confirming: the customer's own words.
 * @property {string} [problem]  confirming: the fix's restatement of the problem, to confirm (P2).
 * @property {FlowSummary[]} [candidates]  confirming: other matching fixes, best first.
 * @property {FlowNode} [node]  running: the current node. When the saved position no longer
 *   exists in the flow, node, apology, progress and tried are all missing.
 * @property {boolean} [apology]  running: the last answer was "no".
 * @property {boolean} [progress]  running: the last answer was "partly".
 * @property {TriedItem[]} [tried]  running and handoff: what was tried in this flow, in order.
 * @property {number} [rating]  solved and rated: 1-5, 0 before rating.
 * @property {string} [comment]  solved and rated.
 * @property {string} [team]  handoff: the team id ('' unknown); pass it to replyTime().
 * @property {'flow' | 'exhausted' | 'asked' | ''} [reason]  handoff: why a person is offered;
 *   apply() always sets one, '' only from a saved state without it (the package says 'asked').
 * @property {string} [text]  handoff: the handoff node's own text, '' outside one.
 * @property {string} [caseCode]  handoff: the case code after 'sent', '' before.
 */

/**
 * @typedef {object} CurrentFlow
 * @property {string} id
 * @property {string} title  In lang or the closest language.
 * @property {string} team  The flow's default team, may be ''.
 */

/**
 * @typedef {object} FlowSummary
 * @property {string} id
 * @property {string} title
 */

/**
 * The node shown in a running flow (session.cpp view(), case running).
 * @typedef {object} FlowNode
 * @property {string} id
 * @property {'question' | 'step' | 'solution' | 'article' | 'handoff'} type
 * @property {string} text  Plain text (never HTML): the question, step or note.
 * @property {string[]} options  question: the answers' labels; answer with {type: 'choose',
 *   option: index}. Empty for the other types.
 * @property {string} [article]  article nodes: the suggested article's id.
 * @property {string} [articleTitle]  article nodes: its title (the id when it is missing).
 * @property {string} [articleLang]  article nodes: the language it opens in ('' when missing).
 * @property {AlternativeView} [alternative]  solution nodes: the alternative to try now.
 */

/**
 * One alternative of a solution (P4, P5).
 * @typedef {object} AlternativeView
 * @property {number} number  1-based position.
 * @property {number} count  How many alternatives the solution has.
 * @property {string} title
 * @property {string[]} steps  Plain text, in order.
 * @property {string} why  Why the problem happens; may be '' (kbc requires it for flows).
 * @property {string} avoid  How to avoid it next time.
 * @property {{id: string, title: string, lang: string} | null} article  An article with more
 *   detail (lang: the language it opens in), or null. (Note: an article node gives the same
 *   thing as three fields, article, articleTitle and articleLang.)
 */

/**
 * @typedef {object} TriedItem
 * @property {string} title  The alternative's or article's title; '' for other nodes.
 * @property {'yes' | 'partly' | 'no'} answer
 */

/**
 * An action for engine.converse() (session.cpp action_from_json(); the list of types is in
 * session.hpp). Not returned, but what the page sends; listed to explain the view.
 * @typedef {object} ConversationAction
 * @property {'describe' | 'start' | 'confirm' | 'reject' | 'choose' | 'next' | 'feedback'
 *   | 'back' | 'restart' | 'rate' | 'something_else' | 'ask_person' | 'searched' | 'opened'
 *   | 'typed' | 'helped' | 'sent' | 'leave' | 'language'} type
 * @property {number} at  ms since 1970 (required).
 * @property {string} [text]  describe, ask_person, searched, typed, rate (comment), sent (case code).
 * @property {string} [lang]  describe; language (the language or script switched to).
 * @property {string} [flow]  start.
 * @property {'yes' | 'partly' | 'no'} [answer]  feedback; helped (yes or no).
 * @property {string} [article]  opened, helped.
 * @property {number} [option]  choose: 0-based.
 * @property {number} [rating]  rate: 1-5.
 * @property {string[]} [shown]  searched: the ids shown.
 */

// ---- handing over to a person (core/handoff) -----------------------------------------------

/**
 * What engine.replyTime(team, channel, now) resolves to (bindings.cpp reply_time()).
 * @typedef {object} ReplyTime
 * @property {true} ok  Left over from the bindings' answer.
 * @property {string} timeZone  The teams' time zone name from site.yaml (may be '').
 * @property {number | null} dueAt  When a person will answer, ms since 1970; null when
 *   nothing can be promised (then the three fields below are missing).
 * @property {LocalTime} [local]  dueAt in the teams' time zone.
 * @property {number} [daysAhead]  Calendar days from now to dueAt there (0 today, 1 tomorrow).
 * @property {number} [workingMinutes]  The channel's reply target in working minutes.
 */

/**
 * @typedef {object} LocalTime
 * @property {number} year
 * @property {number} month  1-12.
 * @property {number} day  1-31.
 * @property {number} weekday  0 = Sunday ... 6 = Saturday.
 * @property {number} hour
 * @property {number} minute
 */

/**
 * What engine.settings() resolves to: site.yaml's contacts and handoff channels
 * (bindings.cpp settings()).
 * @typedef {object} Settings
 * @property {true} ok  Left over from the bindings' answer.
 * @property {{name: string, phone: string, email: string, website: string}} company
 *   Each '' when site.yaml does not give it.
 * @property {HandoffChannel[]} channels  In site.yaml's order; empty without handoff settings.
 * @property {string} timeZone
 */

/**
 * @typedef {object} HandoffChannel
 * @property {'local' | 'webhook' | 'email' | 'download'} type
 * @property {string} [url]  webhook: a path on the site or an https address (only when set).
 * @property {string} [address]  email (only when set).
 * @property {number} replyWithin  Reply target in working minutes; -1: no promise.
 */

/**
 * engine.handoff(state, request) resolves to the package as JSON text (a string, indented
 * by two spaces): exactly what the customer previews and what is sent. This is that text
 * parsed (package.cpp build_package(); docs/handoff.schema.json is the authority). Its keys
 * are snake_case, unlike every other answer: e.g. case_code here, caseCode in the view;
 * reply.due_at an ISO text here, ReplyTime.dueAt a number (handoff-view.js promisedReply()
 * converts).
 * @typedef {object} HandoffPackage
 * @property {1} version
 * @property {string} case_code  "K7PM-Q9XD": read over the phone; last character checks.
 * @property {string} created_at  ISO instant, UTC with milliseconds.
 * @property {Lang} language
 * @property {'Latn' | 'Cyrl'} script
 * @property {string} page  Where the customer was.
 * @property {{summary: string, customer_words: string, flow: PackageRef | null}} problem
 *   summary: the restatement the customer confirmed ('' without a flow); customer_words:
 *   what they wrote, redacted.
 * @property {{id: string, name: string, reason: 'flow' | 'exhausted' | 'asked'}} team
 * @property {'normal' | 'high'} priority  high when there is any signal.
 * @property {Signal[]} signals
 * @property {{signal: Signal, words: string}[]} signal_words  Always written by package.cpp,
 *   optional in the schema.
 * @property {PackageReply | null} reply
 * @property {{name?: string, contact?: string}} [customer]  Only what the customer gave.
 * @property {string} [message]  What the customer added, redacted.
 * @property {{at: string, query: string, kind: 'typed' | 'described', shown: PackageItem[],
 *   opened: string[]}[]} searches
 * @property {{id: string, title: string, at: string, helped: boolean | null}[]} articles
 * @property {object[]} flow_path  {at, flow: PackageRef, step: 'started' | 'question' |
 *   'step' | 'alternative' | 'article', node?: PackageNode, title?: string, answer?: string}.
 * @property {object[]} alternatives  {at, flow: PackageRef, node: string, number?: number,
 *   article?: string, title: string, outcome: 'yes' | 'partly' | 'no'}.
 * @property {{at: string, text: string}[]} typed
 * @property {{solved: boolean, rating: number | null, comment: string}} satisfaction
 * @property {object[]} timeline  Every action, oldest first: {at, type, flow?, node?, text?,
 *   shown?, article?, option?, answer?, alternative?, rating?, reason?, language?} (see the
 *   schema); a search's shown is what was on screen; sent's text is the case code.
 * @property {('card' | 'iban' | 'jmbg' | 'password')[]} redacted  Kinds of data taken out.
 * @property {string} summary  Plain text, a few lines, in the customer's language.
 */

/**
 * @typedef {object} PackageReply
 * @property {'local' | 'webhook' | 'email' | 'download'} channel
 * @property {number} working_minutes
 * @property {string} due_at  ISO instant, UTC.
 * @property {string} local  "2026-12-07T09:30+01:00", in the teams' zone.
 * @property {string} local_text  "2026-12-07 09:30".
 * @property {number} weekday  0 = Sunday.
 * @property {number} days_ahead
 * @property {string} time_zone
 */

/**
 * @typedef {object} PackageRef
 * @property {string} id
 * @property {string} title  The id when the flow is unknown.
 */

/**
 * @typedef {object} PackageItem
 * @property {string} id
 * @property {string} title
 * @property {string} kind  An article kind, 'flow', or 'unknown'.
 */

/**
 * @typedef {object} PackageNode
 * @property {string} id
 * @property {'question' | 'step' | 'solution' | 'article' | 'handoff'} kind  (The view calls
 *   the same thing FlowNode.type.)
 * @property {string} text
 */

// ---- between engine.js and the worker ------------------------------------------------------

/**
 * A message from the worker to engine.js (engine-worker.js onmessage, fetchKnowledgeBase).
 * result is the answer of the method called: EngineInfo for 'load', WorkerSearchResult for
 * 'search', {ok, hits} for 'forPage', {ok, package} for 'handoff', else the type named
 * above.
 * @typedef {{id: number, ok: true, result: object}
 *   | {id: number, ok: false, error: ErrorInfo}
 *   | {progress: LoadProgress}} WorkerMessage
 */

/**
 * A token from the module's tokenize() (bindings.cpp; tests/js and authors only, not
 * reachable through engine.js).
 * @typedef {object} Token
 * @property {string} text  Canonical form: lower case, Latin, no diacritics.
 * @property {number} begin  Byte offset (UTF-8) of the word in the input.
 * @property {number} end  Byte offset one past the word.
 */

export {};
