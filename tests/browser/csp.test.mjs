// The widget and the agent console under the strict Content-Security-Policy a careful
// site sends (documented in README): no inline script or style, no eval, WebAssembly
// allowed, workers and connections to the site itself only. Every violation Chromium
// reports is collected; the customer's journey must work and report none.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../tools/serve.mjs';
import { failEverySolution, openPage, start, toFirstSolution, widget } from './browser.mjs';

const strictPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "connect-src 'self'; worker-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

let env;
let server;
let base;
before(async () => {
  env = await start();
  server = await serve(new URL('../../build/site', import.meta.url).pathname, { headers: { 'content-security-policy': strictPolicy } });
  base = `http://localhost:${server.address().port}/`;
});
after(async () => {
  await new Promise((done) => server.close(done));
  await env.stop();
});

// Collects securitypolicyviolation events of the page (and of its shadow roots: they
// bubble to the document) from before the first script runs.
async function watchViolations(context) {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

test('under a strict CSP the customer searches, walks a guided fix and sends a case; the agent reads it', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  await watchViolations(context);
  const page = await openPage(context, base);
  const w = widget(page);
  const panel = page.locator('help-assistant .conversation');
  const button = (name) => panel.getByRole('button', { name, exact: true });
  // The widget's stylesheet applies (a blocked stylesheet leaves the results unstyled).
  await w.input.fill('router lights');
  const hit = page.locator('help-assistant .results[data-provisional="false"] button[data-id="router-lights"]');
  await hit.waitFor();
  assert.notEqual(await hit.evaluate((b) => getComputedStyle(b).borderTopStyle), 'none');
  await hit.click();
  await w.articleTitle.waitFor({ state: 'visible' });
  await page.locator('help-assistant .article .back').click();

  await w.input.fill('internet not working at home');
  await w.input.press('Enter');
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();
  await button('Yes, that is it').click();
  await toFirstSolution(page);
  await failEverySolution(page);
  await panel.locator('input[name=contact]').fill('ana@example.com');
  await panel.getByRole('button', { name: 'Review what will be sent' }).click();
  await button('Send it').click();
  await panel.getByText(/It has arrived\./).waitFor();
  assert.equal(server.cases.size, 1, 'the case reached the webhook');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.errors, []);

  const agent = await openPage(context, `${base}agent.html`);
  await agent.locator('.case-list button[data-case]').first().click();
  await agent.locator('main.case .summary').waitFor();
  assert.deepEqual(await agent.evaluate(() => window.cspViolations), []);
  assert.deepEqual(agent.errors, []);
  await context.close();
});
