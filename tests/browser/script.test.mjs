// One script on the screen at a time: a Serbian customer reading Cyrillic sees every
// state of the assistant in Cyrillic. No word mixes the two alphabets, and a Latin word
// stands in Cyrillic text only where the transliteration itself keeps it Latin (brands,
// acronyms, technical words: core/text/transliterate.hpp), inside quotation marks (the
// customer's own words, shown as typed), or as a code, an address or a number.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, start, widget } from './browser.mjs';

let env;
let toCyrillic;
before(async () => {
  env = await start();
  const wasm = new URL('../../build/wasm/', import.meta.url).pathname;
  const createModule = createRequire(import.meta.url)(`${wasm}assistant.js`);
  const module = await createModule({ wasmBinary: readFileSync(`${wasm}assistant.wasm`) });
  toCyrillic = module.toCyrillic;
});
after(async () => { await env.stop(); });

const latin = /\p{Script=Latin}/u;
const cyrillic = /\p{Script=Cyrillic}/u;

// What on the screen breaks the rule, one line each: every visible text of the widget
// (text nodes, button labels, placeholders and accessible names), by sentence and word.
async function mixed(page) {
  const texts = await page.evaluate(() => {
    const root = document.querySelector('help-assistant').shadowRoot;
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[hidden], style, .preview-full, select')) continue;
      if (parent.checkVisibility && !parent.checkVisibility()) continue;
      if (node.textContent.trim()) out.push(node.textContent);
    }
    for (const el of root.querySelectorAll('[placeholder], [aria-label]')) {
      if (el.closest('[hidden]')) continue;
      for (const attr of ['placeholder', 'aria-label']) if (el.getAttribute(attr)) out.push(el.getAttribute(attr));
    }
    return out;
  });
  const problems = [];
  for (const text of texts) {
    // The customer's own words (in „…“ or "…") and codes, addresses, links and time zone
    // names (Europe/Belgrade) are as written.
    const checked = text.replace(/„[^“”]*[“”]|"[^"]*"|“[^”]*”/g, ' ')
      // A case code is eight letters and digits of one alphabet (core/handoff/package.cpp),
      // read out to an agent as it is; some codes have no digit at all.
      .replace(/\b[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\b/g, ' ')
      .replace(/\S+@\S+|\S+:\/\/\S+|\b[\w.-]+\.(rs|ba|hr|si|example|com)\b(\/\S*)?|\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g, ' ');
    for (const word of checked.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean)) {
      const hasLatin = latin.test(word);
      if (hasLatin && cyrillic.test(word)) problems.push(`mixes scripts: "${word}" in "${text.trim()}"`);
      else if (hasLatin && !/\d/.test(word) && toCyrillic(word) !== word) {
        problems.push(`Latin word "${word}" in "${text.trim().slice(0, 120)}"`);
      }
    }
  }
  return [...new Set(problems)];
}

test('every state a Serbian customer reads in Cyrillic is in Cyrillic', async () => {
  const context = await env.browser.newContext({ locale: 'sr-RS', timezoneId: 'Europe/Belgrade' });
  const page = await openPage(context, `${env.base}#internet`);
  const w = widget(page);
  await w.language.selectOption('sr-Cyrl');
  await w.status.getByText('Често потребно на овој страници:').waitFor();
  const states = {};
  states.suggestions = await mixed(page);

  await w.input.fill('лампице на рутеру');
  await page.locator('help-assistant .results[data-provisional="false"] li button').first().waitFor();
  states.results = await mixed(page);
  await page.locator('help-assistant .results li button:not([data-kind="flow"])').first().click();
  await w.articleTitle.waitFor({ state: 'visible' });
  states.article = await mixed(page);
  await page.locator('help-assistant .article-feedback button[data-helped="no"]').click();
  states['article did not help'] = await mixed(page);
  await page.locator('help-assistant .article .back').click();

  const panel = page.locator('help-assistant .conversation');
  await w.input.fill('не ради ми интернет код куће');
  await w.input.press('Enter');
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();
  states.restatement = await mixed(page);
  await panel.locator('button[data-action=confirm]').click();
  const conversationText = () => page.evaluate(() =>
    document.querySelector('help-assistant').shadowRoot.querySelector('.conversation')?.textContent ?? '');
  // The guided fix's questions and steps, the first option each time, to its solutions.
  const step = panel.locator('button[data-action=choose], button[data-action=next], button[data-answer=no]');
  for (let n = 1; n <= 10; n += 1) {
    await step.first().waitFor();
    if (await panel.locator('button[data-answer=no]').count()) break;
    states[`step ${n}`] = await mixed(page);
    const before = await conversationText();
    await step.first().click();
    await page.waitForFunction((b) =>
      document.querySelector('help-assistant').shadowRoot.querySelector('.conversation')?.textContent !== b, before);
  }
  await panel.locator('button[data-answer=no]').waitFor();
  states.solution = await mixed(page);
  // "No" to each solution until a person is offered; each answer redraws the panel.
  while (await panel.locator('button[data-answer=no]').count()) {
    const before = await conversationText();
    await panel.locator('button[data-answer=no]').click();
    await page.waitForFunction((b) =>
      document.querySelector('help-assistant').shadowRoot.querySelector('.conversation')?.textContent !== b, before);
    await panel.locator('button[data-answer=no], input[name=contact]').first().waitFor();
  }
  await panel.locator('input[name=contact]').waitFor();
  states['handoff form'] = await mixed(page);
  await panel.locator('input[name=contact]').fill('ana@example.com');
  await panel.locator('form[data-form=handoff] button[type=submit]').click();
  await panel.locator('.preview-summary').waitFor();
  states.preview = await mixed(page);
  await panel.locator('button[data-action=send]').click();
  await panel.locator('.delivery-deliveryDone').waitFor();
  states['sent case'] = await mixed(page);

  assert.deepEqual(Object.fromEntries(Object.entries(states).filter(([, p]) => p.length)), {});
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the customer\'s choice of script wins over what they type', async () => {
  const context = await env.browser.newContext({ locale: 'sr-RS' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  await w.input.fill('не ради ми интернет');
  await page.locator('help-assistant .results[data-provisional="false"] li button').first().waitFor();
  assert.equal(await w.language.inputValue(), 'sr-Cyrl', 'Cyrillic typed: Cyrillic shown');
  // The customer wants Latin (or Croatian) although the box still holds Cyrillic.
  for (const chosen of ['sr-Latn', 'hr']) {
    await w.language.selectOption(chosen);
    await page.locator(`help-assistant[lang=${chosen}]`).waitFor({ state: 'attached' });
    await w.input.press('End');
    await w.input.type(' ');
    // The answer to these very words (the box now ends in one more space).
    const typed = await w.input.inputValue();
    await page.locator(`help-assistant .results[data-query="${typed}"][data-provisional="false"] li button`).first().waitFor();
    assert.equal(await w.language.inputValue(), chosen, `${chosen} stays chosen`);
    const titles = await page.locator('help-assistant .results li button').allTextContents();
    assert.ok(titles.every((title) => !/\p{Script=Cyrillic}/u.test(title)), titles.join(' | '));
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});
