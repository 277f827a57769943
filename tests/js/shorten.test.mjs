// What the customer wrote, quoted back in a sentence (the restatement, "no results for …"):
// cut at a whole word, by letters rather than bytes or UTF-16 units, and marked as cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shorten } from '../../web/dom.js';

test('short text is quoted whole', () => {
  assert.equal(shorten('  ruter ne radi  ', 80), 'ruter ne radi');
  assert.equal(shorten('', 80), '');
  assert.equal(shorten(undefined, 80), '');
});

test('long text is cut after a whole word and ends in an ellipsis', () => {
  const long = 'интернет не ради од јутрос, рутер трепће црвено и већ сам га два пута искључио и укључио';
  const cut = shorten(long, 40);
  assert.ok(Array.from(cut).length <= 40, cut);
  assert.ok(cut.endsWith('…'), cut);
  assert.ok(long.startsWith(cut.slice(0, -1)), 'a beginning of what was written');
  assert.match(long, new RegExp(`^${cut.slice(0, -1)}[\\s,]`, 'u'), 'cut between words');
  assert.equal(shorten('the router is blinking red, again', 20), 'the router is…');
});

test('letters outside the basic plane are never cut in two', () => {
  const text = '😡'.repeat(30);
  const cut = shorten(text, 10);
  assert.equal(cut, `${'😡'.repeat(9)}…`);
  assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u.test(cut.replace(/…$/u, '')));
});

test('one long word is cut inside it rather than dropped', () => {
  const cut = shorten('a'.repeat(300), 200);
  assert.equal(Array.from(cut).length, 200);
  assert.ok(cut.endsWith('…'));
});
