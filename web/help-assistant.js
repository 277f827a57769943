/*
 * <help-assistant>: the customer's self-service widget. Search while typing, open an
 * article, and always a way to reach a person. Registration is in
 * help-assistant-define.js; the engine is owned by engine.js.
 *
 * Attributes: kb-src (the knowledge base: kbc's kb/manifest.json, the default, or a
 * whole kb.sqlite), lang (en, sr-Latn,
 * sr-Cyrl, hr, bs, sl; default from the browser), page (the site page it sits on, e.g.
 * "/billing", for suggestions before the customer types; default: the #section or path),
 * mode ("inline", the default: the widget fills its place in the page; "launcher": a
 * round button in the corner opens it as a panel, full screen on a phone; Escape or its
 * close button shuts it and the focus returns to the button; it keeps its state while
 * shut, and the engine starts only when the customer first reaches for the button).
 *
 * Methods for the site: open(), close(), search(text) (opens it and searches),
 * setPage(path) (a single-page app moved). Events for the site's own analytics, on the
 * element: help-assistant:search {query, hits}, help-assistant:resolved {flow} (a guided
 * fix solved the problem), help-assistant:handoff {caseCode} (a case is on its way).
 * Theming: the --ha-* custom properties and the ::part() names (docs/embedding.md).
 *
 * Handoff: at the offer of a person the widget shows the reply time, an optional contact
 * form, and a preview of exactly what will be sent (made by the engine, redacted); only
 * "Send" puts it in the outbox (outbox.js), which delivers it to the channels of
 * site.yaml. See docs/handoff.md.
 *
 * Text from the knowledge base or the customer never goes into innerHTML: snippets and
 * articles pass through sanitizedFragment(), everything else is set as textContent.
 *
 * Guided troubleshooting: a flow starts from a search hit, or from free text (Enter)
 * after the assistant has said back what it understood. Every step goes through the
 * engine (core/session) and the new state is saved in IndexedDB before the page shows
 * it, so a reload continues where the customer was.
 */
import { apologyKey, renderConversation } from './conversation.js';
import { checkContact } from './contact.js';
import { companyFileName, download, el, shorten } from './dom.js';
import { Engine } from './engine.js';
import { askedFields, fieldFits, renderHandoff } from './handoff-view.js';
import { contactLine, dateLocale, inLanguage, offeredLanguages, pickOffered, plural, t } from './i18n.js';
import { baseLanguage, cyrillicLanguage, sourceOf } from './language-pick.js';
import { site } from './site.js';
import { localSender, Outbox, webhookSender } from './outbox.js';
import { sanitizedFragment } from './sanitize.js';
import { store } from './store.js';

// The page's first script (help-assistant-define.js) takes the engine from here: in the
// built site this module carries the engine's and the widget's code in one file.
export { Engine };

// The conversation in progress is kept on the device under this key (IndexedDB).
// The languages on offer: those of site.yaml (site.js).
const offered = offeredLanguages(site.languages);
const conversationKey = 'conversation';
const languageKey = 'language';  // the language the customer chose in the menu
// The language the widget followed from what the customer wrote: a reload continues in it.
const followedKey = 'followedLanguage';
// A guided fix that solved the problem: {flow, title, at}. On a later visit (after half
// an hour, within a week) the customer is asked once whether it stayed fixed (P13).
const followUpKey = 'followUp';
const followUpAfterMs = 30 * 60 * 1000;
const followUpWithinMs = 7 * 24 * 60 * 60 * 1000;
// Steps that are only recorded for the handoff (a language switch too): the page stays as it is.
const recordOnly = new Set(['searched', 'opened', 'typed', 'helped', 'language']);

// 64 random bits for a case code, as hex (core makes the code from them).
function randomSeed() {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return [...words].map((w) => w.toString(16).padStart(8, '0')).join('');
}

// Waiting this long after a key press before searching keeps the engine from working on
// every letter of a fast typist while still feeling instant (P1).
const typingPauseMs = 40;

const template = document.createElement('template');
template.innerHTML = `
  <link rel="stylesheet" href="${new URL('./help-assistant.css', import.meta.url)}">
  <button type="button" class="launcher" part="launcher" hidden aria-expanded="false" aria-controls="panel">
    <span class="launcher-mark" aria-hidden="true">?</span><span class="launcher-label"></span>
  </button>
  <section class="assistant" id="panel" part="panel" aria-labelledby="title">
    <header>
      <h2 id="title"></h2>
      <button type="button" class="close" part="close" hidden><span aria-hidden="true">×</span></button>
      <label class="language"><span class="language-label"></span>
        <select name="language"></select>
      </label>
    </header>
    <form class="search" role="search">
      <label class="visually-hidden" for="query"></label>
      <input id="query" name="query" type="search" part="search" autocomplete="off" spellcheck="false" enterkeyhint="search">
    </form>
    <p class="status" role="status" aria-live="polite"></p>
    <section class="follow-up" part="follow-up" hidden></section>
    <div class="conversation-slot" part="conversation"></div>
    <ol class="results" part="results" aria-label=""></ol>
    <article class="article" part="article" hidden tabindex="-1">
      <button type="button" class="back"></button>
      <h3 class="article-title"></h3>
      <div class="article-body"></div>
      <div class="article-feedback" role="group">
        <p class="article-question"></p>
        <button type="button" class="choice" data-helped="yes"></button>
        <button type="button" class="choice" data-helped="no"></button>
        <p class="article-answer" role="status"></p>
      </div>
    </article>
    <aside class="contact" part="contact">
      <h3 class="contact-title"></h3>
      <p class="contact-text"></p>
      <button type="button" class="write-to-us choice" hidden></button>
      <button type="button" class="retry" hidden></button>
      <section class="my-cases" part="cases" hidden aria-labelledby="my-cases-title">
        <h4 id="my-cases-title"></h4>
        <ul></ul>
        <form class="add-to-case" hidden>
          <label class="field"><span class="add-to-case-label"></span>
            <textarea name="addition" rows="3" maxlength="4000" required></textarea></label>
          <div class="options"><button type="submit" class="primary add-to-case-send"></button>
            <button type="button" class="link add-to-case-cancel"></button></div>
        </form>
        <p class="add-to-case-done" role="status"></p>
      </section>
    </aside>
  </section>`;


// What identifies a focused control across a redraw of the panel: its name, else its
// action, else its class and text.
function focusKey(node) {
  return { tag: node.tagName, name: node.getAttribute('name'), action: node.dataset?.action,
    cls: node.className, text: node.textContent };
}

function findByFocusKey(root, key) {
  for (const node of root.querySelectorAll(key.tag)) {
    if (key.name ? node.getAttribute('name') === key.name
      : key.action ? node.dataset.action === key.action
        : node.className === key.cls && node.textContent === key.text) return node;
  }
  return null;
}

export class HelpAssistantElement extends HTMLElement {
  #root;
  #engine = null;   // once the whole engine has loaded
  #starting = null;  // the engine before it has loaded: it answers searches already
  #replacedAt = -Infinity;  // when an engine whose module trapped was last replaced
  #loading = null;
  #timer = 0;
  #contactClock = 0;  // the minute tick that keeps "closed now" in the contact lines true
  #suggestionsAsked = 0;  // each request for a page's suggestions, so only the latest shows
  #lang = baseLanguage;
  // The language the site set on the element (its lang attribute), and whether the
  // customer chose one in the menu (remembered on this device): either keeps the widget's
  // own words in that language whatever the customer types; otherwise they follow it.
  #siteLang = undefined;  // read at the first connection (the widget sets lang itself later)
  #chosenLang = false;
  #asTyped = null;  // a query to search as typed, without spelling correction
  #describedQuery = null;  // the words last sent with Enter that led to no guided fix
  #articleId = null;
  // A guided fix and an open article each have an entry in the browser's history
  // (#remember), so that the phone's Back button closes the article, then leaves the
  // guided fix, instead of leaving the help center. The kinds of the entries this page
  // made, oldest first ('conversation', 'article').
  #entries = [];
  #historyMark = `help-${Date.now()}-${Math.random()}`;  // this page's entries, not a reload's
  #historyHref = '';  // the page's address when the first entry was made
  #goingBack = false;  // the widget has gone back itself (#forget): entries wait for it
  #afterBack = [];  // the kinds to remember once it is back
  #articleTitle = '';  // of the open article, as written in its language
  #abort = null;
  #ui = {};
  #conversation = { state: '', view: null };  // the saved session JSON and its last view
  #acting = Promise.resolve();                 // conversation steps run one after another
  #lastSearch = { query: '', shown: [] };
  #queryAtAct = '';  // the search box when the last conversation step was taken
  #queryAtOpen = '';  // the search box when the article shown was opened
  // Bumped whenever the customer moves on (Enter, an article opened, a step of a guided
  // fix): a search answer that arrives after that answers a question no longer asked, and
  // is dropped rather than shown over what the customer is now looking at.
  #moment = 0;
  #apology = { signals: '', now: false };  // the signals apologised for, and whether on this step
  #actsPending = 0;  // conversation steps (not records) asked for and not yet shown (#act)
  #searching = 0;  // searches on their way; the results list is aria-busy meanwhile
  // The handoff being prepared: the reply time, site.yaml's channels, what the customer
  // typed in the form, the package under review, and the outbox's items.
  #handoff = { reply: null, settings: null, draft: {}, preview: null, items: [] };
  #outbox = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.append(template.content.cloneNode(true));
    // Nothing shows until the stylesheet has come (on a slow phone the launcher was a
    // grey default button and the shut panel lay open for a moment); if it cannot come,
    // the widget shows unstyled rather than not at all. data-styled says when.
    // (A constructed sheet, not a <style>: a strict Content-Security-Policy without
    // 'unsafe-inline' blocks the latter. A browser without constructed sheets shows the
    // widget as it loads.)
    if ('adoptedStyleSheets' in this.#root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      const hidden = new CSSStyleSheet();
      // Transparent, not hidden: a hidden field takes no focus, and the words a customer
      // is typing into the page's early box (#adoptEarlyBox) must go on into the widget.
      // (On the host's children: a launcher's host is display: contents, which opacity skips.)
      hidden.replaceSync(':host(:not([data-styled])) > * { opacity: 0; pointer-events: none; }');
      this.#root.adoptedStyleSheets = [hidden];
    }
    const sheet = this.#root.querySelector('link[rel="stylesheet"]');
    const styled = () => this.toggleAttribute('data-styled', true);
    sheet.addEventListener('load', styled, { once: true });
    sheet.addEventListener('error', styled, { once: true });
    // Keys typed into the widget's fields stay in the widget. Seen from the page, the
    // focused element is <help-assistant>, not a text field, so a site's own shortcut
    // ("s" or "/" to its search, as documentation themes have) took the letters away.
    // Only the keys that type (a letter, a digit, a space): Escape, Tab and shortcuts with
    // Ctrl, Alt or Meta still reach the page (its dialogs and focus traps need them).
    for (const type of ['keydown', 'keypress', 'keyup']) {
      this.#root.addEventListener(type, (e) => {
        const typing = e.key?.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey;
        if (typing && e.target.matches('input, textarea, select, [contenteditable]')) e.stopPropagation();
      });
    }
    const $ = (selector) => this.#root.querySelector(selector);
    this.#ui = {
      title: $('#title'), languageLabel: $('.language-label'), language: $('select'),
      form: $('form'), queryLabel: $('label[for=query]'), query: $('#query'), status: $('.status'),
      results: $('.results'), article: $('.article'), back: $('.back'),
      articleTitle: $('.article-title'), articleBody: $('.article-body'),
      contactTitle: $('.contact-title'), contactText: $('.contact-text'), retry: $('.retry'),
      slot: $('.conversation-slot'), writeToUs: $('.write-to-us'),
      articleQuestion: $('.article-question'), articleAnswer: $('.article-answer'),
      helpedYes: $('[data-helped=yes]'), helpedNo: $('[data-helped=no]'),
      launcher: $('.launcher'), launcherLabel: $('.launcher-label'), panel: $('.assistant'), close: $('.close'),
      cases: $('.my-cases'), casesTitle: $('#my-cases-title'), casesList: $('.my-cases ul'),
      addForm: $('.add-to-case'), addLabel: $('.add-to-case-label'), addText: $('.add-to-case textarea'),
      addSend: $('.add-to-case-send'), addCancel: $('.add-to-case-cancel'), addDone: $('.add-to-case-done'),
      followUp: $('.follow-up'),
    };
    for (const { code, name } of offered) this.#ui.language.append(new Option(name, code));
  }

  get lang() { return this.#lang; }

  // Launcher mode: the panel opens over the page, and the search box has the focus.
  open() {
    if (!this.#isLauncher()) {
      this.#ui.query.focus();
      return;
    }
    this.#ensureStarted();
    this.#ui.panel.hidden = false;
    this.#ui.launcher.setAttribute('aria-expanded', 'true');
    this.toggleAttribute('open', true);
    this.#ui.query.focus();
  }

  // Launcher mode: the panel shuts (keeping what it shows) and the focus returns to the button.
  close() {
    if (!this.#isLauncher() || this.#ui.panel.hidden) return;
    this.#ui.panel.hidden = true;
    this.#ui.launcher.setAttribute('aria-expanded', 'false');
    this.toggleAttribute('open', false);
    this.#ui.launcher.focus();
  }

  // The site asks on the customer's behalf (a "Need help with this?" link).
  search(text) {
    this.open();
    this.#ui.query.value = String(text ?? '');
    clearTimeout(this.#timer);
    this.#search();
  }

  // A single-page app moved to another page: suggestions follow.
  setPage(path) {
    this.setAttribute('page', String(path ?? ''));
    if (!this.#ui.query.value.trim()) this.#showSuggestions();
  }

  #isLauncher() { return this.getAttribute('mode') === 'launcher'; }

  // The engine starts once: at once inline; in launcher mode when the customer first
  // reaches for the button, so a page nobody asks for help on downloads nothing.
  #ensureStarted() {
    if (this.#starting || this.#engine) return;
    this.#start();
  }

  connectedCallback() {
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    const ui = this.#ui;
    // The phone's hours turn "closed now" on and off while a tab stays open: the contact
    // lines are read again each minute, and at once when the tab is shown again (a
    // hidden tab's timers may not run).
    this.#contactClock = setInterval(() => this.#renderContact(), 60_000);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.#renderContact();
    }, { signal });
    if (this.#siteLang === undefined) this.#siteLang = this.getAttribute('lang');
    this.#lang = this.#siteLang || pickOffered(navigator.language, offered);
    ui.language.value = this.#lang;
    this.#restoreLanguage();
    ui.query.addEventListener('input', () => this.#scheduleSearch(), { signal });
    ui.form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = ui.query.value.trim();
      clearTimeout(this.#timer);
      if (!text) return;
      // The results on screen were seen before the words were sent: recorded first.
      this.#recordSearch();
      // Cyrillic is Serbian at once; other languages follow the search's answer. Words the
      // search as-you-type has not answered yet (pasted, dictated, Enter at once) are
      // asked for their language first, so that the step is taken in it.
      if (/[\u0400-\u04FF]/u.test(text)) this.#followLanguage(cyrillicLanguage);
      const answered = ui.results.dataset.query === ui.query.value && ui.results.dataset.provisional !== 'true';
      if (answered || /[\u0400-\u04FF]/u.test(text)) this.#act({ type: 'describe', text, lang: this.#lang });
      else this.#describeInItsLanguage(text);
    }, { signal });
    ui.language.addEventListener('change', () => {
      this.#chosenLang = true;
      store.put(languageKey, ui.language.value).catch(() => {});
      this.#act({ type: 'language', lang: ui.language.value });
      this.#setLanguage(ui.language.value);
    }, { signal });
    window.addEventListener('hashchange', () => { if (!ui.query.value.trim()) this.#showSuggestions(); }, { signal });
    ui.results.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-id]');
      if (!button) return;
      this.#recordSearch();
      if (button.dataset.kind === 'flow') this.#act({ type: 'start', flow: button.dataset.id });
      else this.#openArticle(button.dataset.id);
    }, { signal });
    ui.slot.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-action]');
      if (!button) return;
      const { action, option, answer, flow, article } = button.dataset;
      if (action === 'article') this.#openArticle(article);
      else if (action === 'send') this.#sendHandoff();
      else if (action === 'edit') this.#editHandoff();
      else if (action === 'download') this.#downloadHandoff();
      else if (action === 'copy') this.#saveCopy();
      else if (action === 'ask_person') this.#askPerson();
      else this.#act({ type: action, option: option === undefined ? undefined : Number(option), answer, flow });
    }, { signal });
    ui.slot.addEventListener('submit', (e) => {
      e.preventDefault();
      if (e.target.dataset.form === 'handoff') {
        this.#reviewHandoff(e.target);
        return;
      }
      const form = new FormData(e.target);
      const rating = Number(form.get('rating'));
      if (rating) this.#act({ type: 'rate', rating, text: String(form.get('comment') ?? '') });
    }, { signal });
    ui.articleBody.addEventListener('click', (e) => {
      const link = e.target.closest('a[data-article]');
      if (!link) return;
      e.preventDefault();
      this.#openArticle(link.dataset.article);
    }, { signal });
    ui.back.addEventListener('click', () => {
      this.#forget('article');
      this.#closeArticle();
    }, { signal });
    // Back: each entry of ours left closes what it stood for (not the page's own entries:
    // a link to #billing followed, or the way back through it).
    window.addEventListener('popstate', () => {
      if (this.#goingBack) {
        this.#goingBack = false;
        for (const kind of this.#afterBack.splice(0)) this.#remember(kind);
        return;
      }
      if (!this.#entries.length || location.href !== this.#historyHref) return;
      const now = this.#entryHere();
      while (this.#entries.length && this.#entries.at(-1) !== now) {
        const left = this.#entries.pop();
        if (left === 'article' && !ui.article.hidden) this.#closeArticle();
        // Inside a guided fix, Back is the fix's own "Back" (a step taken back, and the
        // entry made again for the next one); from its first step it leaves the fix.
        const view = this.#conversation.view;
        if (left === 'conversation' && view && view.phase !== 'idle') {
          this.#act({type: view.canGoBack ? 'back' : 'leave'});
        }
      }
    }, { signal });
    ui.retry.addEventListener('click', () => this.#start(), { signal });
    ui.writeToUs.addEventListener('click', () => this.#askPerson(), { signal });
    ui.casesList.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-add-to]');
      if (button) this.#openAddition(button.dataset.addTo);
    }, { signal });
    ui.addForm.addEventListener('submit', (e) => { e.preventDefault(); this.#sendAddition(); }, { signal });
    ui.addCancel.addEventListener('click', () => this.#openAddition(null), { signal });
    ui.articleAnswer.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-flow]');
      if (!button) return;
      this.#forget('article');
      ui.article.hidden = true;
      this.#articleId = null;
      this.#act({ type: 'start', flow: button.dataset.flow });
    }, { signal });
    for (const button of [ui.helpedYes, ui.helpedNo]) {
      button.addEventListener('click', () => this.#articleHelped(button.dataset.helped), { signal });
    }
    // Handoffs wait in the outbox (IndexedDB) until they are delivered: now, when the
    // browser is back online, or the next time the page opens.
    this.#outbox = new Outbox({ senders: { webhook: webhookSender(), local: localSender() } });
    this.#outbox.subscribe((items) => {
      this.#handoff.items = items;
      if (this.#conversation.view?.caseCode) this.#showConversation(this.#conversation.view);
      this.#renderCases();
    });
    this.#outbox.start();
    const launcher = this.#isLauncher();
    ui.launcher.hidden = !launcher;
    ui.close.hidden = !launcher;
    ui.panel.hidden = launcher && !this.hasAttribute('open');
    if (launcher) {
      ui.panel.setAttribute('role', 'dialog');
      for (const event of ['pointerenter', 'focus', 'touchstart']) {
        ui.launcher.addEventListener(event, () => this.#ensureStarted(), { signal, passive: true });
      }
      ui.launcher.addEventListener('click', () => (ui.panel.hidden ? this.open() : this.close()), { signal });
      ui.close.addEventListener('click', () => this.close(), { signal });
      // Escape steps back out of an open article as its own "back" does, then shuts.
      ui.panel.addEventListener('keydown', (e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        if (!ui.article.hidden) ui.back.click();
        else this.close();
      }, { signal });
    }
    this.#renderStrings();
    if (!launcher || !ui.panel.hidden) this.#start();
    this.#adoptEarlyBox();
  }

  // A page may put a search box inside the element, shown until this script has come
  // (index.html: on a slow phone, half a second in which the customer can already type).
  // Its words and its focus move into the widget, and it goes: the shadow root shows no
  // children of the element anyway.
  #adoptEarlyBox() {
    const early = this.querySelector('input');
    if (!early) return;
    const ui = this.#ui;
    const focused = document.activeElement === early;
    const words = early.value;
    this.replaceChildren();
    if (!words.trim() && !focused) return;
    if (this.#isLauncher() && ui.panel.hidden) this.open();
    if (words.trim()) {
      ui.query.value = words;
      if (early.dataset.sent === 'true') ui.form.requestSubmit();
      else this.#scheduleSearch();
    }
    if (focused) {
      ui.query.focus();
      ui.query.setSelectionRange(words.length, words.length);
    }
  }

  disconnectedCallback() {
    this.#abort?.abort();
    clearInterval(this.#contactClock);
    this.#outbox?.stop();
    clearTimeout(this.#timer);
    this.#starting?.close();
    this.#engine = null;
    this.#starting = null;
    this.#loading = null;
  }

  #start() {
    const ui = this.#ui;
    ui.retry.hidden = true;
    ui.status.textContent = t(this.#lang, 'loading');
    const engine = Engine.start({
      kbUrl: this.getAttribute('kb-src') || 'kb/manifest.json',
      lang: this.#lang,
      onProgress: ({ received, total }) => {
        ui.status.textContent = t(this.#lang, 'loadingProgress', { percent: Math.floor((100 * received) / total) });
      },
    });
    this.#starting = engine;
    this.#loading = engine.loaded.then((info) => {
      engine.info = info;
      this.#engine = engine;
      ui.status.textContent = '';
      // Writing to a person needs the engine (it builds the case); the phone and the
      // address above need nothing.
      ui.writeToUs.hidden = false;
      this.dispatchEvent(new CustomEvent('ready', { detail: engine.info }));
      // The results for a query typed while loading (the whole engine's, in place of the
      // first answer's), or this page's suggestions; not when the customer has moved on
      // to a conversation step or an article meanwhile (the whole engine can be ready
      // after Enter: its answer would land over the restatement).
      if (this.#actsPending === 0 && !ui.results.hidden) this.#search();
      // data-follow-up-checked: the page has looked for a fix to ask about (tests wait on it).
      this.#restoreConversation(engine).then(() => this.#askIfStillFixed())
        .finally(() => this.toggleAttribute('data-follow-up-checked', true));
      return engine;
    }, (error) => {
      this.#showError(error);
      // The page may mend what it can: a service worker holding files of two deployments
      // (version_mismatch) fetches them again (demo-offline.js).
      this.#announce('failed', { code: error.code ?? 'internal' });
      return null;
    });
  }

  // A search that needs parts of the help center this device has not stored, while it
  // is offline: said plainly, with the contact shown, and searched again once online.
  // The assistant stays as it is (what was read before still opens).
  #showOffline(query) {
    const ui = this.#ui;
    if (ui.query.value !== query) return;  // words no longer in the box
    ui.results.replaceChildren();
    ui.results.dataset.query = query;
    ui.status.textContent = t(this.#lang, 'errorOffline');
    ui.status.classList.add('error');
    this.#showPerson(true, { first: true });
    window.addEventListener('online', () => {
      if (ui.query.value === query) this.#search();
    }, { once: true, signal: this.#abort.signal });
  }

  // The engine's module trapped (a fault in the WebAssembly): a new engine takes over, in a
  // new worker from the files already here, and the conversation goes on from its saved
  // state, as after a reload. Once a minute at most: a second trap shows the error, with
  // the way to a person. False when it was not replaced.
  #replaceEngine() {
    const now = Date.now();
    if (now - this.#replacedAt < 60_000) return false;
    this.#replacedAt = now;
    console.warn('help-assistant: the engine stopped; starting a new one');
    this.#starting?.close();
    this.#engine = null;
    this.#start();
    return true;
  }

  #showError(error) {
    const key = {
      corrupt_database: 'errorCorrupt',
      version_mismatch: 'errorVersion',
      kb_unavailable: 'errorUnavailable',
      offline: 'errorUnavailable',
    }[error.code] ?? 'errorGeneric';
    this.#ui.status.textContent = t(this.#lang, key);
    this.#ui.status.classList.add('error');
    this.#ui.retry.hidden = false;
    this.#ui.writeToUs.hidden = true;
    console.warn(`help-assistant: ${error.code}: ${error.message}`);
  }

  #renderStrings() {
    const ui = this.#ui;
    const lang = this.#lang;
    ui.title.textContent = t(lang, 'title');
    ui.languageLabel.textContent = t(lang, 'languageLabel');
    ui.queryLabel.textContent = t(lang, 'searchLabel');
    ui.query.placeholder = t(lang, 'placeholder');
    ui.results.setAttribute('aria-label', t(lang, 'searchLabel'));
    this.#labelBack();
    ui.contactTitle.textContent = t(lang, 'contactTitle');
    this.#renderContact();
    ui.writeToUs.textContent = t(lang, 'writeToUs');
    ui.articleQuestion.textContent = t(lang, 'articleHelped');
    ui.helpedYes.textContent = t(lang, 'yes');
    ui.helpedNo.textContent = t(lang, 'no');
    ui.retry.textContent = t(lang, 'retry');
    ui.launcherLabel.textContent = t(lang, 'openHelp');
    this.#renderCases();
    this.#labelAddition();
    ui.close.setAttribute('aria-label', t(lang, 'closeHelp'));
    this.#root.host.setAttribute('lang', lang);
  }

  // The company's contact line, in the panel and under an offer of a person, as it
  // stands now (the phone may have closed since it was written).
  #renderContact() {
    const line = contactLine(this.#lang, site.company, site.timeZone, Date.now(), site.holidays);
    for (const node of [this.#ui.contactText, ...this.#root.querySelectorAll('.handoff-contact')]) {
      if (node.textContent !== line) node.textContent = line;
    }
  }

  #setLanguage(lang) {
    this.#lang = lang;
    this.#renderStrings();
    this.#search({ keepView: true });
    if (this.#articleId) this.#openArticle(this.#articleId, { again: true });
    if (this.#conversation.state) this.#rerender();
  }

  // A reload continues the conversation where the customer left it.
  // Not over something newer: a customer who has begun typing or moved on while the
  // engine loaded keeps what they are doing, and the earlier conversation stays saved for
  // the next visit (its case, if it was writing one, is not sent by mistake).
  async #restoreConversation(engine) {
    const moment = this.#moment;
    const movedOn = () => moment !== this.#moment || this.#ui.query.value.trim() !== '' || this.#actsPending > 0;
    if (movedOn()) return;
    let saved;
    try {
      saved = await store.get(conversationKey);
    } catch (error) {
      console.warn(`help-assistant: the saved conversation could not be read: ${error.message}`);
      return;
    }
    if (!saved || movedOn()) return;
    try {
      const { view } = await engine.render(saved, this.#lang);
      if (movedOn()) return;
      this.#conversation = { state: saved, view };
      // The flow it was in is gone from a newer knowledge base: back to searching.
      if (!view.flow && ['confirming', 'running', 'solved'].includes(view.phase)) this.#act({ type: 'leave' });
      else this.#showConversation(view);
    } catch (error) {
      // A save from another knowledge-base version: start afresh rather than guess.
      console.warn(`help-assistant: the saved conversation was set aside: ${error.code}`);
      await store.delete(conversationKey).catch(() => {});
    }
  }

  // Once, on a later visit: did the fix that solved the problem last time hold?
  async #askIfStillFixed() {
    let solved;
    try {
      solved = await store.get(followUpKey);
    } catch {
      return;
    }
    const age = Date.now() - (solved?.at ?? 0);
    if (!solved?.flow || age < followUpAfterMs) return;
    await store.delete(followUpKey).catch(() => {});  // asked once, whatever the answer
    if (age > followUpWithinMs || !this.isConnected) return;
    const ui = this.#ui;
    const lang = this.#lang;
    const answer = (key, next) => {
      const button = el('button', { type: 'button', class: 'choice', text: t(lang, key) });
      button.addEventListener('click', next);
      return button;
    };
    const say = (key) => ui.followUp.replaceChildren(el('p', { role: 'status', text: t(lang, key) }));
    ui.followUp.replaceChildren(
      el('p', { class: 'question', text: t(lang, 'stayedFixed', { title: solved.title }) }),
      el('div', { class: 'options' },
        answer('stayedYes', () => say('stayedThanks')),
        answer('stayedNo', async () => {
          say('stayedAgain');
          // The old conversation ended at "solved": leave it, then walk the fix again,
          // with the way to a person first.
          if (this.#conversation.view && this.#conversation.view.phase !== 'idle') await this.#act({ type: 'leave' });
          await this.#act({ type: 'start', flow: solved.flow });
          this.#showPerson(true, { first: true });
        })));
    ui.followUp.hidden = false;
  }

  async #rerender() {
    const engine = await this.#loading;
    if (!engine) return;
    const { view } = await engine.render(this.#conversation.state, this.#lang);
    this.#conversation.view = view;
    this.#showConversation(view);
  }

  // Enter on words whose language no search has told yet: the whole engine identifies it
  // (a first answer cannot), the widget follows, then the words are taken as a step.
  async #describeInItsLanguage(text) {
    this.#moment++;  // the conversation moves on now: an answer to the words as typed is late
    const engine = await this.#loading;
    if (engine && this.isConnected) {
      try {
        const found = await engine.search(text, { lang: this.#lang, limit: 1, keepScript: this.#chosenLang, whole: true });
        if (!found.quick) this.#followLanguage(found.queryLang);
      } catch {
        // The step below says what went wrong, if anything does.
      }
    }
    this.#act({ type: 'describe', text, lang: this.#lang });
  }

  // One step of the conversation: the engine computes it, the state is saved, then shown.
  #act(action) {
    // A language switch is no step away from the words in the box (see #search).
    if (action.type !== 'language') this.#queryAtAct = this.#ui.query.value;
    const step = !recordOnly.has(action.type);
    if (step) {
      this.#moment++;
      this.#actsPending++;
    }
    this.#acting = this.#acting.then(async () => {
      const engine = await this.#loading;
      if (!engine || !this.isConnected) return;
      const at = Date.now();
      const converse = (on) => on.converse(this.#conversation.state, { ...action, at }, this.#lang);
      let next = null;
      try {
        next = await converse(engine);
      } catch (error) {
        // A step the engine could not take because its module trapped is taken again by
        // the engine that replaces it (the state is the same: nothing was saved).
        if (step && error.code === 'engine_aborted' && this.#replaceEngine()) {
          const replaced = await this.#loading;
          next = replaced ? await converse(replaced).catch(() => null) : null;
        }
        if (!next) {
          console.warn(`help-assistant: ${action.type}: ${error.code}: ${error.message}`);
          // A step the engine could not take at all would leave the customer waiting: say
          // so, with a person. (A step that no longer fits, a second click, changes nothing.)
          if (step && !['invalid_argument', 'not_found'].includes(error.code)) this.#showError(error);
          return;
        }
      }
      try {
        await store.put(conversationKey, next.state);
      } catch (error) {
        console.warn(`help-assistant: the conversation could not be saved: ${error.message}`);
      }
      const solvedNow = next.view?.phase === 'solved' && this.#conversation.view?.phase !== 'solved';
      this.#conversation = next;
      if (solvedNow) {
        this.#announce('resolved', { flow: next.view.flow?.id ?? '' });
        const solved = { flow: next.view.flow?.id ?? '', title: next.view.flow?.title ?? '', at: Date.now() };
        if (solved.flow) store.put(followUpKey, solved).catch(() => {});
      }
      // What the customer searched or opened is only recorded; the page stays as it is.
      if (!recordOnly.has(action.type)) this.#showConversation(next.view, action);
    }).finally(() => { if (step) this.#actsPending--; });
    return this.#acting;
  }

  #showConversation(view, action = {}) {
    const ui = this.#ui;
    // The apology comes with the step where a signal first shows (and that step's
    // redraws), again only when another signal joins.
    const signals = view.offerPerson ? (view.signals ?? []).join(' ') : '';
    if (signals !== this.#apology.signals) this.#apology = { signals, now: signals !== '' };
    else if (action.type) this.#apology.now = false;
    const panel = renderConversation(this.#lang, view, { apologise: this.#apology.now });
    const active = panel !== null;
    panel?.setAttribute('tabindex', '-1');  // focus may go to the panel itself
    if (view.phase === 'handoff') {
      // What the customer has typed in the form survives a redraw (a language change).
      const typed = ui.slot.querySelector('form[data-form=handoff]');
      if (typed) this.#handoff.draft = Object.fromEntries(new FormData(typed));
      panel.querySelector('.flow-nav').before(renderHandoff(this.#lang, view, this.#handoff));
      if (action.type || !this.#handoff.reply) this.#prepareHandoff(view);
    } else {
      this.#handoff.preview = null;
    }
    // A redraw (the reply time arriving, a preview made) keeps the focus where it was: on
    // the same field or button of the new panel.
    const focused = ui.slot.contains(this.#root.activeElement) ? focusKey(this.#root.activeElement) : null;
    ui.slot.replaceChildren(...(active ? [panel] : []));
    ui.results.hidden = active || !ui.article.hidden;
    if (!active) this.#forget('conversation');
    if (active) {
      ui.status.textContent = '';
      if (!ui.article.hidden) this.#forget('article');
      if (action.type) this.#remember('conversation');
      ui.article.hidden = true;
      this.#articleId = null;
      // Focus follows the customer's own steps; a redraw from a delivery update or the
      // reply time arriving must not pull it away from what they are doing.
      // A new solution is read from its title (focus there, not on its "More detail"
      // link), and its start is brought into sight: on a phone the answer buttons of the
      // last one sat where the new one's end is, and "No" looked as if nothing happened.
      if (action.type) {
        const title = panel.querySelector('.alt-title');
        if (title) title.tabIndex = -1;
        (title ?? panel.querySelector('button, input') ?? panel).focus({ preventScroll: true });
        if (panel.getBoundingClientRect().top < 0) panel.scrollIntoView({ block: 'start' });
      } else if (focused) (findByFocusKey(panel, focused) ?? panel).focus({ preventScroll: true });
    } else if (action.type === 'describe') {
      // Free text that matched no guided fix, or none surely enough to restate it: the
      // articles found for it stay, with a plain word on it (searched now when the search
      // as-you-type had not answered these words yet). Unsure: it says so, and the way to
      // a person comes first (P3, P12).
      this.#describedQuery = this.#queryAtAct;
      // The first answer's results for these words (Enter came before the whole engine
      // was ready) are searched again by the whole engine, which knows how sure it is.
      const answered = ui.results.dataset.query === this.#queryAtAct && ui.results.dataset.provisional !== 'true';
      if (answered) ui.status.textContent = this.#describedNote();
      else this.#search({ keepView: true, note: 'described', whole: true });
    } else if (action.type === 'reject') {
      // "No, something else": back at the search with the results for their words, in
      // the box to say it otherwise (a journey found an empty screen here).
      this.#search({ keepView: true });
      ui.query.focus({ preventScroll: true });
    }
    this.#showPerson(view.phase === 'handoff' || Boolean(view.offerPerson),
      { first: Boolean(view.offerPerson) && view.phase !== 'handoff' });
    // While the form to a person is open, or its case was just sent, another way into it
    // would only confuse (or send the same case twice); back at the search it returns.
    if (this.#engine) ui.writeToUs.hidden = view.phase === 'handoff';
    this.dispatchEvent(new CustomEvent('conversation', { detail: view }));
  }

  // The reply time and the channels, fetched when a person is offered (the time moves on:
  // a case offered at 19:55 on Friday is answered on Saturday).
  async #prepareHandoff(view) {
    const engine = await this.#loading;
    if (!engine) return;
    try {
      this.#handoff.settings ??= await engine.settings();
      this.#handoff.reply = await engine.replyTime(view.team, this.#primaryChannel(), Date.now());
    } catch (error) {
      console.warn(`help-assistant: reply time: ${error.code}: ${error.message}`);
      return;
    }
    if (this.#conversation.view === view) this.#showConversation(view);
  }

  // The channel a person answers by: the webhook when there is one, else this browser's
  // agent console (the offline demo).
  #primaryChannel() {
    const types = (this.#handoff.settings?.channels ?? []).map((c) => c.type);
    return types.includes('webhook') ? 'webhook' : 'local';
  }

  // "Review what will be sent": the package is made now, once, and shown exactly as it
  // will leave; sending sends these very bytes.
  async #reviewHandoff(form) {
    const data = new FormData(form);
    const declared = askedFields(this.#handoff.settings, this.#conversation.view);
    const fields = Object.fromEntries(declared
      .map((f) => [f.id, String(data.get(`field-${f.id}`) ?? '').trim()]).filter(([, value]) => value));
    this.#handoff.draft = {
      name: String(data.get('name') ?? '').trim(),
      contact: String(data.get('contact') ?? '').trim(),
      message: String(data.get('message') ?? '').trim(),
      fields,
    };
    // A contact must be one an agent can use: an e-mail address or a phone number; and
    // what the team asked for must have its form (an order number of digits).
    const contact = checkContact(this.#handoff.draft.contact, this.#lang);
    this.#handoff.contactInvalid = !contact.ok;
    this.#handoff.fieldsInvalid = declared.filter((f) => !fieldFits(fields[f.id], f.pattern)).map((f) => f.id);
    if (!contact.ok || this.#handoff.fieldsInvalid.length) {
      this.#showConversation(this.#conversation.view);
      const wrong = contact.ok ? `input[name="field-${this.#handoff.fieldsInvalid[0]}"]` : 'input[name=contact]';
      this.#ui.slot.querySelector(wrong)?.focus();
      return;
    }
    const engine = await this.#loading;
    if (!engine) return;
    try {
      const text = await engine.handoff(this.#conversation.state, {
        now: Date.now(), lang: this.#lang, page: location.pathname + location.hash,
        ...this.#handoff.draft, contact: contact.value, channel: this.#primaryChannel(), seed: randomSeed(),
      });
      this.#handoff.preview = { text, pkg: JSON.parse(text) };
      this.#handoff.failed = false;
      this.#handoff.notSaved = '';
    } catch (error) {
      console.warn(`help-assistant: handoff: ${error.code}: ${error.message}`);
      this.#handoff.failed = true;
    }
    this.#showConversation(this.#conversation.view);
    // The customer reads what will be sent next: focus goes there (a screen reader reads
    // it; the button they pressed is gone).
    const title = this.#ui.slot.querySelector('.preview-title');
    title?.setAttribute('tabindex', '-1');
    title?.focus();
    title?.scrollIntoView({ block: 'nearest' });
  }

  #editHandoff() {
    this.#handoff.preview = null;
    this.#handoff.notSaved = '';
    this.#showConversation(this.#conversation.view);
    this.#ui.slot.querySelector('form[data-form=handoff] textarea, form[data-form=handoff] input')?.focus();
  }

  // The customer agreed: the case goes into the outbox (saved before anything is tried),
  // and the conversation records its code, so a reload shows it as sent.
  async #sendHandoff() {
    const preview = this.#handoff.preview;
    if (!preview) return;
    const channels = (this.#handoff.settings?.channels ?? [])
      .filter((c) => c.type === 'webhook' || c.type === 'local')
      .map((c) => (c.url ? { ...c, url: new URL(c.url, document.baseURI).href } : c));
    try {
      await this.#outbox.add(preview.pkg, channels);
    } catch (error) {
      // Nothing was sent, and the preview stays: the customer is told why, may try again
      // (after freeing space) or take the case by e-mail or phone (the contact box).
      console.warn(`help-assistant: the case could not be saved: ${error.name}: ${error.message}`);
      this.#handoff.notSaved = error?.name === 'QuotaExceededError' ? 'full' : 'failed';
      this.#showConversation(this.#conversation.view);
      this.#ui.slot.querySelector('.handoff-not-saved')?.focus();
      return;
    }
    this.#handoff.notSaved = '';
    this.#handoff.preview = null;
    this.#handoff.draft = {};
    await this.#act({ type: 'sent', text: preview.pkg.case_code });
    this.#announce('handoff', { caseCode: preview.pkg.case_code });
  }

  // The cases this device has sent or is keeping to send, newest first, with how each
  // stands: a returning customer sees them and their codes (P13, P17).
  #renderCases() {
    const ui = this.#ui;
    const lang = this.#lang;
    const byCase = new Map();
    for (const item of this.#handoff.items ?? []) {
      const list = byCase.get(item.case_code) ?? [];
      list.push(item);
      byCase.set(item.case_code, list);
    }
    const when = new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium', timeStyle: 'short' });
    const lines = [...byCase.entries()].map(([code, all]) => {
      // The case's own items (one per channel); updates to it are counted beside it.
      const items = all.filter((i) => i.kind !== 'update');
      const updates = new Set(all.filter((i) => i.kind === 'update').map((i) => i.id.split('/')[1])).size;
      if (items.length === 0) return null;
      let pkg = {};
      try { pkg = JSON.parse(items[0].body); } catch { /* a damaged item: its code still shows */ }
      const sent = items.filter((i) => i.status === 'sent' && i.sent_at).map((i) => i.sent_at).sort()[0];
      const state = sent ? t(lang, 'caseSentAt', { when: when.format(new Date(sent)) })
        : items.some((i) => i.status === 'pending') ? t(lang, 'caseWaiting') : t(lang, 'caseRejected');
      // The customer's own words, or the guided fix's title (the summary speaks of them
      // in the third person, for the agent).
      const about = [pkg.team?.name, pkg.problem?.customer_words || pkg.problem?.flow?.title].filter(Boolean).join(': ');
      return { created: items[0].created_at ?? '', node: el('li', { 'data-case': code },
        el('strong', { text: code }), about ? ` · ${shorten(about, 80)}` : '', el('span', { class: 'case-state', text: ` — ${state}` }),
        updates ? el('span', { class: 'case-updates', text: ` · ${t(lang, 'caseAdditions', { count: updates })}` }) : '',
        // More can be added once the case has arrived (an update never overtakes it).
        sent ? el('button', { type: 'button', class: 'link', 'data-add-to': code, text: t(lang, 'addToCase') }) : '') };
    }).filter(Boolean);
    lines.sort((a, b) => (a.created < b.created ? 1 : -1));
    ui.casesList.replaceChildren(...lines.slice(0, 5).map((line) => line.node));
    ui.casesTitle.textContent = t(lang, 'myCases');
    ui.cases.hidden = lines.length === 0;
  }

  // More for a case already sent (P13, P17): the customer writes it, core redacts it and
  // makes an update with the case's code, and it goes to the case's channels through the
  // outbox like the case (kept until delivered, its own Idempotency-Key).
  #openAddition(code) {
    const ui = this.#ui;
    // Text written for one case never goes to another.
    if (code !== this.#handoff.addingTo) ui.addText.value = '';
    this.#handoff.addingTo = code;
    // One id per addition written: a second click on Send makes the same update, which
    // the outbox keeps once.
    this.#handoff.additionSeed = randomSeed();
    ui.addForm.hidden = code === null;
    ui.addDone.textContent = '';
    if (code === null) return;
    this.#labelAddition();
    ui.addText.focus();
  }

  // The open addition form's words, in the language now shown.
  #labelAddition() {
    const ui = this.#ui;
    const code = this.#handoff.addingTo;
    if (!code) return;
    ui.addLabel.textContent = t(this.#lang, 'addToCaseLabel', { code });
    ui.addSend.textContent = t(this.#lang, 'sendAddition');
    ui.addCancel.textContent = t(this.#lang, 'cancelAddition');
  }

  async #sendAddition() {
    const ui = this.#ui;
    const code = this.#handoff.addingTo;
    const message = ui.addText.value.trim();
    if (!code || !message) return;
    // The channels the case went by (not one that refused it).
    const channels = [...new Map((this.#handoff.items ?? [])
      .filter((i) => i.case_code === code && i.kind !== 'update' && i.status !== 'rejected')
      .map((i) => [i.channel.type, i.channel])).values()];
    ui.addSend.disabled = true;
    try {
      const engine = await this.#loading;
      if (!engine || channels.length === 0) throw new Error(engine ? 'no channel took the case' : 'no engine');
      const update = JSON.parse(await engine.update({
        now: Date.now(), lang: this.#lang, case_code: code, message, seed: this.#handoff.additionSeed,
      }));
      await this.#outbox.add(update, channels);
    } catch (error) {
      console.warn(`help-assistant: the addition could not be saved: ${error.message}`);
      ui.addDone.textContent = t(this.#lang, 'additionFailed');
      return;
    } finally {
      ui.addSend.disabled = false;
    }
    ui.addText.value = '';
    this.#openAddition(null);
    ui.addDone.textContent = t(this.#lang, 'additionSaved', { code });
  }

  // The events a site may send to its own analytics (bubbling, out of the shadow root).
  #announce(name, detail) {
    this.dispatchEvent(new CustomEvent(`help-assistant:${name}`, { detail, bubbles: true, composed: true }));
  }

  #downloadHandoff() {
    const preview = this.#handoff.preview;
    const company = site.company.name;
    if (preview) download(preview.text, companyFileName(company, `case-${preview.pkg.case_code}.json`));
  }

  // The sent case as a page of its own (HTML built from text nodes only, so nothing the
  // customer or the knowledge base wrote becomes markup): the code, the promise and what
  // went to the team, to keep or print.
  async #saveCopy() {
    const code = this.#conversation.view?.caseCode;
    const item = (this.#handoff.items ?? []).find((i) => i.case_code === code && i.kind !== 'update');
    if (!code || !item) return;
    let pkg;
    try { pkg = JSON.parse(item.body); } catch { return; }
    const engine = await this.#loading;
    if (engine) this.#handoff.settings ??= await engine.settings();
    const lang = this.#lang;
    const company = site.company;
    const title = company.name ? t(lang, 'copyTitle', { company: company.name, code }) : code;
    const doc = document.implementation.createHTMLDocument(title);
    doc.documentElement.lang = lang;
    const meta = doc.createElement('meta');
    meta.setAttribute('charset', 'utf-8');
    const style = doc.createElement('style');
    style.textContent = 'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1c2430}'
      + 'pre{white-space:pre-wrap;font:inherit;background:#f5f7f9;padding:0.75rem;border-radius:8px}';
    doc.head.prepend(meta);
    doc.head.append(style);
    const add = (tag, text) => { const node = doc.createElement(tag); node.textContent = text; doc.body.append(node); };
    add('h1', doc.title);
    for (const line of this.#ui.slot.querySelectorAll('.handoff .reply-time, .handoff .case-code, .handoff .delivery')) add('p', line.textContent);
    add('h2', t(lang, 'copySent'));
    add('pre', pkg.summary ?? '');
    const abroad = company.phone_abroad ? t(lang, 'phoneAbroad', { phone: company.phone_abroad }) : '';
    const contacts = [company.phone, abroad, company.email, company.website].filter(Boolean).join(' · ');
    if (contacts) add('p', contacts);
    download(`<!doctype html>\n${doc.documentElement.outerHTML}\n`, companyFileName(company.name, `case-${code}.html`), 'text/html');
  }

  // The search the customer was looking at travels with the case, even if they clicked
  // none of its results.
  #askPerson() {
    this.#recordSearch();
    this.#act({ type: 'ask_person' });
  }

  async #articleHelped(answer) {
    const id = this.#articleId;
    if (!id) return;
    const ui = this.#ui;
    this.#act({ type: 'helped', article: id, answer });
    ui.articleAnswer.textContent = t(this.#lang, answer === 'yes' ? 'articleThanks' : 'articleSorry');
    if (answer !== 'no') return;
    this.#showPerson(true);
    if (this.#conversation.view && this.#conversation.view.phase !== 'idle') return;  // a fix is on
    // A guided fix for the same problem is one more thing to try before a person: the
    // first fix among the three best results the article's title finds besides itself.
    const engine = await this.#loading;
    const hits = await engine?.lookUp(this.#articleTitle, { lang: this.#lang, limit: 4, whole: true })
      .catch(() => null);
    const fix = hits?.filter((hit) => hit.id !== id).slice(0, 3).find((hit) => hit.kind === 'flow');
    if (!fix || this.#articleId !== id || ui.article.hidden) return;
    ui.articleAnswer.replaceChildren(
      el('span', { text: t(this.#lang, 'articleSorryFix') }), ' ',
      el('button', { type: 'button', class: 'choice related-fix', 'data-flow': fix.id, text: t(this.#lang, 'relatedFix', { title: fix.title }) }));
  }

  // What the customer searched for travels with a handoff: recorded when they act on it.
  #recordSearch() {
    const { query, shown } = this.#lastSearch;
    if (query) this.#act({ type: 'searched', text: query, shown });
    this.#lastSearch = { query: '', shown: [] };
  }

  // The article's way back names where it leads: the guided fix it was opened from, or
  // the results.
  #labelBack() {
    const inFix = this.#conversation.view && this.#conversation.view.phase !== 'idle';
    this.#ui.back.textContent = `← ${t(this.#lang, inFix ? 'backToFix' : 'back')}`;
  }

  #closeArticle() {
    if (this.#conversation.view && this.#conversation.view.phase !== 'idle') {
      this.#ui.article.hidden = true;
      this.#articleId = null;
      this.#showConversation(this.#conversation.view);
      // The focus leaves the hidden article for the fix (Escape then reaches the panel).
      this.#ui.slot.querySelector('.conversation')?.focus({ preventScroll: true });
    } else {
      this.#showResults();
      // A search that answered while the article was open was dropped: run it now.
      if (this.#ui.results.dataset.query !== this.#ui.query.value) this.#search({ keepView: true });
    }
  }

  // A language the customer chose in the menu on an earlier visit wins; else the one the
  // widget followed from what they wrote (a reload goes on in the language they read).
  async #restoreLanguage() {
    const known = (code) => offered.some((l) => l.code === code);
    const chosen = await store.get(languageKey).catch(() => null);
    if (!this.isConnected) return;
    if (!known(chosen)) {
      const followed = await store.get(followedKey).catch(() => null);
      if (!known(followed) || !this.isConnected || !this.#mayFollow(followed)) return;
      this.#ui.language.value = followed;
      this.#setLanguage(followed);
      return;
    }
    this.#chosenLang = true;
    if (chosen === this.#lang) return;
    this.#ui.language.value = chosen;
    this.#setLanguage(chosen);
  }

  // Whether the page follows a language the customer writes in (see #followLanguage).
  #mayFollow(lang) {
    if (!lang || lang === this.#lang || !offered.some((l) => l.code === lang)) return false;
    const serbianScript = lang === cyrillicLanguage && sourceOf(this.#lang) === sourceOf(lang) && !this.#chosenLang;
    return !(this.#chosenLang || this.#siteLang) || serbianScript;
  }

  // The customer reads the language they write in: results (the engine shows them in
  // it), and the widget's own words and the conversation (this), unless the site set the
  // language or the customer chose one. A Serbian reader who writes Cyrillic reads
  // Cyrillic even then.
  #followLanguage(queryLang) {
    if (!this.#mayFollow(queryLang)) return;
    this.#lang = queryLang;
    this.#ui.language.value = queryLang;
    this.#renderStrings();
    // A switch the customer sees is an event of the conversation (it travels with a case).
    store.put(followedKey, queryLang).catch(() => {});
    this.#act({ type: 'language', lang: queryLang });
    // After the conversation step on its way (Enter), which was asked in the old language.
    this.#acting.then(() => { if (this.#conversation.state && this.isConnected) this.#rerender(); });
  }

  // The page the widget sits on ("/internet"): the page attribute, else the demo site's
  // #section, else the path. Articles are tagged with pages (P13).
  #page() {
    const given = this.getAttribute('page');
    if (given) return given;
    if (/^#[a-z-]+$/.test(location.hash)) return `/${location.hash.slice(1)}`;
    return location.pathname;
  }

  // Before the customer types: what is often needed on this page.
  async #showSuggestions() {
    const ui = this.#ui;
    const asked = ++this.#suggestionsAsked;
    const engine = await this.#loading;
    if (!engine || !this.isConnected || ui.query.value.trim()) return;
    let hits = [];
    try {
      hits = await engine.forPage(this.#page(), { lang: this.#lang, limit: 5 });
    } catch (error) {
      console.warn(`help-assistant: suggestions: ${error.code}: ${error.message}`);
    }
    if (ui.query.value.trim()) return;  // the customer started typing meanwhile
    // Asked again since (the site moved to another page, the box was emptied again): the
    // later answer shows, whichever arrives first.
    if (asked !== this.#suggestionsAsked) return;
    this.#lastSearch = { query: '', shown: hits.map((h) => h.id) };
    ui.results.replaceChildren(...hits.map((hit) => this.#resultItem(hit)));
    ui.results.classList.toggle('suggestions', hits.length > 0);
    ui.results.dataset.query = '';
    ui.status.classList.remove('error');
    ui.status.textContent = hits.length ? t(this.#lang, 'pageSuggestions') : '';
  }

  #scheduleSearch() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#search(), typingPauseMs);
  }

  // note 'described': after free text that was not restated, what #describedNote says
  // instead of the count.
  // whole: the whole engine's answer, not the first-answer index's (asked after a first
  // answer once the whole engine has loaded).
  async #search({ keepView = false, note = '', whole = false } = {}) {
    const ui = this.#ui;
    const query = ui.query.value;
    const moment = this.#moment;
    // Before the whole engine has loaded, the first-answer index answers (found.quick);
    // suggestions for the page wait for the whole engine.
    const engine = query.trim() ? (this.#engine ?? this.#starting) : await this.#loading;
    if (!engine || !this.isConnected) return;
    if (!query.trim()) {
      this.#showSuggestions();
      return;
    }
    let found;
    ui.results.setAttribute('aria-busy', String(++this.#searching > 0));
    try {
      // The customer asked for exactly what they typed ("search for … instead").
      // The script the customer chose is kept, whatever script they type in.
      found = await engine.search(query, {
        lang: this.#lang, limit: 8, correct: query !== this.#asTyped, whole, keepScript: this.#chosenLang,
      });
    } catch (error) {
      // An engine this page closed (replaced after a trap) answers nothing; the new one will.
      if (error.code === 'engine_closed') return;
      if (error.code === 'engine_aborted' && this.#replaceEngine()) this.#search({ keepView, note, whole });
      else if (error.code === 'offline') this.#showOffline(query);
      else this.#showError(error);
      return;
    } finally {
      ui.results.setAttribute('aria-busy', String(--this.#searching > 0));
    }
    if (!found) return;  // a newer search is on its way
    if (moment !== this.#moment) return;  // the customer moved on meanwhile
    // The box changed while this answer was on its way (cleared, or new words): the search
    // for what it says now is already scheduled; this answer is for words no longer there.
    if (ui.query.value !== query) return;
    // A first answer does not identify the language (the whole engine's does); Cyrillic
    // says Serbian at once. One word still being typed is not followed: its letters so
    // far ("rout" on the way to "router") may look like any language.
    const oneWordTyping = note !== 'described' && !/\s$/u.test(query) && query.trim().split(/\s+/u).length < 2;
    const identified = found.quick || oneWordTyping ? '' : found.queryLang;
    this.#followLanguage(/[\u0400-\u04FF]/u.test(query) ? cyrillicLanguage : identified);
    // Words the results on screen already answer (again in another language, or by the whole
    // engine after a first answer) are the same search: they update one not yet recorded,
    // and are not recorded a second time.
    const again = ui.results.dataset.query === query;
    if (!again || this.#lastSearch.query) this.#lastSearch = { query: query.trim().slice(0, 500), shown: found.hits.map((h) => h.id) };
    const inConversation = this.#conversation.view && this.#conversation.view.phase !== 'idle';
    if (!keepView && inConversation && query !== this.#queryAtAct) {
      // Typing a new question leaves the guided fix (it stays in the record).
      await this.#act({ type: 'leave' });
    }
    this.#renderResults(query, found);
    // A first answer after the whole engine has loaded (its search pages were still on
    // their way): the whole engine's answer follows and replaces it.
    if (found.quick && this.#engine) this.#search({ keepView: true, note, whole: true });
    // Results that arrive for words the customer already sent with Enter keep what the
    // assistant said about them (a first answer replaced by the whole engine's).
    if (note === 'described' || query === this.#describedQuery) ui.status.textContent = this.#describedNote();
    this.dispatchEvent(new CustomEvent('search', { detail: { query, hits: found.hits.length, provisional: found.quick } }));
    if (!found.quick) this.#announce('search', { query, hits: found.hits.length });
    // A result that arrives after the customer opened an article, for the words they had
    // already typed, must not close it; new words do.
    if (!keepView && !ui.article.hidden && query !== this.#queryAtOpen) this.#showResults();
  }

  // The way to a person, marked when the assistant is not sure or the customer is upset
  // (P3, P8, P12). first: it also moves above the results, where a phone shows it at once
  // rather than under eight of them; only for what the customer said with Enter, an upset
  // customer, or no network, so that the screen does not jump while they type. Not while
  // they are typing in it (moving it would take their focus away).
  #showPerson(prominent, { first = false } = {}) {
    const contact = this.#root.querySelector('.contact');
    contact.classList.toggle('prominent', prominent);
    if (contact.contains(this.#root.activeElement)) return;
    const slot = this.#ui.slot;
    if (prominent && first) {
      if (contact.nextElementSibling !== slot) slot.before(contact);
    } else if (contact.parentElement.lastElementChild !== contact) {
      contact.parentElement.append(contact);
    }
    contact.dataset.place = prominent && first ? 'first' : 'last';  // tests wait on it
  }

  // One result (an article or a guided fix) as a list item with a button.
  #resultItem(hit) {
    const title = el('span', { class: 'hit-title', text: hit.title });
    if (hit.kind === 'flow') title.prepend(el('span', { class: 'badge', text: t(this.#lang, 'flowBadge') }));
    // An article without a version in the reader's language says which one it is in.
    const other = inLanguage(this.#lang, hit.lang);
    if (other) title.append(el('span', { class: 'in-language', text: ` (${other})` }));
    return el('li', {}, el('button', { type: 'button', 'data-id': hit.id, 'data-kind': hit.kind, lang: hit.lang },
      title, el('span', { class: 'hit-snippet' }, sanitizedFragment(hit.snippetHtml))));
  }

  // After free text that was not restated: unsure when the results shown are (or there
  // are none), else no guided fix matched.
  #describedNote() {
    const ui = this.#ui;
    // A customer who shows they are upset or writing again hears an apology first, and
    // the way to a person is then the first thing under it (P8, P9).
    const view = this.#conversation.view;
    const sorry = view?.offerPerson ? `${t(this.#lang, apologyKey(view.signals))} ` : '';
    if (!ui.results.querySelector('li')) return sorry + t(this.#lang, 'noResults', { query: shorten(ui.query.value, 80) });
    if (ui.results.dataset.confident !== 'true') return sorry + t(this.#lang, 'notUnderstood');
    // No fix was sure enough to restate; when the list holds one, it is one to choose.
    return sorry + t(this.#lang, ui.results.querySelector('button[data-kind=flow]') ? 'pickBelow' : 'noFlowMatch');
  }

  #renderResults(query, found) {
    const ui = this.#ui;
    ui.status.classList.remove('error');
    ui.results.classList.remove('suggestions');
    ui.results.dataset.query = query;  // which search these results answer (tests wait on it)
    ui.results.dataset.confident = String(Boolean(found.confident));
    // A first answer, while the whole engine loads: shown, but judged only once the whole
    // engine has searched again (it corrects typos and knows how sure it is).
    ui.results.dataset.provisional = String(Boolean(found.quick));
    ui.results.replaceChildren(...found.hits.map((hit) => this.#resultItem(hit)));
    // Articles and guided fixes are counted apart: the customer reads them differently.
    const flows = found.hits.filter((hit) => hit.kind === 'flow').length;
    const articles = found.hits.length - flows;
    const count = [articles ? plural(this.#lang, 'results', articles) : '', flows ? plural(this.#lang, 'guidedFound', flows) : '']
      .filter(Boolean).join(', ') || t(this.#lang, 'noResults', { query: shorten(query, 80) });
    const parts = [count];
    if (found.corrected) parts.unshift(t(this.#lang, 'corrected', { query: shorten(found.corrected, 80) }));
    // Honest about weak matches (P3): say so and point to a person instead of guessing.
    if (found.hits.length && !found.confident && !found.quick) parts.push(t(this.#lang, 'notSure'));
    // Nothing found yet may still be found by the whole engine (a typo corrected).
    if (found.quick && !found.hits.length) parts.splice(0, parts.length, t(this.#lang, 'loading'));
    // One sentence after another: a part that does not end one gets its full stop.
    ui.status.textContent = parts.map((part, i) => (i < parts.length - 1 && !/[.!?…:]$/u.test(part) ? `${part}.` : part)).join(' ');
    // A corrected word may have been meant: one click searches what was typed.
    if (found.corrected && !found.quick) {
      const typed = el('button', { type: 'button', class: 'link as-typed', text: t(this.#lang, 'searchAsTyped', { query: shorten(query, 80) }) });
      typed.addEventListener('click', () => {
        this.#asTyped = query;
        this.#search({ keepView: true });
      });
      ui.status.append(' ', typed);
    }
    if (found.quick) return;
    // A customer who is upset or writing again keeps the way to a person first: upset as
    // the engine read it at their last step, when these words were in the box; on words
    // typed since, only what no mood changes (one who writes calmly again is not kept on it).
    const view = this.#conversation.view;
    const upset = Boolean(query === this.#queryAtAct ? view?.offerPerson : view?.offerPersonAnyway);
    const described = query === this.#describedQuery;
    this.#showPerson(!found.confident || upset, { first: upset || (described && !found.confident) });
  }

  // again: the article open, shown again in another language (no new event).
  async #openArticle(id, { again = false } = {}) {
    const ui = this.#ui;
    // The click is the customer's latest step: answers on their way for an earlier one
    // (a search, another article) are dropped, and so is this article if the customer
    // moves on (another click, Enter, new words) before it has come.
    const moment = again ? this.#moment : ++this.#moment;
    const query = ui.query.value;
    const engine = await this.#loading;
    if (!engine) return;
    let article;
    try {
      article = await engine.article(id, this.#lang);
    } catch (error) {
      if (moment !== this.#moment) return;
      if (error.code === 'engine_aborted' && this.#replaceEngine()) {
        this.#openArticle(id, { again });
        return;
      }
      ui.status.textContent = t(this.#lang, 'articleError');
      console.warn(`help-assistant: ${error.code}: ${error.message}`);
      return;
    }
    if (moment !== this.#moment || ui.query.value !== query) return;
    this.#articleId = id;
    this.#articleTitle = article.title;
    if (!again) this.#queryAtOpen = query;
    ui.article.lang = article.lang;
    ui.articleTitle.textContent = article.title;
    const other = inLanguage(this.#lang, article.lang);
    if (other) ui.articleTitle.append(el('span', { class: 'in-language', text: ` (${other})` }));
    this.#labelBack();
    ui.articleBody.replaceChildren(sanitizedFragment(article.html));
    ui.articleAnswer.textContent = '';
    ui.results.hidden = true;
    ui.slot.replaceChildren();
    ui.article.hidden = false;
    this.#remember('article');
    if (!again) this.#act({ type: 'opened', article: id });
    ui.article.focus();
    this.dispatchEvent(new CustomEvent('article-opened', { detail: { id, lang: article.lang } }));
  }

  // An entry in the history for a view the customer has just opened: one per kind,
  // however many articles they open from an article or steps they take in a guided fix.
  // After a page's own entry (a link to #billing followed), the entries start anew.
  #remember(kind) {
    if (this.#goingBack) {
      this.#afterBack.push(kind);
      return;
    }
    if (this.#entryHere() === null || location.href !== this.#historyHref) this.#entries = [];
    if (this.#entries.includes(kind)) return;
    if (!this.#entries.length) this.#historyHref = location.href;
    const state = typeof history.state === 'object' && history.state !== null ? history.state : {};
    history.pushState({ ...state, helpAssistant: `${this.#historyMark} ${kind}` }, '');
    this.#entries.push(kind);
  }

  // Which of this page's entries the history stands at ('article', 'conversation'), or null.
  #entryHere() {
    const [mark, kind] = String(history.state?.helpAssistant ?? '').split(' ');
    return mark === this.#historyMark ? kind : null;
  }

  // A view closed from inside the widget: its entry goes too (with an article's above a
  // guided fix's), so that Back does not have to be pressed for nothing.
  #forget(kind) {
    const at = this.#entries.indexOf(kind);
    if (at < 0) return;
    const steps = this.#entries.length - at;
    const ours = this.#entryHere() === this.#entries.at(-1) && location.href === this.#historyHref;
    this.#entries.length = at;
    if (ours) {
      this.#goingBack = true;
      history.go(-steps);
    }
  }

  #showResults() {
    if (!this.#ui.article.hidden) this.#forget('article');
    this.#articleId = null;
    this.#ui.article.hidden = true;
    this.#ui.results.hidden = false;
    this.#ui.query.focus();
  }
}
