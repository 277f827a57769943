// The contact field of the handoff form: e-mail or phone, phones in international form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContact } from '../../web/contact.js';

test('e-mail addresses are kept as typed; broken ones are refused', () => {
  for (const address of ['ana@example.com', 'marko.petrovic+racun@savanova.rs', 'ŽELJKO@primer.co.rs']) {
    assert.deepEqual(checkContact(`  ${address} `), { ok: true, value: address, kind: 'email' }, address);
  }
  for (const bad of ['ana@', '@example.com', 'ana@example', 'ana@@example.com', 'ana @example.com',
    '"><svg onload=alert(1)>@x.com', 'ana@exa mple.com', 'ana@example.c']) {
    assert.equal(checkContact(bad).ok, false, bad);
  }
});

test('phone numbers become international (E.164) with the country of the language', () => {
  assert.deepEqual(checkContact('064 123 4567', 'sr-Latn'), { ok: true, value: '+381641234567', kind: 'phone' });
  assert.deepEqual(checkContact('064/123-45-67', 'sr-Cyrl'), { ok: true, value: '+381641234567', kind: 'phone' });
  assert.deepEqual(checkContact('091 234 5678', 'hr'), { ok: true, value: '+385912345678', kind: 'phone' });
  assert.deepEqual(checkContact('061 123 456', 'bs'), { ok: true, value: '+38761123456', kind: 'phone' });
  assert.deepEqual(checkContact('041 123 456', 'sl'), { ok: true, value: '+38641123456', kind: 'phone' });
  assert.deepEqual(checkContact('+381 (64) 123.4567', 'en'), { ok: true, value: '+381641234567', kind: 'phone' });
  assert.deepEqual(checkContact('00385 91 234 5678', 'sl'), { ok: true, value: '+385912345678', kind: 'phone' });
  // An English reader's local number: the country is not known, the digits are kept.
  assert.deepEqual(checkContact('064 123 4567', 'en'), { ok: true, value: '0641234567', kind: 'phone' });
});

test('anything else is refused, and an empty field is fine', () => {
  assert.deepEqual(checkContact('   '), { ok: true, value: '' });
  for (const bad of ['"><svg onload=alert(1)>', 'call me', '123', '+0 64 123 4567', '64 123 4567',
    '+381 64 123 4567 8901 2345', '064 123 4567 ext 5', '+381+64 123', '06412a4567', '--']) {
    assert.equal(checkContact(bad, 'sr-Latn').ok, false, bad);
  }
});
