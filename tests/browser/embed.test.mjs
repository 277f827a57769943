// The assistant dropped into any page with one script tag (web/embed.html): a launcher
// button that opens a panel, the methods and events a site uses, and theming.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, screenshots, start, toFirstSolution } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

// Whether the focus is on the element the selector finds inside the widget.
const focusOn = (page, selector) => page.evaluate((s) => {
  const root = document.querySelector('help-assistant').shadowRoot;
  return root.activeElement === root.querySelector(s);
}, selector);

test('one script tag puts a launcher in the corner; it opens, keeps its state while shut, and shuts with Escape', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const requested = [];
  context.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const page = await openPage(context, `${env.base}embed.html`);
  const launcher = page.locator('help-assistant .launcher');
  const panel = page.locator('help-assistant .assistant');
  await launcher.waitFor();
  assert.equal(await panel.isHidden(), true);
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  // The element itself takes no room in the page it is added to (the page's card style
  // for the inline assistant drew an empty white bar across it).
  assert.equal(await page.locator('help-assistant').evaluate((e) => e.getBoundingClientRect().height), 0);
  assert.deepEqual(await axeViolations(page), [], 'launcher shut');
  // Nobody reached for help yet: nothing of the engine or the knowledge base downloaded.
  assert.ok(requested.includes('/help-assistant-define.js'), requested.join());
  assert.deepEqual(requested.filter((p) => /wasm|worker|\/kb\//.test(p)), []);

  await launcher.click();
  await page.locator('help-assistant .status').getByText('Often needed on this page:').waitFor();
  assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
  assert.equal(await focusOn(page, 'input[type=search]'), true, 'the search box has the focus');
  // data-page="/billing" on the tag: billing suggestions.
  const suggested = await page.locator('help-assistant .results li button').evaluateAll((b) => b.map((x) => x.dataset.id));
  assert.ok(suggested.some((id) => /charge|pay|bill/.test(id)), suggested.join());
  assert.deepEqual(await axeViolations(page), [], 'panel open');

  await page.keyboard.type('router lights');
  const result = page.locator('help-assistant .results[data-query="router lights"][data-provisional="false"] button[data-id="router-lights"]');
  await result.waitFor();
  // Escape in an article goes back to the results (it shut the whole panel); then it shuts.
  await result.click();
  await page.locator('help-assistant .article:not([hidden])').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('help-assistant .article').waitFor({ state: 'hidden' });
  assert.equal(await panel.isVisible(), true, 'still open, at the results');
  await result.waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await panel.isHidden(), true);
  assert.equal(await focusOn(page, '.launcher'), true, 'the focus returns to the launcher');
  await page.keyboard.press('Enter');  // the launcher, from the keyboard
  assert.equal(await panel.isVisible(), true);
  assert.equal(await page.locator('help-assistant input[type=search]').inputValue(), 'router lights');
  assert.equal(await page.locator('help-assistant .results button[data-id="router-lights"]').count(), 1);
  await page.locator('help-assistant .close').click();
  assert.equal(await panel.isHidden(), true);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Escape in an article opened from a guided fix goes back to the fix, at the same step, then shuts the panel', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, `${env.base}embed.html`);
  const panel = page.locator('help-assistant .assistant');
  const fix = page.locator('help-assistant .conversation');
  await page.locator('help-assistant .launcher').click();
  await page.locator('help-assistant input[type=search]').fill('internet not working at home');
  await page.keyboard.press('Enter');
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();
  await fix.getByRole('button', { name: 'Yes, that is it', exact: true }).click();
  await toFirstSolution(page);
  await fix.getByRole('button', { name: /^More detail:/ }).click();
  await page.locator('help-assistant .article:not([hidden])').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('help-assistant .article').waitFor({ state: 'hidden' });
  await fix.getByText('Solution 1 of 4').waitFor();
  assert.equal(await panel.isVisible(), true, 'still open, at the fix');
  assert.equal(await focusOn(page, '.conversation'), true, 'the focus is on the fix, not in the hidden article');
  await page.keyboard.press('Escape');
  assert.equal(await panel.isHidden(), true);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('on the teams\' holiday the contact line says the phone is shut, and open again the next morning', async () => {
  // 11 November, Armistice Day in Serbia (the demo's site.yaml), a Wednesday at ten.
  const context = await env.browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Belgrade' });
  await context.clock.install({ time: new Date('2026-11-11T10:00:00+01:00') });
  const page = await openPage(context, `${env.base}embed.html`);
  await page.locator('help-assistant .launcher').click();
  const line = page.locator('help-assistant .contact-text');
  assert.equal(await line.textContent(),
    'Call 0800 100 200 (free, every day 08:00–20:00, closed now; from abroad +381 11 400 2000) or write to podrska@savanova.example.');
  await context.clock.fastForward('24:00:00');
  await line.filter({ hasNotText: 'closed now' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a Bosnian reader reads the teams\' time zone in ijekavian words, though Chromium names it only in Serbian', async () => {
  const context = await env.browser.newContext({ locale: 'bs-BA' });
  const page = await openPage(context, `${env.base}embed.html`);
  const names = await page.evaluate(async () => {
    const { zoneName } = await import('./i18n.js');
    return [zoneName('bs', 'Europe/Belgrade', { generic: true }), zoneName('bs', 'Europe/Belgrade', { at: Date.UTC(2026, 6, 10) }),
      zoneName('sr-Latn', 'Europe/Belgrade', { at: Date.UTC(2026, 6, 10) })];
  });
  assert.match(names[0], /^\p{Ll}[\p{L} ]* vrijeme$/u);
  assert.match(names[1], / ljetno vrijeme$/);
  assert.match(names[2], / letnje vreme$/);
  await context.close();
});

test('on a phone the panel takes the whole screen', async () => {
  const context = await env.browser.newContext({ locale: 'sr-RS', viewport: { width: 360, height: 640 } });
  const page = await openPage(context, `${env.base}embed.html`);
  await page.locator('help-assistant .launcher').click();
  await page.locator('help-assistant .status').getByText('Često potrebno na ovoj stranici:').waitFor();
  const box = await page.locator('help-assistant .assistant').boundingBox();
  assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 360, 640]);
  await page.screenshot({ path: `${screenshots}/launcher-phone-sr.png` });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('nothing shows unstyled while the stylesheet is on its way', async () => {
  // On a slow phone the launcher was a grey default button, and the shut panel lay open,
  // until help-assistant.css came. Held back here, the widget stays out of sight.
  const context = await env.browser.newContext({ locale: 'en-US' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/help-assistant.css', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(`${env.base}embed.html`, { waitUntil: 'domcontentloaded' });
  const launcher = page.locator('help-assistant .launcher:not([hidden])');
  await launcher.waitFor({ state: 'attached' });
  // Transparent and out of reach of a tap (not hidden: a hidden field could take no focus).
  assert.deepEqual(await launcher.evaluate((b) => [getComputedStyle(b).opacity, getComputedStyle(b).pointerEvents]), ['0', 'none']);
  assert.equal(await page.locator('help-assistant .assistant').isVisible(), false);
  release();
  await page.locator('help-assistant[data-styled] .launcher').waitFor();
  assert.equal(await launcher.evaluate((b) => getComputedStyle(b).opacity), '1');
  assert.notEqual(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(239, 239, 239)');
  assert.equal(await page.locator('help-assistant .assistant').isVisible(), false);
  await context.close();
});

test('a site drives it (open, search, setPage), hears its events, and themes it', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, `${env.base}embed.html`);
  // The launcher shows once its stylesheet has come (data-styled).
  await page.locator('help-assistant[data-styled] .launcher').waitFor();
  await page.evaluate(() => {
    window.heard = [];
    for (const name of ['search', 'resolved', 'handoff']) {
      document.addEventListener(`help-assistant:${name}`, (e) => window.heard.push([name, e.detail]));
    }
    const element = document.querySelector('help-assistant');
    element.style.setProperty('--ha-accent', 'rgb(138, 21, 56)');
    element.search('internet not working at home');
  });
  assert.equal(await page.locator('help-assistant .launcher').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(138, 21, 56)');
  const flow = page.locator('help-assistant .results[data-provisional="false"] button[data-id="no-internet-fix"]');
  await flow.waitFor();
  await page.waitForFunction(() => window.heard.some(([name]) => name === 'search'));
  const searched = await page.evaluate(() => window.heard.find(([name]) => name === 'search')[1]);
  assert.equal(searched.query, 'internet not working at home');
  assert.ok(searched.hits > 0);

  // A guided fix that works: "resolved".
  const panel = page.locator('help-assistant .conversation');
  const button = (name) => panel.getByRole('button', { name, exact: true });
  await flow.click();
  await toFirstSolution(page);
  await button('Yes').click();
  await page.locator('help-assistant .conversation.phase-solved').waitFor();
  assert.deepEqual(await page.evaluate(() => window.heard.filter(([name]) => name === 'resolved')), [['resolved', { flow: 'no-internet-fix' }]]);

  // setPage: a single-page app moved; with an empty box, that page's suggestions.
  await page.locator('help-assistant input[type=search]').fill('');
  await page.evaluate(() => document.querySelector('help-assistant').setPage('/internet'));
  await page.waitForFunction(() => [...document.querySelector('help-assistant').shadowRoot.querySelectorAll('.results button')]
    .some((b) => b.dataset.id === 'no-internet-fix'));

  // A case sent: "handoff" with its code.
  await page.locator('help-assistant .contact .write-to-us').click();
  await page.locator('help-assistant .conversation.phase-handoff').waitFor();
  await panel.getByRole('button', { name: 'Review what will be sent' }).click();
  await button('Send it').click();
  const sent = panel.getByText(/^Sent\. Your case code is/);
  await sent.waitFor();
  const code = (await sent.textContent()).match(/case code is (\S+?)\./)[1];
  await page.waitForFunction(() => window.heard.some(([name]) => name === 'handoff'));
  assert.deepEqual(await page.evaluate(() => window.heard.filter(([name]) => name === 'handoff')), [['handoff', { caseCode: code }]]);
  assert.deepEqual(page.errors, []);
  await context.close();
});
