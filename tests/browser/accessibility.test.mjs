// Accessibility (WCAG 2.1 A and AA) of every state a customer or an agent reaches, checked
// with axe-core (npm) inside the widget's shadow root, and the whole journey to a sent case
// done with the keyboard alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { languageTable } from '../../web/languages.js';
import { axeViolations, failEverySolution, openPage, start, toFirstSolution, widget } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

async function expectAccessible(page, state) {
  assert.deepEqual(await axeViolations(page), [], `axe violations when ${state}`);
}

test('every state of the widget meets WCAG 2.1 AA (axe-core)', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Belgrade' });
  const page = await openPage(context, `${env.base}#internet`);
  const w = widget(page);
  const panel = page.locator('help-assistant .conversation');
  const button = (name) => panel.getByRole('button', { name, exact: true });
  await w.status.getByText('Often needed on this page:').waitFor();
  await expectAccessible(page, 'the page suggests articles');

  await w.input.fill('router lights');
  await page.locator('help-assistant .results[data-query="router lights"][data-provisional="false"] button[data-id="router-lights"]').waitFor();
  await expectAccessible(page, 'results are listed');
  // A screen reader hears the count politely, without the focus leaving the search box.
  assert.equal(await w.status.getAttribute('aria-live'), 'polite');
  assert.equal(await w.status.getAttribute('role'), 'status');
  assert.match(await w.status.textContent(), /^\d+ articles? found/);
  assert.equal(await w.input.evaluate((i) => i.getRootNode().activeElement === i), true);

  await page.locator('help-assistant .results button[data-id="router-lights"]').click();
  await w.articleTitle.waitFor({ state: 'visible' });
  await expectAccessible(page, 'an article is open');
  await page.locator('help-assistant .article-feedback button[data-helped="no"]').click();
  await page.locator('help-assistant .article-answer').getByText('We are sorry').waitFor();
  await expectAccessible(page, 'the article did not help');
  await page.locator('help-assistant .article .back').click();

  // A guided fix: a restatement, a question, solutions, and the offer of a person.
  await w.input.fill('internet not working at home');
  await w.input.press('Enter');
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();
  await expectAccessible(page, 'the problem is restated');
  await button('Yes, that is it').click();
  await page.locator('help-assistant .conversation.phase-running').waitFor();
  await expectAccessible(page, 'a question of the guided fix');
  await toFirstSolution(page);
  await expectAccessible(page, 'a solution is offered');
  await failEverySolution(page);
  await expectAccessible(page, 'the handoff form is shown');

  await panel.locator('input[name=contact]').fill('ana@example.com');
  await panel.locator('textarea[name=message]').fill('Nothing worked.');
  await panel.getByRole('button', { name: 'Review what will be sent' }).click();
  await panel.locator('.preview-summary').waitFor();
  await expectAccessible(page, 'the preview of the case is shown');
  await button('Send it').click();
  await panel.getByText(/It has arrived\./).waitFor();
  await expectAccessible(page, 'the case has been sent');

  // The agent console, with the case that arrived.
  const agent = await openPage(context, `${env.base}agent.html`);
  await agent.locator('.case-list button[data-case]').first().waitFor();
  await expectAccessible(agent, 'the agent console lists the case');
  await agent.locator('.case-list button[data-case]').first().click();
  await agent.locator('main.case .summary').waitFor();
  await expectAccessible(agent, 'the agent reads the case');
  await agent.locator('input[name=q]').fill('router lights');
  const lights = agent.locator('.kb-results button', { hasText: 'What the router lights mean' }).first();
  await lights.waitFor();
  await lights.click();
  await agent.locator('.kb-article-title').getByText('What the router lights mean').waitFor();
  await expectAccessible(agent, 'the agent reads an article');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Whether the element that has the focus (inside the widget's shadow root too) is the one
// wanted: a button's text, or a CSS selector for a field.
function focusIsOn(page, want) {
  return page.evaluate((want) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return false;
    if (want.selector) return el.matches(want.selector);
    return el.textContent.trim() === want.text;
  }, want);
}

// Tab forward until the focus is on what is wanted; fails after 60 keys.
async function tabTo(page, want) {
  if (typeof want === 'string') want = { text: want };
  for (let n = 0; n < 60; n += 1) {
    if (await focusIsOn(page, want)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`the keyboard never reached ${JSON.stringify(want)}`);
}

test('a customer walks a guided fix and sends the case with the keyboard alone', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Belgrade' });
  const page = await openPage(context, env.base);
  const panel = page.locator('help-assistant .conversation');
  await page.locator('help-assistant').waitFor();
  await tabTo(page, { selector: 'input[type=search]' });
  await page.keyboard.type('internet not working at home');
  await page.keyboard.press('Enter');
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();
  await tabTo(page, 'Yes, that is it');
  await page.keyboard.press('Enter');
  await page.locator('help-assistant .conversation.phase-running').waitFor();
  for (const answer of ['No known issues', 'On every device', 'Yes, it is on']) {
    await tabTo(page, answer);
    await page.keyboard.press('Enter');
  }
  for (let n = 1; n <= 4; n += 1) {
    await panel.getByText(`Solution ${n} of 4`).waitFor();
    await tabTo(page, 'No');
    await page.keyboard.press('Space');
  }
  await page.locator('help-assistant .conversation.phase-handoff').waitFor();
  await tabTo(page, { selector: 'input[name=contact]' });
  await page.keyboard.type('ana@example.com');
  await tabTo(page, { selector: 'textarea[name=message]' });
  await page.keyboard.type('Tried everything the assistant said.');
  await tabTo(page, 'Review what will be sent');
  await page.keyboard.press('Enter');
  await panel.locator('.preview-summary').waitFor();
  await tabTo(page, 'Send it');
  await page.keyboard.press('Enter');
  const sent = panel.getByText(/^Sent\. Your case code is/);
  await sent.waitFor();
  const code = (await sent.textContent()).match(/case code is (\S+?)\./)[1];
  await panel.getByText(/It has arrived\./).waitFor();
  const pkg = [...env.server.cases.values()].find((p) => p.case_code === code);
  assert.equal(pkg.customer.contact, 'ana@example.com');
  assert.equal(pkg.message, 'Tried everything the assistant said.');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// WCAG 1.4.10: at 320 CSS pixels wide (a 1280-pixel window at 400 % zoom, or a small
// phone) nothing needs scrolling sideways.
test('at 320 pixels wide, results, an article and the handoff form need no sideways scrolling', async () => {
  const context = await env.browser.newContext({ locale: 'sr-RS', viewport: { width: 320, height: 640 } });
  const page = await openPage(context, env.base);
  const w = widget(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  // The example in the empty search box is read whole, in every language (it was cut
  // after 'e.g. "my').
  for (const { code: lang } of languageTable) {
    await page.locator('help-assistant select').selectOption(lang);
    const room = await w.input.evaluate((input) => {
      // The placeholder's own text, in its own font, laid out beside the box.
      const style = getComputedStyle(input, '::placeholder');
      const probe = document.createElement('span');
      probe.textContent = input.placeholder;
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${style.font};letter-spacing:${style.letterSpacing}`;
      input.parentNode.append(probe);
      const needs = probe.getBoundingClientRect().width;
      probe.remove();
      const box = getComputedStyle(input);
      const inside = input.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
      return { text: input.placeholder, needs, inside };
    });
    assert.ok(room.needs <= room.inside, `${lang}: "${room.text}" needs ${Math.ceil(room.needs)} of ${Math.floor(room.inside)} pixels`);
  }
  await page.locator('help-assistant select').selectOption('sr-Cyrl');
  await w.input.fill('не могу да се пријавим у апликацију');
  await page.locator('help-assistant .results[data-provisional="false"] li button').first().waitFor();
  assert.equal(await overflow(), 0, 'results');
  await page.locator('help-assistant .results li button:not([data-kind="flow"])').first().click();
  await w.articleTitle.waitFor({ state: 'visible' });
  assert.equal(await overflow(), 0, 'article');
  await page.locator('help-assistant .article .back').click();
  // An article with an address written out in a step (the Croatian slow Wi-Fi one): the
  // address breaks rather than widening the panel (it ran 55 pixels off a phone screen).
  await page.locator('help-assistant select').selectOption('hr');
  await w.input.fill('spor wi-fi');
  await page.locator('help-assistant .results[data-query="spor wi-fi"][data-provisional="false"] button[data-id="slow-wifi"]').click();
  await w.articleTitle.waitFor({ state: 'visible' });
  assert.match(await page.locator('help-assistant .article-body').textContent(), /https:\/\//);
  assert.equal(await overflow(), 0, 'article with an address');
  await page.locator('help-assistant .article .back').click();
  await page.locator('help-assistant .contact .write-to-us').click();
  await page.locator('help-assistant .conversation.phase-handoff').waitFor();
  assert.equal(await overflow(), 0, 'handoff form');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Every control a customer taps on a phone is at least 44 × 44 CSS pixels (WCAG 2.5.5),
// in each state of a journey: links inside an article's sentences are text, not targets,
// and are left out (as WCAG does). The phone asks for reduced motion: nothing in the
// widget moves (no transition or animation runs or is set up to run).
test('on a phone every button, field and link to tap is at least 44 by 44 pixels, and nothing moves', async () => {
  const context = await env.browser.newContext({
    locale: 'en-US', viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce',
  });
  const page = await openPage(context, `${env.base}#internet`);
  const w = widget(page);
  const panel = page.locator('help-assistant .conversation');
  const button = (name) => panel.getByRole('button', { name, exact: true });
  const small = () => page.evaluate(() => {
    const root = document.querySelector('help-assistant').shadowRoot;
    const targets = root.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button]');
    return [...targets].filter((el) => !el.closest('.article-body p, .article-body li, .article-body td'))
      // A radio button is tapped through its label (the rating's stars).
      .map((el) => (el.matches('input[type=radio], input[type=checkbox]') && el.closest('label') ? el.closest('label') : el))
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44))
      .map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.textContent || el.name || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
      .concat(root.getAnimations().map((a) => `moving: ${a.animationName || a.transitionProperty || 'animation'}`))
      .concat([root.host, ...root.querySelectorAll('*')].filter((el) => {
        const style = getComputedStyle(el);
        return [style.transitionDuration, style.animationDuration].some((d) => d.split(',').some((x) => parseFloat(x) > 0));
      }).map((el) => `set to move: ${el.tagName.toLowerCase()}.${el.className}`));
  });
  await w.status.getByText('Often needed on this page:').waitFor();
  assert.deepEqual(await small(), [], 'suggestions');
  await w.input.fill('router lights');
  await page.locator('help-assistant .results[data-query="router lights"][data-provisional="false"] button[data-id="router-lights"]').click();
  await w.articleTitle.waitFor({ state: 'visible' });
  assert.deepEqual(await small(), [], 'an article');
  await page.locator('help-assistant .article .back').click();
  await w.input.fill('internet not working at home');
  await w.input.press('Enter');
  await page.locator('help-assistant .conversation.phase-confirming').waitFor();
  assert.deepEqual(await small(), [], 'the restatement');
  await button('Yes, that is it').click();
  await button('No known issues').waitFor();
  assert.deepEqual(await small(), [], 'a question');
  await toFirstSolution(page);
  assert.deepEqual(await small(), [], 'a solution');
  await failEverySolution(page);
  assert.deepEqual(await small(), [], 'the handoff form');
  await panel.locator('input[name=contact]').fill('ana@example.com');
  await panel.getByRole('button', { name: 'Review what will be sent' }).click();
  await button('Send it').waitFor();
  assert.deepEqual(await small(), [], 'the preview');

  // Solved at the first solution: the rating.
  await page.reload();
  await w.input.fill('internet not working at home');
  await w.input.press('Enter');
  await button('Yes, that is it').click();
  await toFirstSolution(page);
  await button('Yes').click();
  await panel.locator('.stars').waitFor();
  assert.deepEqual(await small(), [], 'the rating');
  assert.deepEqual(page.errors, []);
  await context.close();
});
