/*
 * The agent console: the same knowledge base and the same engine as the customer's
 * widget (P14: one source of truth), for the person who takes a case over.
 *
 *   inbox      cases sent from the help center in this browser (IndexedDB 'cases',
 *              announced on BroadcastChannel '<company>-cases'), or opened from a case
 *              file or pasted JSON
 *   case view  the summary first, then the facts and the whole timeline; every article
 *              the customer saw opens with one click
 *   knowledge  search including agent-only articles (the playbook), and the guided fixes,
 *              which an agent walks for a caller on the phone
 *
 * The console speaks the agent's language (agent-i18n.js); case data is shown as the
 * customer wrote it. Every text from a case or the knowledge base is set as
 * textContent; article HTML goes through sanitizedFragment(), as in the widget.
 */
import { agentStrings, ta } from './agent-i18n.js';
import { renderConversation } from './conversation.js';
import { companyFileName, download, el } from './dom.js';
import { Engine } from './engine.js';
import { dateLocale, languages, pickLanguage } from './i18n.js';
import { sanitizedFragment } from './sanitize.js';
import { site } from './site.js';
import { caseStore } from './store.js';

const $ = (selector) => document.querySelector(selector);
const ui = {
  consoleLang: $('select[name=console-lang]'),
  list: $('.case-list'), empty: $('.empty'), file: $('input[type=file]'), paste: $('textarea[name=paste]'),
  importError: $('.import-error'), caseView: $('main.case'),
  search: $('.kb-search'), query: $('input[name=q]'), lang: $('select[name=lang]'), status: $('.kb-status'),
  results: $('.kb-results'), article: $('.kb-article'), articleTitle: $('.kb-article-title'),
  articleBody: $('.kb-article-body'), flow: $('.kb-flow'),
};

const languageKey = companyFileName(site.company.name, 'agent-language');
let lang = localStorage.getItem(languageKey) || pickLanguage(navigator.language);
const say = (key, values) => ta(lang, key, values);

const engine = Engine.load({ kbUrl: 'kb/manifest.json' });
let current = null;        // the case shown
let walk = { state: '' };  // the guided fix the agent walks for a caller

for (const { code, name } of languages) {
  ui.consoleLang.append(new Option(name, code));
  ui.lang.append(new Option(name, code));
}
ui.consoleLang.value = lang;
ui.lang.value = lang;

function renderStrings() {
  document.documentElement.lang = lang;
  document.title = say('pageTitle');
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = say(node.dataset.t);
}

// ---- cases ----------------------------------------------------------------------------

// What a case must have for the console to show it; anything else is refused with the
// reason (docs/handoff.schema.json is the full contract). Returns '' when it is a case.
export function checkCase(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return say('notObject');
  if (value.version !== 1) return say('wrongVersion', { version: JSON.stringify(value.version) });
  if (typeof value.case_code !== 'string' || !/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/.test(value.case_code)) {
    return say('noCode', { code: 'case_code' });
  }
  for (const field of ['summary', 'created_at', 'language']) if (typeof value[field] !== 'string') return say('noField', { field });
  for (const field of ['timeline', 'searches', 'articles', 'alternatives']) if (!Array.isArray(value[field])) return say('noList', { field });
  return '';
}

// When a reply is due, in the agent's own time zone, and how long from now: "Sun 6 Dec
// 2026, 10:00 (in 2 hr 10 min)", or "… (35 min overdue)".
function dueText(reply, now = Date.now()) {
  const due = new Date(reply.due_at);
  if (Number.isNaN(due.getTime())) return `${reply.local} (${reply.time_zone})`;
  const minutes = Math.round(Math.abs(due.getTime() - now) / 60000);
  const unit = (value, name) => new Intl.NumberFormat(dateLocale(lang), { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [days ? unit(days, 'day') : '', hours ? unit(hours, 'hour') : '', !days && minutes % 60 ? unit(minutes % 60, 'minute') : '']
    .filter(Boolean).join(' ') || unit(0, 'minute');
  const when = due.toLocaleString(dateLocale(lang), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return `${when} (${say(due.getTime() >= now ? 'dueIn' : 'overdue', { time: parts })})`;
}

function formatTime(iso, options = { dateStyle: 'medium', timeStyle: 'short' }) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(dateLocale(lang), options);
}

async function loadInbox(select) {
  let cases = [];
  try {
    cases = await caseStore.all();
  } catch (error) {
    ui.importError.textContent = say('casesUnreadable', { error: error.message });
  }
  cases.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
  ui.empty.hidden = cases.length > 0;
  ui.list.replaceChildren(...cases.map((c) => el('li', {},
    el('button', { type: 'button', 'data-case': c.case_code, 'aria-current': String(current?.case_code === c.case_code) },
      el('span', { class: 'code', text: c.case_code }),
      el('span', { text: (c.problem?.summary || c.problem?.customer_words || '—') + (c.updates?.length ? ` (+${c.updates.length})` : '') }),
      el('span', { class: 'meta' },
        el('span', { text: `${c.team?.name || say('teamUnknown')} · ${formatTime(c.created_at)}` }),
        c.priority === 'high' ? el('span', { class: 'priority-high', text: ` · ${say('highPriority')}` }) : null)))));
  if (select !== undefined) showCase(cases.find((c) => c.case_code === select) ?? null);
}

function openCase(value, source) {
  const problem = checkCase(value);
  if (problem) {
    ui.importError.textContent = say('notCase', { source, problem });
    return;
  }
  ui.importError.textContent = '';
  // A case opened from a file joins the inbox, so it is still there after a reload.
  caseStore.put(value).then(() => loadInbox(value.case_code), () => showCase(value));
}

function parseCase(text, source) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    ui.importError.textContent = say('notJson', { source, error: error.message });
    return;
  }
  openCase(value, source);
}

function articleLink(ref) {
  if (!ref) return null;
  return el('button', { type: 'button', class: 'link', text: ref.title, 'data-article': ref.id, 'data-kind': ref.kind ?? '' });
}

// One line of the timeline, in words an agent reads at a glance.
function describe(item) {
  const title = item.flow?.title ?? '';
  switch (item.type) {
    case 'searched':
      return [say('ev_searched', { text: item.text, shown: (item.shown ?? []).map((s) => s.title).join('; ') || say('nothingShown') })];
    case 'describe': return [say('ev_describe', { text: item.text })];
    case 'opened': return [`${say('ev_opened')} `, articleLink(item.article)];
    case 'helped': return [articleLink(item.article), ` — ${say(item.answer === 'yes' ? 'helped' : 'notHelped')}`];
    case 'start': return [say('ev_start', { title })];
    case 'confirm': return [say('ev_confirm', { title })];
    case 'reject': return [say('ev_reject', { title })];
    case 'choose': return [`${item.node?.text ?? ''} → ${item.option ?? ''}`];
    case 'next': return [say('ev_next', { text: item.node?.text ?? '' })];
    case 'feedback': {
      const what = item.alternative ? say('ev_solution', item.alternative) : null;
      return [what ?? articleLink(item.article), ' — ',
        el('span', { class: `outcome-${item.answer}`, text: say(`outcome_${item.answer}`) })];
    }
    case 'rate': return [say('ev_rate', { rating: item.rating }) + (item.text ? `: “${item.text}”` : '')];
    case 'typed': return [say('ev_typed', { text: item.text })];
    case 'ask_person': return [say('ev_ask_person') + (item.text ? `: “${item.text}”` : '')];
    case 'handoff_offered': return [say('ev_handoff_offered', { reason: say(`reason_${item.reason}`) })];
    case 'back': return [say('ev_back')];
    case 'restart': return [say('ev_restart')];
    case 'leave': case 'something_else': return [say('ev_leave')];
    case 'language': return [say('ev_language', { language: languageName(item.language) ?? '' })];
    case 'sent': return [say('ev_sent', { code: item.text ?? '' })];
    default: return [item.type];
  }
}

// A language by its own name ("Bosanski"), as the language menus show it; an unknown code as it is.
function languageName(code) {
  return languages.find((l) => l.code === code)?.name ?? code;
}

function showCase(c) {
  current = c;
  for (const b of ui.list.querySelectorAll('button[data-case]')) b.setAttribute('aria-current', String(b.dataset.case === c?.case_code));
  if (!c) {
    ui.caseView.replaceChildren(el('p', { class: 'hint', text: say('chooseCase') }));
    return;
  }
  const facts = el('dl', { class: 'facts' });
  const fact = (name, value) => { if (value) facts.append(el('dt', { text: say(name) }), el('dd', { text: value })); };
  fact('created', formatTime(c.created_at));
  fact('language', languageName(c.language));
  fact('page', c.page);
  fact('team', `${c.team?.name || say('teamUnknown')} (${say(`reason_${c.team?.reason ?? 'asked'}`)})`);
  // Each signal with the customer's own words that show it, when they wrote them.
  const signals = (c.signals ?? []).map((signal) => {
    const words = c.signal_words?.find((w) => w.signal === signal)?.words;
    const named = agentStrings.en[`signal_${signal}`] ? say(`signal_${signal}`) : signal;
    return words ? `${named}: "${words}"` : named;
  });
  fact('priority', say(`priority_${c.priority === 'high' ? 'high' : 'normal'}`) + (signals.length ? ` — ${signals.join('; ')}` : ''));
  fact('replyDue', c.reply ? dueText(c.reply) : say('noPromise'));
  fact('customer', c.customer ? [c.customer.name, c.customer.contact].filter(Boolean).join(', ') : say('noContact'));
  fact('message', c.message);
  fact('removed', c.redacted?.join(', '));
  const seen = el('ul', { class: 'seen' }, ...c.articles.map((a) => el('li', {}, articleLink({ id: a.id, title: a.title }),
    a.helped === null || a.helped === undefined ? '' : ` — ${say(a.helped ? 'helped' : 'notHelped')}`)));
  const timeline = el('ol', { class: 'timeline', 'aria-label': say('timeline') }, ...c.timeline.map((item) =>
    el('li', { 'data-type': item.type },
      el('time', { dateTime: item.at, text: formatTime(item.at, { timeStyle: 'medium' }) }), ...describe(item))));
  const flowButton = c.problem?.flow
    ? el('button', { type: 'button', class: 'choice', text: say('walk', { title: c.problem.flow.title }), 'data-walk': c.problem.flow.id })
    : null;
  // What the customer added after sending (updates, docs/handoff.md), oldest first.
  const updates = [...(c.updates ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
  const added = updates.length ? el('ol', { class: 'updates' }, ...updates.map((u) => el('li', {},
    el('time', { dateTime: u.created_at, text: formatTime(u.created_at) }), ` ${u.message ?? ''}`))) : null;
  ui.caseView.replaceChildren(...[
    el('h2', { text: say('caseTitle', { code: c.case_code }) }),
    el('pre', { class: 'summary', text: c.summary }),
    added ? el('h3', { text: say('updatesTitle') }) : null,
    added,
    facts,
    c.articles.length ? el('h3', { text: say('articlesRead') }) : null,
    c.articles.length ? seen : null,
    flowButton,
    el('h3', { text: say('timeline') }),
    timeline,
    el('button', { type: 'button', class: 'link', text: say('download'), 'data-download': c.case_code }),
  ].filter(Boolean));
}

ui.list.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-case]');
  if (button) showCase(await caseStore.get(button.dataset.case));
});

ui.caseView.addEventListener('click', (e) => {
  const article = e.target.closest('button[data-article]');
  if (article) {
    if (article.dataset.kind === 'flow') startWalk(article.dataset.article);
    else openArticle(article.dataset.article, current?.language);
    return;
  }
  const walkButton = e.target.closest('button[data-walk]');
  if (walkButton) {
    // The caller's language, so the agent reads them the words they see on their screen.
    ui.lang.value = current?.language ?? ui.lang.value;
    startWalk(walkButton.dataset.walk);
    return;
  }
  if (e.target.closest('button[data-download]') && current) {
    download(JSON.stringify(current, null, 2), companyFileName(site.company.name, `case-${current.case_code}.json`));
  }
});

ui.file.addEventListener('change', async () => {
  const file = ui.file.files[0];
  if (file) parseCase(await file.text(), file.name);
  ui.file.value = '';
});
$('button[data-import=paste]').addEventListener('click', () => parseCase(ui.paste.value, say('pastedText')));

// A case sent from the help center in another tab appears at once.
if ('BroadcastChannel' in window) {
  new BroadcastChannel(companyFileName(site.company.name, 'cases')).onmessage = (event) => loadInbox(current ? current.case_code : event.data?.case_code);
}

ui.consoleLang.addEventListener('change', () => {
  lang = ui.consoleLang.value;
  localStorage.setItem(languageKey, lang);
  renderStrings();
  showCase(current);
  loadInbox();
});

// ---- knowledge base -------------------------------------------------------------------

async function search() {
  const query = ui.query.value;
  const e = await engine;
  if (!query.trim()) {
    ui.results.replaceChildren();
    ui.status.textContent = '';
    return;
  }
  const found = await e.search(query, { lang: ui.lang.value, limit: 10, includeAgent: true });
  if (!found || query !== ui.query.value) return;
  ui.article.hidden = true;
  ui.flow.hidden = true;
  ui.results.hidden = false;
  ui.status.textContent = found.hits.length
    ? [say('found', { count: found.hits.length }), found.corrected ? say('searchedFor', { corrected: found.corrected }) : ''].filter(Boolean).join(' ')
    : say('nothingFound');
  ui.results.replaceChildren(...found.hits.map((hit) => el('li', {},
    el('button', { type: 'button', 'data-id': hit.id, 'data-kind': hit.kind, lang: hit.lang },
      el('span', {},
        hit.audience === 'agent' ? el('span', { class: 'badge-agent', text: say('agentsOnly') }) : null,
        hit.kind === 'flow' ? el('span', { class: 'badge-flow', text: say('guidedFix') }) : null,
        el('strong', { text: hit.title }),
        // An article only in another language says which, before the agent opens it.
        hit.lang !== ui.lang.value ? el('span', { class: 'badge-lang', text: languageName(hit.lang) }) : null),
      el('span', { class: 'meta' }, sanitizedFragment(hit.snippetHtml))))));
}

async function openArticle(id, language = ui.lang.value) {
  const e = await engine;
  let article;
  try {
    article = await e.article(id, language);
  } catch (error) {
    ui.status.textContent = say('articleError', { code: error.code });
    return;
  }
  ui.articleTitle.textContent = article.title;
  ui.article.lang = article.lang;
  ui.articleBody.replaceChildren(
    ...(article.audience === 'agent' ? [el('p', {}, el('span', { class: 'badge-agent', text: say('agentsOnly') }))] : []),
    sanitizedFragment(article.html));
  ui.results.hidden = true;
  ui.flow.hidden = true;
  ui.article.hidden = false;
  ui.article.focus();
}

async function step(action) {
  const e = await engine;
  try {
    walk = await e.converse(walk.state, { ...action, at: Date.now() }, ui.lang.value);
  } catch (error) {
    ui.status.textContent = say('stepError', { code: error.code });
    return;
  }
  showWalk();
}

function showWalk() {
  if (walk.view.phase === 'idle') {
    ui.flow.hidden = true;
    ui.results.hidden = false;
    return;
  }
  ui.flow.replaceChildren(el('p', { class: 'hint', text: say('walking') }), renderConversation(ui.lang.value, walk.view, { forAgent: true }));
  ui.results.hidden = true;
  ui.article.hidden = true;
  ui.flow.hidden = false;
}

function startWalk(flow) {
  walk = { state: '' };
  step({ type: 'start', flow });
}

ui.search.addEventListener('submit', (e) => { e.preventDefault(); search(); });
ui.query.addEventListener('input', () => search());
ui.lang.addEventListener('change', async () => {
  if (!walk.state || ui.flow.hidden) {
    search();
    return;
  }
  walk = { ...walk, view: (await (await engine).render(walk.state, ui.lang.value)).view };
  showWalk();
});
ui.results.addEventListener('click', (e) => {
  const button = e.target.closest('button[data-id]');
  if (!button) return;
  if (button.dataset.kind === 'flow') startWalk(button.dataset.id);
  else openArticle(button.dataset.id);
});
ui.article.addEventListener('click', (e) => {
  if (e.target.closest('[data-close]')) {
    ui.article.hidden = true;
    ui.results.hidden = false;
  }
  const link = e.target.closest('a[data-article]');
  if (link) {
    e.preventDefault();
    openArticle(link.dataset.article);
  }
});
ui.flow.addEventListener('click', (e) => {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const { action, option, answer, flow, article } = button.dataset;
  if (action === 'article') openArticle(article);
  else step({ type: action, option: option === undefined ? undefined : Number(option), answer, flow });
});
ui.flow.addEventListener('submit', (e) => {
  e.preventDefault();
  const rating = Number(new FormData(e.target).get('rating'));
  if (rating) step({ type: 'rate', rating, text: '' });
});

renderStrings();
showCase(null);
engine.then(() => loadInbox(new URLSearchParams(location.search).get('case') ?? undefined), (error) => {
  ui.caseView.replaceChildren(el('p', { class: 'error', text: say('kbError', { code: error.code }) }));
  loadInbox();
});
