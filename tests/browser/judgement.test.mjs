// The assistant's judgement on what customers really type, in real Chromium: the
// language they write in, and a customer who is upset or writing again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextConversation, openPage, screenshots, start, widget } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

// The results of the whole engine (not the first answer) for exactly these words.
async function resultsFor(page, query) {
  const list = page.locator(`help-assistant .results[data-query="${query}"]:not([data-provisional="true"]) li button`);
  await list.first().waitFor();
  return list.evaluateAll((buttons) => buttons.map((b) => ({ id: b.dataset.id, lang: b.lang })));
}

test('on a page whose language the site did not set, the widget follows the language the customer writes', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  const title = page.locator('help-assistant #title');
  assert.equal(await w.language.inputValue(), 'en');

  // Croatian, in Latin letters.
  await w.input.fill('gdje mogu vidjeti račun za prošli tjedan');
  // Every article of the demo is written in Croatian: none comes in Serbian, none is
  // marked as another language's (second-company.test.mjs: one that is not written).
  let hits = await resultsFor(page, 'gdje mogu vidjeti račun za prošli tjedan');
  assert.ok(hits.every((h) => h.lang === 'hr'), JSON.stringify(hits));
  const marks = await page.locator('help-assistant .results li button .in-language').count();
  assert.equal(marks, 0);
  assert.equal(await w.language.inputValue(), 'hr');
  assert.equal(await title.textContent(), 'Kako vam možemo pomoći?');

  // Slovenian, with the words of a customer in a hurry.
  await w.input.fill('paket ni prispel, čakam že teden dni');
  hits = await resultsFor(page, 'paket ni prispel, čakam že teden dni');
  assert.ok(hits.every((h) => h.lang === 'sl'), JSON.stringify(hits));
  assert.equal(await w.language.inputValue(), 'sl');
  assert.equal(await title.textContent(), 'Kako vam lahko pomagamo?');
  // Slovenian "teden" (week) is a word, not a typo for something else.
  assert.doesNotMatch(await w.status.textContent(), /Prikazujemo|teden|eden/);

  // Bosnian: the widget speaks Bosnian, and so do the articles written in Bosnian.
  await w.input.fill('šta trebam uraditi da promijenim lozinku');
  hits = await resultsFor(page, 'šta trebam uraditi da promijenim lozinku');
  assert.ok(hits.some((h) => h.id === 'reset-password' && h.lang === 'bs'), JSON.stringify(hits));
  assert.ok(hits.every((h) => h.lang === 'bs' || h.lang === 'sr-Latn'), JSON.stringify(hits));
  assert.equal(await w.language.inputValue(), 'bs');
  await page.screenshot({ path: `${screenshots}/language-follows-bs.png`, fullPage: true });
  // Cancelling a contract, in Bosnian too (it was written in Serbian and English only).
  await w.input.fill('šta trebam uraditi da otkažem ugovor');
  hits = await resultsFor(page, 'šta trebam uraditi da otkažem ugovor');
  assert.ok(hits.some((h) => h.id === 'cancel-contract' && h.lang === 'bs'), JSON.stringify(hits));
  assert.ok(hits.every((h) => h.lang === 'bs'), JSON.stringify(hits));
  assert.equal(await w.language.inputValue(), 'bs');

  // A choice made in the menu wins over the words, and is remembered.
  await w.language.selectOption('en');
  await w.input.fill('ne morem se prijaviti, pozabil sem geslo');
  hits = await resultsFor(page, 'ne morem se prijaviti, pozabil sem geslo');
  assert.equal(hits[0].lang, 'sl', 'the results still come in the language written');
  assert.equal(await w.language.inputValue(), 'en');
  await page.reload();
  await widget(page).input.waitFor();
  await page.waitForFunction(() => document.querySelector('help-assistant').shadowRoot.querySelector('select').value === 'en');
  await widget(page).input.fill('paket ni prispel');
  await resultsFor(page, 'paket ni prispel');
  assert.equal(await widget(page).language.inputValue(), 'en');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an English customer typing letter by letter stays in English: a word cut short is no language', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  const results = (query) => page.locator(`help-assistant .results[data-query="${query}"]:not([data-provisional="true"])`);
  // "rout", on the way to "router", reads as Croatian to the engine (its letters): the
  // widget answered it in Croatian and then kept Croatian for the whole query.
  await w.input.pressSequentially('rout');
  await results('rout').waitFor({ state: 'attached' });
  assert.equal(await w.language.inputValue(), 'en');
  await w.input.pressSequentially('er lights');
  await results('router lights').waitFor({ state: 'attached' });
  assert.equal(await w.language.inputValue(), 'en');
  assert.equal(await page.locator('help-assistant #title').textContent(), 'How can we help?');
  const hits = await resultsFor(page, 'router lights');
  assert.ok(hits.every((h) => h.lang === 'en'), JSON.stringify(hits));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('words pasted and sent at once are answered in the language they are written in', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  // The whole engine is ready (its answers are not provisional), then the words arrive in
  // one piece and Enter follows before any search as-you-type has answered them.
  await w.input.fill('router lights');
  await resultsFor(page, 'router lights');
  await w.input.fill('ne mogu da platim karticom');
  await w.input.press('Enter');
  const panel = page.locator('help-assistant .conversation.phase-confirming');
  await panel.waitFor();
  assert.equal(await w.language.inputValue(), 'sr-Latn');
  assert.match(await panel.textContent(), /Napisali ste „ne mogu da platim karticom“/);
  assert.doesNotMatch(await panel.textContent(), /You wrote|I understand/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a site that sets the language keeps the widget in it, and the results follow the customer', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.base);
  // The site says its page is Croatian.
  await page.evaluate(() => {
    const old = document.querySelector('help-assistant');
    const fixed = document.createElement('help-assistant');
    fixed.setAttribute('kb-src', old.getAttribute('kb-src'));
    fixed.setAttribute('lang', 'hr');
    old.replaceWith(fixed);
  });
  const w = widget(page);
  await w.input.fill('paket ni prispel, čakam že teden dni');
  const hits = await resultsFor(page, 'paket ni prispel, čakam že teden dni');
  assert.equal(hits[0].lang, 'sl', JSON.stringify(hits));
  assert.equal(await w.language.inputValue(), 'hr');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a customer who shouted and then writes calmly is no longer kept on the way to a person, and the case still says how it began', async () => {
  const context = await env.browser.newContext({ locale: 'sr-RS', timezoneId: 'Europe/Belgrade' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  await w.input.fill('NIŠTA NE RADI!!! UŽAS');
  await w.input.press('Enter');
  await page.locator('help-assistant .contact.prominent[data-place=first]').waitFor();
  // Calm words typed next: their results come first, and a person is where it always is.
  const calm = 'kako da promenim PIN';
  await w.input.fill(calm);
  await page.locator(`help-assistant .results[data-query="${calm}"][data-provisional=false][aria-busy=false] li`).first().waitFor();
  await page.locator('help-assistant .contact[data-place=last]').waitFor();
  assert.doesNotMatch(await w.status.textContent(), /Žao nam je/);
  // Opened, the calm search is the customer's latest words: the engine agrees.
  const conversation = nextConversation(page);
  await w.hits.first().click();
  await w.articleTitle.waitFor({ state: 'visible' });
  await page.locator('help-assistant .article .back').click();
  await w.input.press('Enter');
  const view = await conversation;
  assert.deepEqual(view.signals, []);
  assert.equal(view.offerPerson, false);
  // A person taking the case reads that it began in capitals.
  await page.locator('help-assistant .contact .write-to-us').click();
  const panel = page.locator('help-assistant .conversation.phase-handoff');
  await panel.locator('form[data-form=handoff] button[type=submit]').click();
  const pkg = JSON.parse(await panel.locator('.preview-full pre').textContent());
  assert.deepEqual(pkg.signals, ['angry_words', 'shouting', 'exclamations']);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a customer writing for the third time, in capitals and exclamation marks, hears an apology and is offered a person at once', async () => {
  const context = await env.browser.newContext({ locale: 'sr-RS', timezoneId: 'Europe/Belgrade' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  const said = 'NIŠTA NE RADI!!! treći put vam se javljam';
  const conversation = nextConversation(page);
  await w.input.fill(said);
  await w.input.press('Enter');
  const view = await conversation;
  assert.deepEqual(view.signals, ['repeat_contact', 'exclamations']);
  assert.equal(view.offerPerson, true);
  // The apology, and the way to a person first.
  const apology = 'Žao nam je što ovo još nije rešeno.';
  await page.waitForFunction((text) => document.querySelector('help-assistant').shadowRoot.textContent.includes(text), apology);
  assert.equal(await page.locator('help-assistant .contact.prominent').count(), 1);
  assert.equal(await page.locator('help-assistant .conversation.phase-confirming').count(), 0,
    'no restatement of a problem the customer did not describe');
  // First means above the results, not under eight of them.
  await page.locator('help-assistant .results[data-provisional=false][aria-busy=false] li').first().waitFor();
  await page.locator('help-assistant .contact[data-place=first]').waitFor();
  assert.equal(await page.evaluate(() => {
    const root = document.querySelector('help-assistant').shadowRoot;
    const below = root.querySelector('.contact').compareDocumentPosition(root.querySelector('.results li'));
    return Boolean(below & Node.DOCUMENT_POSITION_FOLLOWING);
  }), true, 'the way to a person comes before the results');
  await page.screenshot({ path: `${screenshots}/frustrated-sr.png`, fullPage: true });

  // The case tells the agent why it comes first, in the customer's own words.
  await page.locator('help-assistant .contact .write-to-us').click();
  const panel = page.locator('help-assistant .conversation.phase-handoff');
  await panel.waitFor();
  const focusedIn = (selector) => page.evaluate((sel) => {
    const focused = document.querySelector('help-assistant').shadowRoot.activeElement;
    return Boolean(focused?.closest(sel));
  }, selector);
  // A keyboard user goes on from where they are: in the form, also after the panel is
  // drawn again when the reply time arrives; then on what will be sent.
  await panel.locator('.reply-time').filter({ hasText: / do / }).waitFor();
  assert.equal(await focusedIn('.conversation.phase-handoff'), true, 'focus is in the handoff panel');
  assert.equal(await page.locator('help-assistant .contact .write-to-us').isHidden(), true,
    'no second way into the form that is open');
  await panel.locator('form[data-form=handoff] button[type=submit]').click();
  await panel.locator('.preview-title').waitFor();
  assert.equal(await focusedIn('.preview-title'), true, 'focus is on what will be sent');
  const pkg = JSON.parse(await panel.locator('.preview-full pre').textContent());
  assert.equal(pkg.priority, 'high');
  assert.deepEqual(pkg.signals, ['repeat_contact', 'exclamations']);
  assert.deepEqual(pkg.signal_words.map((s) => [s.signal, s.words]), [
    ['repeat_contact', 'treći put'], ['exclamations', said]]);
  assert.match(pkg.summary, /hitno \(već nam se javljao: „treći put“/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a corrected word can be searched as typed, with one click', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  await w.input.fill('rotuer lights');
  await resultsFor(page, 'rotuer lights');
  const asTyped = page.locator('help-assistant .status button.as-typed');
  await asTyped.waitFor();
  assert.match(await w.status.textContent(), /^Showing results for “router lights”\./);
  assert.equal(await asTyped.textContent(), 'Search for “rotuer lights” instead');
  await asTyped.click();
  await page.waitForFunction(() => !/Showing results for/.test(
    document.querySelector('help-assistant').shadowRoot.querySelector('.status').textContent));
  assert.equal(await asTyped.count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

// A customer who has waited a week hears sorry once, on the step where they said it; the
// way to a person stays on the steps after it, without the same sorry on every one.
test('the apology for what the customer showed comes once, and the way to a person stays', async () => {
  const context = await env.browser.newContext({ locale: 'sl-SI' });
  const page = await openPage(context, env.base);
  const w = widget(page);
  const panel = page.locator('help-assistant .conversation');
  await w.input.fill('paket ni prispel, čakam že teden dni');
  await w.input.press('Enter');
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();
  const apology = panel.locator('.offer-person .apology');
  assert.equal(await apology.textContent(), 'Žal nam je, da težava še vedno ni rešena. Če želite, bo vašo zadevo prevzel svetovalec.');
  await panel.locator('button[data-action=confirm]').click();
  await page.locator('help-assistant .conversation.phase-running').waitFor();
  assert.equal(await apology.count(), 0, 'no second sorry');
  assert.equal(await panel.locator('.offer-person [data-action=ask_person]').count(), 1, 'the way to a person stays');
  // with its question, not a lone button
  assert.equal(await panel.locator('.offer-person .offer-question').textContent(), 'Bi se raje pogovorili s svetovalcem?');
  // After a reload the way to a person is still there.
  await page.reload();
  await page.locator('help-assistant .conversation.phase-running').waitFor();
  assert.equal(await panel.locator('.offer-person [data-action=ask_person]').count(), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Chromium has no Bosnian date names: a case's date read "2026 M12 6 21:02". Dates take a
// language that has them (the nearest), in every language the widget speaks.
test('dates read as the reader writes them in every language, never "M12"', async () => {
  const context = await env.browser.newContext({ locale: 'bs-BA' });
  const page = await openPage(context, env.base);
  await widget(page).input.waitFor();
  const dates = await page.evaluate(async () => {
    const { dateLocale } = await import('./i18n.js');
    const { languageTable } = await import('./languages.js');
    return languageTable.map(({ code: lang }) => new Intl.DateTimeFormat(dateLocale(lang),
      { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 6, 21, 2)));
  });
  for (const date of dates) assert.doesNotMatch(date, /M12|\bM\d/, date);
  assert.equal(dates.length, 6);
  await context.close();
});
