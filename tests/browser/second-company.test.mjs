// Another company deploys the assistant by changing knowledge-base/ only: its own
// site.yaml (another name, phone, e-mail, hours and languages) and its own articles,
// built with the same tools/site.sh. Nothing of the demo's company may be left in what
// its customers get: not in the page, not in any file served, not in the names of what
// the browser stores.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, start, widget } from './browser.mjs';

const root = new URL('../../', import.meta.url).pathname;
const kbDir = path.join(root, 'build/test-sites/kestrel-kb');
const siteDir = path.join(root, 'build/test-sites/kestrel');
// What the demo's company is known by, anywhere.
const firstCompany = /savanova|0800 100 200|11 400 2000/i;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

let env;
before(async () => {
  rmSync(kbDir, { recursive: true, force: true });
  rmSync(siteDir, { recursive: true, force: true });
  cpSync(path.join(root, 'knowledge-base'), kbDir, { recursive: true });
  // The second company's articles: the demo's, with its own name, site and phone.
  for (const file of filesUnder(kbDir).filter((f) => /\.(md|yaml)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/SavaNov\w*/g, 'Kestrel').replace(/savanova/gi, 'kestrel')
      .replace(/0800 100 200/g, '01 555 0100'));
  }
  // One article its Slovenian writer has not written yet.
  rmSync(path.join(kbDir, 'articles/contract/cancel-contract.sl.md'));
  const siteYaml = path.join(kbDir, 'site.yaml');
  const settings = readFileSync(siteYaml, 'utf8')
    .replace(/^company:\n(?: .*\n)+/m, [
      'company:',
      '  name: Kestrel Telecom',
      '  website: https://kestrel.example',
      '  phone: "01 555 0100"',
      '  phone_hours: {mon-fri: "09:00-17:00"}',
      '  email: pomoc@kestrel.example',
      '',
    ].join('\n'))
    .replace(/^languages: .*$/m, 'languages: [en, sl]');
  assert.match(settings, /name: Kestrel Telecom/);
  assert.match(settings, /^languages: \[en, sl\]$/m);
  writeFileSync(siteYaml, settings);
  execFileSync(path.join(root, 'tools/site.sh'), [kbDir, siteDir], { stdio: 'ignore' });
  env = await start(siteDir);
});
after(async () => {
  await env?.stop();
});

test('a second company\'s build shows its own name, contacts and languages, and nothing of the first', async () => {
  // Every file served, the knowledge base's chunks unzipped.
  for (const file of filesUnder(siteDir)) {
    let bytes = readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    assert.doesNotMatch(bytes.toString('latin1'), firstCompany, path.relative(siteDir, file));
  }

  // A customer in the teams' time zone (site.yaml's, the demo's), on a Monday morning:
  // the line is open.
  const context = await env.browser.newContext({ locale: 'sl-SI', timezoneId: 'Europe/Belgrade' });
  await context.clock.install({ time: new Date('2026-12-07T10:00:00+01:00') });
  const page = await openPage(context, env.base);
  const w = widget(page);
  await w.input.fill('ponastavitev gesla');
  await w.hits.first().waitFor();
  assert.match(await page.title(), /^Kestrel Telecom — /);
  assert.equal(await page.locator('.brand').textContent(), 'Kestrel Telecom');
  assert.equal(await w.contactLine.textContent(),
    'Pokličite 01 555 0100 (pon.–pet. 9.00–17.00) ali pišite na pomoc@kestrel.example.');
  // The tab stays open past five: the line says it is shut now, without a reload.
  await context.clock.fastForward('07:01:00');
  await w.contactLine.filter({ hasText: 'trenutno zunaj delovnega časa' }).waitFor();
  assert.equal(await w.contactLine.textContent(),
    'Pokličite 01 555 0100 (pon.–pet. 9.00–17.00, trenutno zunaj delovnega časa) ali pišite na pomoc@kestrel.example.');
  // The languages of its site.yaml only.
  assert.deepEqual(await w.language.locator('option').evaluateAll((o) => o.map((x) => x.value)), ['en', 'sl']);
  await w.language.selectOption('en');
  await page.locator('help-assistant[lang=en]').waitFor();
  assert.equal(await w.contactLine.textContent(), 'Call 01 555 0100 (Mon–Fri 09:00–17:00, closed now) or write to pomoc@kestrel.example.');

  // What a customer sees and what the browser keeps.
  const text = await page.evaluate(() => document.body.innerText + document.querySelector('help-assistant').shadowRoot.textContent);
  assert.doesNotMatch(text, firstCompany);
  const stored = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.ok(stored.includes('kestrel-telecom-help'), stored.join());
  assert.deepEqual(stored.filter((n) => firstCompany.test(n)), []);
  assert.deepEqual(page.errors, []);
  await context.close();

  // A customer abroad reads the hours with the teams' time zone named, in their language.
  const abroad = await env.browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  await abroad.clock.install({ time: new Date('2026-12-07T10:00:00+01:00') });
  const far = await openPage(abroad, env.base);
  await widget(far).input.fill('password');
  await widget(far).hits.first().waitFor();
  assert.match(await widget(far).contactLine.textContent(), /^Call 01 555 0100 \(Mon–Fri 09:00–17:00, Central European Time\) or write/);
  assert.deepEqual(far.errors, []);
  await abroad.close();
});

test('an article not written in the customer\'s language comes in the closest one, and says which', async () => {
  const context = await env.browser.newContext({ locale: 'sl-SI' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  await w.language.selectOption('sl');
  const query = 'odpoved pogodbe';
  await w.input.fill(query);
  const list = page.locator(`help-assistant .results[data-query="${query}"]:not([data-provisional="true"]) li button`);
  await list.first().waitFor();
  const hits = await list.evaluateAll((buttons) => buttons.map((b) => [b.dataset.id, b.lang, b.querySelector('.in-language')?.textContent ?? '']));
  // Slovenian falls back to Croatian first (the articles are written in it).
  assert.ok(hits.some(([id, lang, mark]) => id === 'cancel-contract' && lang === 'hr' && mark === ' (v hrvaščini)'), JSON.stringify(hits));
  for (const [, lang, mark] of hits) assert.equal(mark, lang === 'sl' ? '' : ' (v hrvaščini)', JSON.stringify(hits));
  // Opened, it says so in its title too.
  await page.locator('help-assistant .results li button[data-id="cancel-contract"]').click();
  await w.articleTitle.waitFor({ state: 'visible' });
  assert.match(await w.articleTitle.textContent(), /\(v hrvaščini\)$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
