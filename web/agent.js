/*
 * The agent console: the same knowledge base and the same engine as the customer's
 * widget (P14: one source of truth), for the person who takes a case over.
 *
 *   inbox      cases sent from the help center in this browser (IndexedDB 'cases',
 *              announced on BroadcastChannel 'savanova-cases'), or opened from a case
 *              file or pasted JSON
 *   case view  the summary first, then the facts and the whole timeline; every article
 *              the customer saw opens with one click
 *   knowledge  search including agent-only articles (the playbook), and the guided fixes,
 *              which an agent walks for a caller on the phone
 *
 * Every text from a case or the knowledge base is set as textContent; article HTML goes
 * through sanitizedFragment(), as in the widget.
 */
import { renderConversation } from './conversation.js';
import { el } from './dom.js';
import { Engine } from './engine.js';
import { languages } from './i18n.js';
import { sanitizedFragment } from './sanitize.js';
import { caseStore } from './store.js';

const $ = (selector) => document.querySelector(selector);
const ui = {
  list: $('.case-list'), empty: $('.empty'), file: $('input[type=file]'), paste: $('textarea[name=paste]'),
  importError: $('.import-error'), caseView: $('main.case'),
  search: $('.kb-search'), query: $('input[name=q]'), lang: $('select[name=lang]'), status: $('.kb-status'),
  results: $('.kb-results'), article: $('.kb-article'), articleTitle: $('.kb-article-title'),
  articleBody: $('.kb-article-body'), flow: $('.kb-flow'),
};

const engine = Engine.load({ kbUrl: 'kb.sqlite' });
let current = null;        // the case shown
let walk = { state: '' };  // the guided fix the agent walks for a caller

// ---- cases ----------------------------------------------------------------------------

// What a case must have for the console to show it; anything else is refused with the
// reason (docs/handoff.schema.json is the full contract).
export function checkCase(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'it is not a JSON object';
  if (value.version !== 1) return `it is version ${JSON.stringify(value.version)}; this console reads version 1`;
  if (typeof value.case_code !== 'string' || !/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/.test(value.case_code)) return 'it has no valid case_code';
  for (const key of ['summary', 'created_at', 'language']) if (typeof value[key] !== 'string') return `it has no ${key}`;
  for (const key of ['timeline', 'searches', 'articles', 'alternatives']) if (!Array.isArray(value[key])) return `it has no ${key} list`;
  return '';
}

function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

async function loadInbox(select) {
  let cases = [];
  try {
    cases = await caseStore.all();
  } catch (error) {
    ui.importError.textContent = `The cases in this browser could not be read: ${error.message}`;
  }
  cases.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
  ui.empty.hidden = cases.length > 0;
  ui.list.replaceChildren(...cases.map((c) => {
    const button = el('button', { type: 'button', 'data-case': c.case_code, 'aria-current': String(current?.case_code === c.case_code) },
      el('span', { class: 'code', text: c.case_code }),
      el('span', { text: c.problem?.summary || c.problem?.customer_words || '—' }),
      el('span', { class: 'meta' },
        el('span', { text: `${c.team?.name || 'team not known'} · ${formatTime(c.created_at)}` }),
        c.priority === 'high' ? el('span', { class: 'priority-high', text: ' · high priority' }) : null));
    return el('li', {}, button);
  }));
  if (select) showCase(cases.find((c) => c.case_code === select) ?? null);
}

function openCase(value, source) {
  const problem = checkCase(value);
  if (problem) {
    ui.importError.textContent = `${source} is not a SavaNova case: ${problem}.`;
    return;
  }
  ui.importError.textContent = '';
  // A case opened from a file joins the inbox, so it is still there after a reload.
  caseStore.put(value).then(() => loadInbox(value.case_code), () => showCase(value));
}

function parseCase(text, source) {
  try {
    openCase(JSON.parse(text), source);
  } catch (error) {
    ui.importError.textContent = `${source} is not JSON: ${error.message}`;
  }
}

// One line of the timeline, in words an agent reads at a glance.
function describe(item) {
  const parts = [];
  const title = (ref) => (ref ? `“${ref.title}”` : '');
  switch (item.type) {
    case 'searched': parts.push(`Searched “${item.text}” — shown: ${(item.shown ?? []).map((s) => s.title).join('; ') || 'nothing'}`); break;
    case 'describe': parts.push(`Described the problem: “${item.text}”`); break;
    case 'opened': parts.push('Opened ', articleLink(item.article)); break;
    case 'helped': parts.push(articleLink(item.article), item.answer === 'yes' ? ' — helped' : ' — did not help'); break;
    case 'start': parts.push(`Started the guided fix ${title(item.flow)}`); break;
    case 'confirm': parts.push(`Confirmed the problem; guided fix ${title(item.flow)} started`); break;
    case 'reject': parts.push(`Said the restatement ${title(item.flow)} was wrong`); break;
    case 'choose': parts.push(`${item.node?.text ?? 'Question'} → ${item.option ?? ''}`); break;
    case 'next': parts.push(`Did the step: ${item.node?.text ?? ''}`); break;
    case 'feedback':
      if (item.alternative) parts.push(`Solution ${item.alternative.number}: ${item.alternative.title} — `);
      else if (item.article) parts.push(articleLink(item.article), ' — ');
      parts.push(el('span', { class: `outcome-${item.answer}`, text: { yes: 'solved it', partly: 'helped partly', no: 'did not help' }[item.answer] ?? item.answer }));
      break;
    case 'rate': parts.push(`Rated ${item.rating}/5${item.text ? `: “${item.text}”` : ''}`); break;
    case 'typed': parts.push(`Typed: “${item.text}”`); break;
    case 'ask_person': parts.push(`Asked for a person${item.text ? `: “${item.text}”` : ''}`); break;
    case 'handoff_offered': parts.push(`A person was offered (${item.reason === 'exhausted' ? 'every solution failed' : 'the guided fix leads to a person'})`); break;
    case 'back': parts.push('Went one step back'); break;
    case 'restart': parts.push('Started the guided fix over'); break;
    case 'leave': case 'something_else': parts.push('Went back to searching'); break;
    default: parts.push(item.type);
  }
  return parts;
}

function articleLink(ref) {
  if (!ref) return '';
  return el('button', { type: 'button', class: 'link', text: ref.title, 'data-article': ref.id, 'data-kind': ref.kind ?? '' });
}

function showCase(c) {
  current = c;
  for (const b of ui.list.querySelectorAll('button[data-case]')) b.setAttribute('aria-current', String(b.dataset.case === c?.case_code));
  if (!c) {
    ui.caseView.replaceChildren(el('p', { class: 'hint', text: 'Choose a case on the left.' }));
    return;
  }
  const facts = el('dl', { class: 'facts' });
  const fact = (name, value) => { if (value) facts.append(el('dt', { text: name }), el('dd', { text: value })); };
  fact('Created', formatTime(c.created_at));
  fact('Language', c.language);
  fact('Page', c.page);
  fact('Team', `${c.team?.name || 'not known'} (${c.team?.reason ?? ''})`);
  fact('Priority', c.priority + (c.signals?.length ? ` — ${c.signals.join(', ')}` : ''));
  fact('Reply due', c.reply ? `${c.reply.local} (${c.reply.time_zone}, ${c.reply.channel})` : 'no promise made');
  fact('Customer', c.customer ? [c.customer.name, c.customer.contact].filter(Boolean).join(', ') : 'no contact given');
  fact('Message', c.message);
  fact('Removed for privacy', c.redacted?.join(', '));
  const seen = el('ul', { class: 'seen' }, ...c.articles.map((a) => el('li', {}, articleLink({ id: a.id, title: a.title }),
    a.helped === null || a.helped === undefined ? '' : a.helped ? ' — helped' : ' — did not help')));
  const timeline = el('ol', { class: 'timeline', 'aria-label': 'Timeline' }, ...c.timeline.map((item) =>
    el('li', { 'data-type': item.type }, el('time', { dateTime: item.at, text: new Date(item.at).toLocaleTimeString('en-GB') }), ...describe(item))));
  const flowButton = c.problem?.flow ? el('button', { type: 'button', class: 'choice', text: `Walk “${c.problem.flow.title}” with the customer`, 'data-walk': c.problem.flow.id }) : null;
  const download = el('button', { type: 'button', class: 'link', text: 'Download this case', 'data-download': c.case_code });
  ui.caseView.replaceChildren(
    el('h2', { text: `Case ${c.case_code}` }),
    el('pre', { class: 'summary', text: c.summary }),
    facts,
    c.articles.length ? el('h3', { text: 'Articles the customer read' }) : null,
    c.articles.length ? seen : null,
    flowButton,
    el('h3', { text: 'Timeline' }),
    timeline,
    download);
}

ui.list.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-case]');
  if (!button) return;
  showCase(await caseStore.get(button.dataset.case));
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
    ui.lang.value = current?.language ?? ui.lang.value;
    startWalk(walkButton.dataset.walk);
    return;
  }
  if (e.target.closest('button[data-download]') && current) {
    const url = URL.createObjectURL(new Blob([JSON.stringify(current, null, 2)], { type: 'application/json' }));
    const link = el('a', { href: url, download: `savanova-case-${current.case_code}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
});

ui.file.addEventListener('change', async () => {
  const file = ui.file.files[0];
  if (file) parseCase(await file.text(), file.name);
  ui.file.value = '';
});
$('button[data-import=paste]').addEventListener('click', () => parseCase(ui.paste.value, 'The pasted text'));

// A case sent from the help center in another tab appears at once.
if ('BroadcastChannel' in window) {
  new BroadcastChannel('savanova-cases').onmessage = (event) => loadInbox(current ? current.case_code : event.data?.case_code);
}

// ---- knowledge base -------------------------------------------------------------------

for (const { code, name } of languages) ui.lang.append(new Option(name, code));

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
  ui.status.textContent = found.hits.length ? `${found.hits.length} found${found.corrected ? ` (searched for “${found.corrected}”)` : ''}` : 'Nothing found.';
  ui.results.replaceChildren(...found.hits.map((hit) => el('li', {},
    el('button', { type: 'button', 'data-id': hit.id, 'data-kind': hit.kind },
      el('span', {},
        hit.audience === 'agent' ? el('span', { class: 'badge-agent', text: 'Agents only' }) : null,
        hit.kind === 'flow' ? el('span', { class: 'badge-flow', text: 'Guided fix' }) : null,
        el('strong', { text: hit.title })),
      el('span', { class: 'meta' }, sanitizedFragment(hit.snippetHtml))))));
}

async function openArticle(id, lang = ui.lang.value) {
  const e = await engine;
  let article;
  try {
    article = await e.article(id, lang);
  } catch (error) {
    ui.status.textContent = `This article could not be opened (${error.code}).`;
    return;
  }
  ui.articleTitle.textContent = article.title;
  ui.article.lang = article.lang;
  ui.articleBody.replaceChildren(
    ...(article.audience === 'agent' ? [el('p', {}, el('span', { class: 'badge-agent', text: 'Agents only' }))] : []),
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
    ui.status.textContent = `That step did not work (${error.code}).`;
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
  const panel = renderConversation(ui.lang.value, walk.view);
  ui.flow.replaceChildren(el('p', { class: 'hint', text: 'Walking the guided fix for a caller: read each step to them and press their answer.' }), panel);
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
  else if (action === 'leave') step({ type: 'leave' });
  else step({ type: action, option: option === undefined ? undefined : Number(option), answer, flow });
});
ui.flow.addEventListener('submit', (e) => {
  e.preventDefault();
  const rating = Number(new FormData(e.target).get('rating'));
  if (rating) step({ type: 'rate', rating, text: '' });
});

engine.then(() => loadInbox(new URLSearchParams(location.search).get('case')), (error) => {
  ui.caseView.replaceChildren(el('p', { class: 'error', text: `The knowledge base could not be opened (${error.code}): ${error.message}` }));
  loadInbox();
});
