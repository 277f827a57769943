/*
 * Draws one view of the guided conversation (core/session's view JSON) as DOM. Every
 * piece of text from the knowledge base or the customer is set as textContent, never as
 * HTML. Buttons carry data-action (and data-option, data-answer, data-flow,
 * data-article); the widget handles their clicks.
 */
import { el, shorten } from './dom.js';
import { contactLine, inLanguage, t } from './i18n.js';
import { site } from './site.js';

function button(label, dataset, className = 'choice') {
  const b = el('button', { type: 'button', class: className, text: label });
  for (const [key, value] of Object.entries(dataset)) b.dataset[key] = value;
  return b;
}

function feedbackButtons(lang) {
  return el('div', { class: 'feedback', role: 'group', 'aria-label': t(lang, 'didItHelp') },
    button(t(lang, 'yes'), { action: 'feedback', answer: 'yes' }, 'choice yes'),
    button(t(lang, 'partly'), { action: 'feedback', answer: 'partly' }),
    button(t(lang, 'no'), { action: 'feedback', answer: 'no' }));
}

// A link to an article that opens in another language than the reader's says which
// ("(na srpskom)"), as the search results do.
function titled(lang, label, articleLang) {
  const other = inLanguage(lang, articleLang ?? '');
  return other ? `${label} (${other})` : label;
}

function tried(lang, list) {
  if (!list?.length) return null;
  return el('div', { class: 'tried' },
    el('p', { class: 'tried-title', text: t(lang, 'triedSoFar') }),
    el('ul', {}, ...list.map((item) => el('li', { text: `${item.title} — ${t(lang, `answer_${item.answer}`)}` }))));
}

function flowList(lang, flows) {
  if (!flows?.length) return null;
  return el('div', { class: 'others' },
    el('p', { text: t(lang, 'otherProblems') }),
    ...flows.map((f) => button(f.title, { action: 'start', flow: f.id })));
}

// What the last answer to "did this solve it?" calls for before the next step: "no" an
// apology, "partly" a word on the progress made (it helped; it did not fail).
// apologised: the offer of a person above has just said sorry; once is enough.
function answerNote(lang, view, apologised = false) {
  if (view.apology) return el('p', { class: 'apology', text: t(lang, apologised ? 'nextSolution' : 'sorryNext') });
  if (view.progress) return el('p', { class: 'progress', text: t(lang, 'partlyNext') });
  return null;
}

function solution(lang, view, apologised) {
  const alt = view.node.alternative;
  const parts = [answerNote(lang, view, apologised) ?? (view.node.text ? el('p', { text: view.node.text }) : null)];
  parts.push(
    el('p', { class: 'alt-count', text: t(lang, 'alternativeOf', { number: alt.number, count: alt.count }) }),
    el('h4', { class: 'alt-title', text: alt.title }),
    el('ol', { class: 'steps' }, ...alt.steps.map((s) => el('li', { text: s }))),
    el('details', { class: 'why' }, el('summary', { text: t(lang, 'whyThisHappens') }), el('p', { text: alt.why })),
    el('details', { class: 'avoid' }, el('summary', { text: t(lang, 'howToAvoid') }), el('p', { text: alt.avoid })));
  if (alt.article) parts.push(button(titled(lang, t(lang, 'readMore', { title: alt.article.title }), alt.article.lang), { action: 'article', article: alt.article.id }, 'link'));
  parts.push(el('p', { class: 'question', text: t(lang, 'didItSolve') }), feedbackButtons(lang), tried(lang, view.tried));
  return parts;
}

function rating(lang) {
  const stars = el('div', { class: 'stars', role: 'radiogroup', 'aria-label': t(lang, 'rateLabel') });
  for (let n = 1; n <= 5; n += 1) {
    const input = el('input', { type: 'radio', name: 'rating', value: String(n), id: `star-${n}` });
    stars.append(el('label', { class: 'star', htmlFor: `star-${n}`, title: t(lang, `star${n}`) },
      input, el('span', { text: String(n) })));
  }
  const comment = el('textarea', { name: 'comment', rows: 2, maxLength: 2000, placeholder: t(lang, 'commentPlaceholder') });
  return el('form', { class: 'rating' },
    el('p', { class: 'question', text: t(lang, 'rateLabel') }), stars,
    el('label', { class: 'comment' }, el('span', { text: t(lang, 'commentLabel') }), comment),
    el('button', { type: 'submit', class: 'primary', text: t(lang, 'sendRating') }));
}

function body(lang, view, apologised) {
  switch (view.phase) {
    case 'confirming':
      return [
        el('p', { class: 'restatement', text: t(lang, 'restate', { typed: shorten(view.described, 200), problem: view.problem }) }),
        el('div', { class: 'feedback' },
          button(t(lang, 'restateYes'), { action: 'confirm' }, 'choice yes'),
          button(t(lang, 'restateNo'), { action: 'reject' })),
        flowList(lang, view.candidates),
      ];
    case 'running':
      if (!view.node) return [];
      if (view.node.type === 'question') {
        return [el('p', { class: 'question', text: view.node.text }),
          el('div', { class: 'options' }, ...view.node.options.map((label, i) => button(label, { action: 'choose', option: String(i) })))];
      }
      if (view.node.type === 'step') {
        return [el('p', { text: view.node.text }), button(t(lang, 'done'), { action: 'next' }, 'choice yes')];
      }
      if (view.node.type === 'article') {
        return [answerNote(lang, view, apologised),
          el('p', { text: view.node.text }),
          button(titled(lang, t(lang, 'readArticle', { title: view.node.articleTitle }), view.node.articleLang), { action: 'article', article: view.node.article }, 'link'),
          el('p', { class: 'question', text: t(lang, 'didItSolve') }), feedbackButtons(lang), tried(lang, view.tried)];
      }
      return solution(lang, view, apologised);
    case 'solved':
      return [el('p', { class: 'good', text: t(lang, 'solved') }),
        button(t(lang, 'somethingElse'), { action: 'something_else' }), rating(lang)];
    case 'rated':
      return [el('p', { class: 'good', text: t(lang, 'thanks') }),
        button(t(lang, 'somethingElse'), { action: 'something_else' })];
    case 'handoff': {
      // "Partly" is progress: a fix that ran out with some of it is not "none helped".
      const partly = (view.tried ?? []).some((item) => item.answer === 'partly');
      const exhausted = partly ? 'handoffPartly' : 'handoffExhausted';
      const key = view.reason === 'exhausted' ? exhausted : view.reason === 'asked' ? 'handoffAsked' : 'handoffFlow';
      // Without a team's name, "a person from our support" (a name in the sentence would
      // need its grammatical case).
      const said = view.teamName ? t(lang, key, { team: view.teamName }) : t(lang, `${key}Anyone`);
      return [el('p', { class: 'apology', text: said }),
        view.text ? el('p', { text: view.text }) : null,
        tried(lang, view.tried),
        el('p', { class: 'handoff-contact', text: contactLine(lang, site.company, site.timeZone, Date.now(), site.holidays) })];
    }
    default:
      return [];
  }
}

// The apology that comes with the offer of a person, for what the customer showed: that
// they have written before, that they are upset, or that the fix has not helped yet (two
// "no" in a row, or a long time in it).
// afterProgress: the customer's last answer was "partly": the offer comes without "sorry
// none of this has helped yet" beside "good, that is a step forward".
export function apologyKey(signals = [], { afterProgress = false } = {}) {
  if (signals.includes('repeat_contact')) return 'sorryRepeat';
  if (signals.some((s) => ['insult', 'angry_words', 'shouting', 'exclamations'].includes(s))) return 'sorryUpset';
  return afterProgress ? 'offerPersonAfterProgress' : 'offerPerson';
}

// The whole conversation panel for a view; null when there is no conversation (idle).
// apologise: say sorry for what the customer showed (the first step that shows it); on
// the steps after it the way to a person stays, without saying sorry again next to
// "good, that is a step forward".
// forAgent: an agent walking a fix in the console, who is the person: no way "to a person".
export function renderConversation(lang, view, { apologise = true, forAgent = false } = {}) {
  if (view.phase === 'idle') return null;
  const panel = el('section', { class: `conversation phase-${view.phase}`, 'aria-live': 'polite' });
  if (view.flow) panel.append(el('h3', { class: 'flow-title', text: view.flow.title }));
  const offered = view.offerPerson && view.phase !== 'handoff' && !forAgent;
  const key = apologyKey(view.signals, { afterProgress: view.tried?.at(-1)?.answer === 'partly' });
  if (offered) {
    // After the step that said sorry, the question stays without it (a lone button in the
    // box read as something gone missing).
    panel.append(el('div', { class: 'offer-person' },
      apologise ? el('p', { class: 'apology', text: t(lang, key) })
        : el('p', { class: 'offer-question', text: t(lang, 'offerPersonAfterProgress') }),
      button(t(lang, 'talkToPerson'), { action: 'ask_person' }, 'choice')));
  }
  panel.append(...body(lang, view, offered && apologise && key !== 'offerPersonAfterProgress').filter(Boolean));
  const nav = el('nav', { class: 'flow-nav', 'aria-label': t(lang, 'conversationNav') });
  if (view.canGoBack) nav.append(button(`← ${t(lang, 'stepBack')}`, { action: 'back' }, 'link'));
  if (view.flow && view.phase !== 'rated') nav.append(button(t(lang, 'startOver'), { action: 'restart' }, 'link'));
  if (view.phase !== 'handoff' && !forAgent) nav.append(button(t(lang, 'talkToPerson'), { action: 'ask_person' }, 'link'));
  nav.append(button(t(lang, 'backToSearch'), { action: 'leave' }, 'link'));
  panel.append(nav);
  return panel;
}

// The line shown under the search box when free text matched no guided fix.
export function noMatchText(lang) {
  return t(lang, 'noFlowMatch');
}
