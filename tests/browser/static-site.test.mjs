// The assistant inside a site built by a real static site generator (Hugo, Debian's
// package): the one tag in the site's template, the site's own broad style sheet and
// keyboard shortcut present (tests/browser/fixtures/hugo-site). A customer on one of its
// pages searches, walks a guided fix and sends a case; neither side's styles reach the
// other (the widget draws in a shadow root), and the site's shortcut does not eat what the
// customer types into the assistant.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../tools/serve.mjs';
import { axeViolations, failEverySolution, openPage, start, toFirstSolution } from './browser.mjs';

const fixture = new URL('./fixtures/hugo-site', import.meta.url).pathname;
const out = new URL('../../build/hugo-site', import.meta.url).pathname;

let env;
let server;
let base;
before(async () => {
  rmSync(out, { recursive: true, force: true });
  execFileSync('hugo', ['--source', fixture, '--destination', out, '--quiet']);
  // The assistant's built files, deployed under /assistant/ as a site would copy them.
  cpSync(new URL('../../build/site', import.meta.url).pathname, `${out}/assistant`, { recursive: true });
  env = await start();
  server = await serve(out);
  base = `http://localhost:${server.address().port}/`;
});
after(async () => {
  await new Promise((done) => server.close(done));
  await env.stop();
});

// Computed style properties of the first element the selector finds (inside the widget's
// shadow root when inWidget).
const styleOf = (page, selector, inWidget, props) => page.evaluate(([s, shadow, names]) => {
  const root = shadow ? document.querySelector('help-assistant').shadowRoot : document;
  const style = getComputedStyle(root.querySelector(s));
  return Object.fromEntries(names.map((n) => [n, style[n]]));
}, [selector, inWidget, props]);

test('on a Hugo site\'s page the launcher opens, the customer walks a guided fix and sends a case, and no style crosses', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, `${base}docs/home-internet/`);
  const launcher = page.locator('help-assistant .launcher');
  await launcher.waitFor();
  const siteButton = ['backgroundColor', 'paddingTop', 'fontFamily', 'minHeight'];
  const siteBefore = await styleOf(page, 'footer .primary', false, siteButton);
  const siteResults = await styleOf(page, 'footer .results', false, ['borderTopColor', 'display', 'listStyleType']);

  await launcher.click();
  const input = page.locator('help-assistant input[type=search]');
  await input.waitFor();
  // Typed with the keyboard, letter by letter: the theme's "s" shortcut must not take the
  // focus away to the site's own search box.
  await input.focus();
  await page.keyboard.type('internet is not working, modem lights off');
  assert.equal(await input.inputValue(), 'internet is not working, modem lights off');
  assert.equal(await page.locator('.site-search').inputValue(), '');
  await input.fill('internet not working at home');
  await input.press('Enter');
  const panel = page.locator('help-assistant .conversation');
  const button = (name) => panel.getByRole('button', { name, exact: true });
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();

  // The site's rules do not reach into the widget.
  const choice = await styleOf(page, '.conversation button', true, ['backgroundColor', 'paddingTop', 'fontFamily', 'borderTopLeftRadius']);
  assert.notEqual(choice.backgroundColor, 'rgb(192, 0, 0)');
  assert.notEqual(choice.paddingTop, '24px');
  assert.match(choice.fontFamily, /^system-ui/);
  assert.equal(choice.borderTopLeftRadius, '8px');
  const title = await styleOf(page, 'h2', true, ['fontSize', 'textTransform', 'color']);
  assert.deepEqual(title, { fontSize: '24px', textTransform: 'none', color: 'rgb(28, 36, 48)' });
  assert.equal((await styleOf(page, '.close', true, ['display'])).display !== 'none', true, 'the close button stays');
  assert.notEqual((await styleOf(page, 'input[type=search]', true, ['borderTopStyle'])).borderTopStyle, 'dashed');
  // And the widget's rules (.primary, .results in its style sheet) do not reach the page.
  assert.deepEqual(await styleOf(page, 'footer .primary', false, siteButton), siteBefore);
  assert.deepEqual(await styleOf(page, 'footer .results', false, ['borderTopColor', 'display', 'listStyleType']), siteResults);
  assert.deepEqual(siteResults, { borderTopColor: 'rgb(0, 0, 204)', display: 'block', listStyleType: 'square' });

  await button('Yes, that is it').click();
  await toFirstSolution(page);
  await failEverySolution(page);
  await panel.locator('input[name=contact]').fill('ana@example.com');
  await panel.getByRole('button', { name: 'Review what will be sent' }).click();
  await button('Send it').click();
  await panel.getByText(/It has arrived\./).waitFor();
  assert.equal(server.cases.size, 1, 'the case reached the webhook');
  const [sent] = server.cases.values();
  assert.equal(sent.page, '/docs/home-internet/', 'the case says on which page of the site the customer was');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
