// The handoff form's team fields (web/handoff-view.js): which it asks for, and whether a
// value has the form site.yaml gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { askedFields, fieldFits } from '../../web/handoff-view.js';

const settings = { fields: { orders: [
  { id: 'order_number', label: { en: 'Order number' }, pattern: '^#?[0-9]{5,10}$' },
  { id: 'parcel_code', label: { en: 'Parcel code' }, pattern: '' },
] } };

test('a guided fix\'s handoff asks for the fields it names, in its order; otherwise all its team declares', () => {
  assert.deepEqual(askedFields(settings, { team: 'orders' }).map((f) => f.id), ['order_number', 'parcel_code']);
  assert.deepEqual(askedFields(settings, { team: 'orders', fields: ['parcel_code'] }).map((f) => f.id), ['parcel_code']);
  assert.deepEqual(askedFields(settings, { team: 'orders', fields: ['nope', 'order_number'] }).map((f) => f.id), ['order_number']);
  assert.deepEqual(askedFields(settings, { team: 'billing' }), []);
  assert.deepEqual(askedFields(null, { team: 'orders' }), []);
});

test('a value fits its pattern; an empty one and a field without a pattern always do', () => {
  assert.equal(fieldFits('48213', '^#?[0-9]{5,10}$'), true);
  assert.equal(fieldFits('#48213', '^#?[0-9]{5,10}$'), true);
  assert.equal(fieldFits('moja porudžbina', '^#?[0-9]{5,10}$'), false);
  assert.equal(fieldFits('4821', '^#?[0-9]{5,10}$'), false);
  assert.equal(fieldFits('', '^[0-9]+$'), true);
  assert.equal(fieldFits('anything', ''), true);
  assert.equal(fieldFits('anything', '(unclosed'), true, 'a pattern the browser cannot read lets the value through');
});
