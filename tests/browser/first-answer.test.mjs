// The first answer on a slow phone: the first-answer index (quick.wasm and a few small
// files) answers while the whole engine is still downloading, and the whole engine takes
// over when it arrives. Here the whole engine's WebAssembly is held back by the test until
// the first answer is on screen, as a slow network would hold it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, start, widget } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

// Holds every request for the whole engine's WebAssembly until release() is called.
async function holdWholeEngine(context) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await context.route('**/assistant.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const results = (page, provisional) =>
  page.locator(`help-assistant .results[data-provisional="${provisional}"] li button`);

test('the first answer is shown before the whole engine has arrived, and then replaced by its own', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const release = await holdWholeEngine(context);
  const page = await openPage(context, env.base);
  const w = widget(page);
  await w.input.fill('forgot password');
  // Answered while the whole engine is still held back: the right article, its words marked.
  const first = results(page, 'true').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-id'), 'reset-password');
  assert.match(await first.innerHTML(), /<mark>/);
  // A first answer is not judged: no "not sure" before the whole engine has searched.
  assert.match(await w.status.textContent(), /^\d+ articles? found/);
  assert.doesNotMatch(await w.status.textContent(), /sure/i);
  // The whole engine arrives and searches again: its own answer replaces the first.
  release();
  await results(page, 'false').first().waitFor();
  assert.equal(await results(page, 'false').first().getAttribute('data-id'), 'reset-password');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a Serbian customer typing Cyrillic gets a Cyrillic first answer', async () => {
  const context = await env.browser.newContext({ locale: 'sr-RS' });
  const release = await holdWholeEngine(context);
  const page = await openPage(context, env.base);
  await widget(page).input.fill('заборавио сам лозинку');
  const first = results(page, 'true').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('lang'), 'sr-Cyrl');
  assert.match(await first.textContent(), /[\u0400-\u04FF]/u);
  release();
  await results(page, 'false').first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('without a first-answer index the whole engine answers the first search', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  await context.route('**/kb/quick.bin', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const page = await openPage(context, env.base);
  await widget(page).input.fill('forgot password');
  const first = results(page, 'false').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-id'), 'reset-password');
  assert.equal(await results(page, 'true').count(), 0);
  await context.close();
});

test('after the whole engine has answered, a new question whose pages are not here yet is answered first by the first-answer index', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  await w.input.fill('forgot password');
  await page.locator('help-assistant .results[data-query="forgot password"][data-provisional="false"] li').first().waitFor();
  // From now on the whole engine's chunks are held back, as a slow network holds them.
  const { key } = await page.evaluate(async () => (await fetch('kb/manifest.json')).json());
  const held = [];
  let release;
  let asked;
  const released = new Promise((resolve) => { release = resolve; });
  const wholeAsked = new Promise((resolve) => { asked = resolve; });
  await context.route(new RegExp(`/kb/${key}-\\d+\\.bin$`), async (route) => {
    held.push(route.request().url());
    asked();
    await released;
    await route.continue();
  });
  // Another language, other words: pages the first search never read.
  await w.input.fill('kako aktivirati esim na novem telefonu');
  const query = '[data-query="kako aktivirati esim na novem telefonu"]';
  const first = page.locator(`help-assistant .results${query}[data-provisional="true"] li button:not([data-kind="flow"])`).first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-id'), 'esim-activation');
  // The whole engine is asked after the first answer is shown: its pages are asked for
  // then (on a busy machine, after this point), and held.
  await wholeAsked;
  assert.ok(held.length > 0, 'the whole engine asked for its pages');
  // The pages arrive: the whole engine's answer replaces the first one.
  release();
  const whole = page.locator(`help-assistant .results${query}[data-provisional="false"] li button:not([data-kind="flow"])`).first();
  await whole.waitFor();
  assert.equal(await whole.getAttribute('data-id'), 'esim-activation');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Holds the widget's script (the bundle help-assistant-define.js imports) until release();
// `asked` settles when the page has asked for it, i.e. once help-assistant-define.js has run.
async function holdWidgetScript(context) {
  let release;
  let asked;
  const released = new Promise((resolve) => { release = resolve; });
  const askedFor = new Promise((resolve) => { asked = resolve; });
  await context.route('**/help-assistant.js', async (route) => {
    asked();
    await released;
    await route.continue();
  });
  return { release, askedFor };
}

test('words typed into the page\'s box before the widget has come are searched by the widget, the cursor kept', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const { release } = await holdWidgetScript(context);
  const page = await context.newPage();
  await page.goto(env.base, { waitUntil: 'commit' });
  const early = page.locator('help-assistant > .help-early input');
  await early.fill('forgot password');
  // The box is there, in the page's language, saying that help is on the way.
  assert.equal(await page.locator('help-assistant > .help-early [role=status]').textContent(), 'Getting help ready…');
  release();
  const w = widget(page);
  const first = page.locator('help-assistant .results[data-query="forgot password"] li button').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-id'), 'reset-password');
  assert.equal(await w.input.inputValue(), 'forgot password');
  assert.equal(await page.locator('help-assistant .help-early').count(), 0);
  // The customer types on where they were.
  await page.keyboard.type(' reset');
  assert.equal(await w.input.inputValue(), 'forgot password reset');
  await context.close();
});

test('a customer typing while the widget takes over the page\'s box loses no letter, even before its style sheet has come', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const { release } = await holdWidgetScript(context);
  let releaseSheet;
  const sheetHeld = new Promise((resolve) => { releaseSheet = resolve; });
  await context.route('**/help-assistant.css', async (route) => { await sheetHeld; await route.continue(); });
  const page = await context.newPage();
  await page.goto(env.base, { waitUntil: 'commit' });
  await page.locator('help-assistant > .help-early input').pressSequentially('ro');
  release();
  await page.waitForFunction(() => customElements.get('help-assistant') !== undefined);
  // The widget is there but not yet drawn: the letters typed now go into its box.
  await page.keyboard.type('ut');
  releaseSheet();
  const w = widget(page);
  await page.locator('help-assistant[data-styled]').waitFor();
  assert.equal(await w.input.inputValue(), 'rout');
  await page.locator('help-assistant .results[data-query="rout"] li button').first().waitFor();
  await context.close();
});

test('Enter in the page\'s box before the widget has come is not lost, and the box speaks the browser\'s language', async () => {
  const context = await env.browser.newContext({ locale: 'sr-RS' });
  const { release, askedFor } = await holdWidgetScript(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.base, { waitUntil: 'commit' });
  const early = page.locator('help-assistant > .help-early input');
  await early.fill('ne radi mi internet kod kuće');
  await askedFor;
  await page.locator('help-assistant > .help-early h2').getByText('Kako možemo da pomognemo?').waitFor();
  assert.equal(await early.getAttribute('placeholder'), 'npr. „nema interneta“');
  await early.press('Enter');
  release();
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();
  assert.match(await page.locator('help-assistant .restatement').textContent(), /^Napisali ste „ne radi mi internet kod kuće“/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the search box stays where it is when the widget takes over the page\'s box, on a phone', async () => {
  for (const [locale, title] of [['en-US', 'How can we help?'], ['sr-RS', 'Kako možemo da pomognemo?']]) {
    const context = await env.browser.newContext({ locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { release } = await holdWidgetScript(context);
    const page = await context.newPage();
    await page.goto(env.base, { waitUntil: 'commit' });
    // Once the page has put the box in the browser's language (demo-page.js).
    await page.locator('help-assistant > .help-early h2').getByText(title, { exact: true }).waitFor();
    // And once its stylesheets have come: the browser shows nothing before (they block
    // rendering), but a measure taken earlier reads the unstyled box (under load it did).
    await page.waitForFunction(() => [...document.querySelectorAll('link[rel=stylesheet]')].every((l) => l.sheet));
    const early = await page.locator('help-assistant > .help-early input').boundingBox();
    release();
    await page.locator('help-assistant[data-styled]').waitFor();
    const box = await widget(page).input.boundingBox();
    // A finger aimed at the early box still lands on the search box, not on the menu above.
    assert.ok(Math.abs(box.y - early.y) <= 6, `${locale}: ${JSON.stringify({ early, box })}`);
    assert.ok(Math.abs(box.height - early.height) <= 6, `${locale}: ${JSON.stringify({ early, box })}`);
    await context.close();
  }
});
