// Shared set-up for the browser tests: the built demo (build/site) served on localhost
// and Debian's Chromium driven by playwright-core.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

export const screenshots = new URL('../../build/screenshots/', import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

// The built demo, or another site folder built by tools/site.sh.
export async function start(folder = new URL('../../build/site', import.meta.url).pathname) {
  const server = await serve(folder);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    base: `http://localhost:${server.address().port}/`,
    browser,
    server,  // server.cases: the handoff packages that arrived by webhook
    async stop() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

// A page that records every console error and uncaught exception.
export async function openPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  return page;
}

// The widget's parts (Playwright's CSS locators pierce its open shadow root).
export function widget(page) {
  const root = page.locator('help-assistant');
  return {
    input: root.locator('input[type=search]'),
    language: root.locator('select'),
    status: root.locator('.status'),
    // Article results; guided fixes (data-kind=flow) are listed with them and tested apart.
    hits: root.locator('.results li button:not([data-kind="flow"])'),
    articleTitle: root.locator('.article-title'),
    articleBody: root.locator('.article-body'),
    contact: root.locator('.contact'),
    contactLine: root.locator('.contact-text'),  // the company's phone, hours and address
    retry: root.locator('.retry'),
  };
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// The WCAG 2.0/2.1 A and AA violations axe-core (npm) finds on the page now, shadow
// roots included, one line each: the rule, and where.
export async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  })).violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
}

// The demo's home-internet guided fix (no-internet-fix), once it has started: its three
// questions answered ("No known issues", "On every device", "Yes, it is on") up to the
// first of its four solutions.
export async function toFirstSolution(page) {
  const panel = page.locator('help-assistant .conversation');
  const button = (name) => panel.getByRole('button', { name, exact: true });
  for (const answer of ['No known issues', 'On every device', 'Yes, it is on']) await button(answer).click();
  await panel.getByText('Solution 1 of 4').waitFor();
}

// From the first solution: "No" to each of the four, up to the offer of a person.
export async function failEverySolution(page) {
  const panel = page.locator('help-assistant .conversation');
  for (let n = 1; n <= 4; n += 1) {
    await panel.getByText(`Solution ${n} of 4`).waitFor();
    await panel.getByRole('button', { name: 'No', exact: true }).click();
  }
  await page.locator('help-assistant .conversation.phase-handoff').waitFor();
}

// The view of the widget's next conversation step (its 'conversation' event), as a
// promise: ask for it before the action that takes the step.
export function nextConversation(page) {
  return page.evaluate(() => new Promise((resolve) => {
    document.querySelector('help-assistant').addEventListener('conversation', (e) => resolve(e.detail), { once: true });
  }));
}

// The page's engine workers (a replaced engine's worker is gone from the list).
export function engineWorkers(page) {
  return page.workers().filter((worker) => worker.url().includes('engine-worker'));
}

// Makes the engine's next call of `method` (search, article, converse) fault as a
// WebAssembly trap does: the worker's engine object throws the error a trap throws.
export async function trapNext(page, method) {
  const [worker] = engineWorkers(page);
  await worker.evaluate((name) => {
    engine[name] = () => { throw new WebAssembly.RuntimeError('unreachable'); };
  }, method);
}
