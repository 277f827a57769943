/*
 * <help-assistant>: the customer's self-service widget. Search while typing, open an
 * article, and always a way to reach a person. Registration is in
 * help-assistant-define.js; the engine is owned by engine.js.
 *
 * Attributes: kb-src (URL of kb.sqlite, default "kb.sqlite"), lang (en, sr-Latn,
 * sr-Cyrl, hr, bs, sl; default from the browser).
 *
 * Text from the knowledge base or the customer never goes into innerHTML: snippets and
 * articles pass through sanitizedFragment(), everything else is set as textContent.
 */
import { Engine } from './engine.js';
import { languages, pickLanguage, plural, t } from './i18n.js';
import { sanitizedFragment } from './sanitize.js';

// Waiting this long after a key press before searching keeps the engine from working on
// every letter of a fast typist while still feeling instant (P1).
const typingPauseMs = 40;

const template = document.createElement('template');
template.innerHTML = `
  <link rel="stylesheet" href="${new URL('./help-assistant.css', import.meta.url)}">
  <section class="assistant" aria-labelledby="title">
    <header>
      <h2 id="title"></h2>
      <label class="language"><span class="language-label"></span>
        <select name="language"></select>
      </label>
    </header>
    <form class="search" role="search">
      <label class="visually-hidden" for="query"></label>
      <input id="query" name="query" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search">
    </form>
    <p class="status" role="status" aria-live="polite"></p>
    <ol class="results" aria-label=""></ol>
    <article class="article" hidden tabindex="-1">
      <button type="button" class="back"></button>
      <h3 class="article-title"></h3>
      <div class="article-body"></div>
    </article>
    <aside class="contact">
      <h3 class="contact-title"></h3>
      <p class="contact-text"></p>
      <button type="button" class="retry" hidden></button>
    </aside>
  </section>`;

export class HelpAssistantElement extends HTMLElement {
  #root;
  #engine = null;
  #loading = null;
  #timer = 0;
  #lang = 'en';
  #articleId = null;
  #abort = null;
  #ui = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.append(template.content.cloneNode(true));
    const $ = (selector) => this.#root.querySelector(selector);
    this.#ui = {
      title: $('#title'), languageLabel: $('.language-label'), language: $('select'),
      form: $('form'), queryLabel: $('label[for=query]'), query: $('#query'), status: $('.status'),
      results: $('.results'), article: $('.article'), back: $('.back'),
      articleTitle: $('.article-title'), articleBody: $('.article-body'),
      contactTitle: $('.contact-title'), contactText: $('.contact-text'), retry: $('.retry'),
    };
    for (const { code, name } of languages) this.#ui.language.append(new Option(name, code));
  }

  get lang() { return this.#lang; }

  connectedCallback() {
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    const ui = this.#ui;
    this.#lang = this.getAttribute('lang') || pickLanguage(navigator.language);
    ui.language.value = this.#lang;
    ui.query.addEventListener('input', () => this.#scheduleSearch(), { signal });
    ui.form.addEventListener('submit', (e) => {
      e.preventDefault();
      ui.results.querySelector('button')?.click();
    }, { signal });
    ui.language.addEventListener('change', () => this.#setLanguage(ui.language.value), { signal });
    ui.results.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-id]');
      if (button) this.#openArticle(button.dataset.id);
    }, { signal });
    ui.articleBody.addEventListener('click', (e) => {
      const link = e.target.closest('a[data-article]');
      if (!link) return;
      e.preventDefault();
      this.#openArticle(link.dataset.article);
    }, { signal });
    ui.back.addEventListener('click', () => this.#showResults(), { signal });
    ui.retry.addEventListener('click', () => this.#start(), { signal });
    this.#renderStrings();
    this.#start();
  }

  disconnectedCallback() {
    this.#abort?.abort();
    clearTimeout(this.#timer);
    this.#engine?.close();
    this.#engine = null;
    this.#loading = null;
  }

  #start() {
    const ui = this.#ui;
    ui.retry.hidden = true;
    ui.status.textContent = t(this.#lang, 'loading');
    this.#loading = Engine.load({
      kbUrl: this.getAttribute('kb-src') || 'kb.sqlite',
      onProgress: ({ received, total }) => {
        ui.status.textContent = t(this.#lang, 'loadingProgress', { percent: Math.floor((100 * received) / total) });
      },
    }).then((engine) => {
      this.#engine = engine;
      ui.status.textContent = '';
      this.dispatchEvent(new CustomEvent('ready', { detail: engine.info }));
      if (ui.query.value) this.#search();
      return engine;
    }, (error) => {
      this.#showError(error);
      return null;
    });
  }

  #showError(error) {
    const key = {
      corrupt_database: 'errorCorrupt',
      version_mismatch: 'errorVersion',
      kb_unavailable: 'errorUnavailable',
    }[error.code] ?? 'errorGeneric';
    this.#ui.status.textContent = t(this.#lang, key);
    this.#ui.status.classList.add('error');
    this.#ui.retry.hidden = false;
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
    ui.back.textContent = `← ${t(lang, 'back')}`;
    ui.contactTitle.textContent = t(lang, 'contactTitle');
    ui.contactText.textContent = t(lang, 'contact');
    ui.retry.textContent = t(lang, 'retry');
    this.#root.host.setAttribute('lang', lang);
  }

  #setLanguage(lang) {
    this.#lang = lang;
    this.#renderStrings();
    this.#search({ keepView: true });
    if (this.#articleId) this.#openArticle(this.#articleId);
  }

  #scheduleSearch() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#search(), typingPauseMs);
  }

  async #search({ keepView = false } = {}) {
    const ui = this.#ui;
    const query = ui.query.value;
    const engine = await this.#loading;
    if (!engine || !this.isConnected) return;
    if (!query.trim()) {
      ui.results.replaceChildren();
      ui.status.textContent = '';
      return;
    }
    let found;
    try {
      found = await engine.search(query, { lang: this.#lang, limit: 8 });
    } catch (error) {
      this.#showError(error);
      return;
    }
    if (!found) return;  // a newer search is on its way
    this.#renderResults(query, found);
    if (!keepView && !ui.article.hidden) this.#showResults();
  }

  #renderResults(query, found) {
    const ui = this.#ui;
    ui.status.classList.remove('error');
    ui.results.replaceChildren(...found.hits.map((hit) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = hit.id;
      button.lang = hit.lang;
      const title = document.createElement('span');
      title.className = 'hit-title';
      title.textContent = hit.title;
      const snippet = document.createElement('span');
      snippet.className = 'hit-snippet';
      snippet.append(sanitizedFragment(hit.snippetHtml));
      button.append(title, snippet);
      item.append(button);
      return item;
    }));
    const count = found.hits.length
      ? plural(this.#lang, 'results', found.hits.length)
      : t(this.#lang, 'noResults', { query: query.trim().slice(0, 80) });
    const parts = [count];
    if (found.corrected) parts.unshift(t(this.#lang, 'corrected', { query: found.corrected.trim().slice(0, 80) }));
    // Honest about weak matches (P3): say so and point to a person instead of guessing.
    if (found.hits.length && !found.confident) parts.push(t(this.#lang, 'notSure'));
    ui.status.textContent = parts.join(' ');
    this.#root.querySelector('.contact').classList.toggle('prominent', !found.confident);
  }

  async #openArticle(id) {
    const ui = this.#ui;
    const engine = await this.#loading;
    if (!engine) return;
    let article;
    try {
      article = await engine.article(id, this.#lang);
    } catch (error) {
      ui.status.textContent = t(this.#lang, 'articleError');
      console.warn(`help-assistant: ${error.code}: ${error.message}`);
      return;
    }
    this.#articleId = id;
    ui.article.lang = article.lang;
    ui.articleTitle.textContent = article.title;
    ui.articleBody.replaceChildren(sanitizedFragment(article.html));
    ui.results.hidden = true;
    ui.article.hidden = false;
    ui.article.focus();
    this.dispatchEvent(new CustomEvent('article-opened', { detail: { id, lang: article.lang } }));
  }

  #showResults() {
    this.#articleId = null;
    this.#ui.article.hidden = true;
    this.#ui.results.hidden = false;
    this.#ui.query.focus();
  }
}
