#!/usr/bin/env node
// The README's pictures: the demo's main states on a phone (360 × 640) and a desktop
// (1280 × 800), taken in Debian's Chromium from build/site (run tools/build.sh first).
//   node tools/screenshots.mjs [--out docs/screenshots]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(ROOT, 'docs/screenshots') } } });
mkdirSync(values.out, { recursive: true });

const server = await serve(path.join(ROOT, 'build/site'));
const base = `http://localhost:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function shoot(name, { width, height, locale }, steps) {
  const context = await browser.newContext({ locale, viewport: { width, height }, timezoneId: 'Europe/Belgrade' });
  const page = await context.newPage();
  await page.goto(base);
  await steps(page, page.locator('help-assistant'));
  await page.screenshot({ path: path.join(values.out, `${name}.png`) });
  console.log(`${name}.png`);
  await context.close();
}

// The states a customer goes through, on whichever screen.
const results = async (page, w, query) => {
  await w.locator('input[type=search]').fill(query);
  await w.locator('.results[data-provisional="false"] li button').first().waitFor();
};
const solution = async (page, w, query, answers) => {
  await w.locator('input[type=search]').fill(query);
  await w.locator('input[type=search]').press('Enter');
  await w.locator('.conversation.phase-confirming').waitFor();
  for (const answer of answers) await w.locator('.conversation').getByRole('button', { name: answer, exact: true }).click();
  await w.locator('.conversation').getByText('Solution 1 of 4').waitFor();
};

const phone = { width: 360, height: 640 };
const desktop = { width: 1280, height: 800 };
await shoot('phone-results-sr', { ...phone, locale: 'sr-RS' }, (page, w) => results(page, w, 'ne radi mi internet'));
await shoot('phone-guided-fix-en', { ...phone, locale: 'en-US' }, (page, w) =>
  solution(page, w, 'internet not working at home', ['Yes, that is it', 'No known issues', 'On every device', 'Yes, it is on']));
await shoot('phone-article-hr', { ...phone, locale: 'hr-HR' }, async (page, w) => {
  await results(page, w, 'lampice na routeru');
  await w.locator('.results li button:not([data-kind="flow"])').first().click();
  await w.locator('.article-title').waitFor({ state: 'visible' });
});
await shoot('desktop-results-sr-cyrl', { ...desktop, locale: 'sr-RS' }, (page, w) => results(page, w, 'не ради ми интернет'));
await shoot('desktop-results-sl', { ...desktop, locale: 'en-US' }, (page, w) => results(page, w, 'paket ni prispel, čakam že teden dni'));

await browser.close();
await new Promise((done) => server.close(done));
