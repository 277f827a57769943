// How the widget words a reply time (web/handoff-view.js), in node: "today", "tomorrow",
// a weekday or a date, in the customer's language, with the teams' zone named when the
// customer's clock differs; and a sent case keeps the time it was promised.
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.TZ = 'Europe/Belgrade';
const { promisedReply, replyWhen } = await import('../../web/handoff-view.js');

// A package's reply, as core writes it: due Sunday 6 December 2026, 09:30 in Belgrade.
const sunday = {
  channel: 'webhook', working_minutes: 120, due_at: '2026-12-06T08:30:00.000Z',
  local: '2026-12-06T09:30+01:00', local_text: '2026-12-06 09:30', weekday: 0, days_ahead: 1,
  time_zone: 'Europe/Belgrade',
};
const at = (iso) => Date.parse(iso);

test('a sent case is worded from the time it was promised, counted from now', () => {
  const saturdayNight = promisedReply(sunday, at('2026-12-05T21:30:00+01:00'));
  assert.equal(replyWhen('en', saturdayNight), 'tomorrow by 09:30');
  assert.equal(replyWhen('sr-Latn', saturdayNight), 'sutra do 09:30');
  assert.equal(replyWhen('sr-Cyrl', saturdayNight), 'сутра до 09:30');
  // Reopened on Sunday morning: the same promise is now "today".
  assert.equal(replyWhen('hr', promisedReply(sunday, at('2026-12-06T07:00:00+01:00'))), 'danas do 09:30');
  // Three days ahead: the weekday; a week or more: the date too.
  assert.equal(replyWhen('sl', promisedReply(sunday, at('2026-12-03T12:00:00+01:00'))), 'do nedelje, 9.30');
  assert.equal(replyWhen('en', promisedReply(sunday, at('2026-11-28T12:00:00+01:00'))), 'by Sunday 6 December, 09:30');
  assert.equal(replyWhen('bs', promisedReply(sunday, at('2026-11-28T12:00:00+01:00'))), 'do nedjelje, 6. decembra, 09:30');
  assert.equal(promisedReply({ local: 'garbage' }), null);
});

test("a customer whose clock is in another zone is told whose time it is", () => {
  process.env.TZ = 'America/New_York';
  const reply = promisedReply(sunday, at('2026-12-05T21:30:00+01:00'));
  // The zone's everyday name, as the phone's hours give it beside it (one screen said
  // "Central European Time" and "Central European Standard Time").
  assert.equal(replyWhen('en', reply), 'tomorrow by 09:30 (Central European Time)');
  // Named as the reader says it, in their script: no zone code in Latin on a Cyrillic screen.
  assert.equal(replyWhen('sr-Cyrl', reply), 'сутра до 09:30 (средњеевропско време)');
  assert.match(replyWhen('hr', reply), /\(srednjoeuropsko vrijeme\)$/);
  process.env.TZ = 'Europe/Belgrade';
  assert.equal(replyWhen('en', reply), 'tomorrow by 09:30');
});

test('a due time with seconds is still the same zone as the customer, not "another zone"', () => {
  process.env.TZ = 'Europe/Zagreb';
  const reply = { dueAt: Date.parse('2026-12-02T09:46:31.500Z'), timeZone: 'Europe/Belgrade', daysAhead: 0,
    local: { year: 2026, month: 12, day: 2, hour: 10, minute: 46, weekday: 3 } };
  assert.equal(replyWhen('hr', reply), 'danas do 10:46');
  process.env.TZ = 'Europe/Belgrade';
});
