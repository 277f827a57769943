/*
 * The handoff part of the conversation (P8–P10, P17): when a person is offered, the
 * customer sees when a person will answer, may leave a name and a contact, reviews
 * exactly what will be sent (with sensitive data already taken out), and only then
 * sends it. After sending: the case code and whether it has arrived.
 *
 * Everything is set as textContent. Buttons carry data-action (review, send, edit,
 * download); the widget handles them.
 */
import { el, shorten } from './dom.js';
import { listText, reachLine, t, timeText, zoneName } from './i18n.js';
import { baseLanguage, fallbackOf, scriptOf } from './language-pick.js';
import { site } from './site.js';

function actionButton(label, action, className = 'choice') {
  const b = el('button', { type: 'button', class: className, text: label });
  b.dataset.action = action;
  return b;
}

const pad = (n) => String(n).padStart(2, '0');

// "today at 14:30", "tomorrow at 09:00", "Monday at 09:30", "Monday 14 December at 09:30",
// in the teams' time zone; with the zone named when the customer's clock differs.
export function replyWhen(lang, reply) {
  if (!reply || reply.dueAt === null || reply.dueAt === undefined) return '';
  const { local, daysAhead } = reply;
  // As the reader writes a time, and as the opening hours beside it are written (8.00 in Slovenian).
  const time = timeText(lang, `${pad(local.hour)}:${pad(local.minute)}`);
  const weekday = t(lang, 'weekdays').split(',')[local.weekday];
  const month = t(lang, 'months').split(',')[local.month - 1];
  let when;
  if (daysAhead <= 0) when = t(lang, 'whenToday', { time });
  else if (daysAhead === 1) when = t(lang, 'whenTomorrow', { time });
  else if (daysAhead < 7) when = t(lang, 'whenWeekday', { weekday, time });
  else when = t(lang, 'whenDate', { weekday, day: local.day, month, time });
  const ownOffset = -new Date(reply.dueAt).getTimezoneOffset();
  const dueMinute = Math.floor(reply.dueAt / 60000) * 60000;  // local holds whole minutes
  const teamOffset = Math.round((Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - dueMinute) / 60000);
  if (ownOffset !== teamOffset && reply.timeZone) when += ` ${t(lang, 'zoneNote', { zone: zoneName(lang, reply.timeZone, { at: reply.dueAt, generic: true }) })}`;
  return when;
}

// The promise made in a sent package ({local: "2026-12-06T09:30+01:00", weekday,
// due_at, time_zone}), in the shape replyWhen() reads, with "today"/"tomorrow" counted
// from now: after a reload the customer sees the time they were promised, not a new one.
export function promisedReply(pkgReply, now = Date.now()) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/.exec(pkgReply?.local ?? '');
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  const today = new Date(now + offset * 60000);
  const daysAhead = Math.round((Date.UTC(year, month - 1, day) -
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) / 86400000);
  return {
    dueAt: Date.parse(pkgReply.due_at), timeZone: pkgReply.time_zone, daysAhead,
    local: { year, month, day, hour, minute, weekday: pkgReply.weekday },
  };
}

export function replyText(lang, view, reply) {
  const when = replyWhen(lang, reply);
  if (!when) return t(lang, 'replyUnknown');
  return view.teamName ? t(lang, 'replyBy', { team: view.teamName, when }) : t(lang, 'replyByAnyone', { when });
}

function field(label, input, hint) {
  return el('label', { class: 'field' }, el('span', { text: label }), input, hint ? el('small', { text: hint }) : null);
}

// contactInvalid: what the customer wrote is neither an e-mail address nor a phone number
// (contact.js); the field says so and keeps the text to correct.
// A team's field label in the customer's language, else the nearest one written in the
// same script (Bosnian reads the Croatian one), else the first language's.
function fieldLabel(label, lang) {
  const near = fallbackOf(lang).filter((code) => scriptOf(code) === scriptOf(lang));
  const found = near.find((code) => label?.[code]);
  return found ? label[found] : label?.[baseLanguage] ?? '';
}

// Whether a value fits its field's pattern (a pattern the browser cannot read lets any
// value through: the team's own checks still apply).
export function fieldFits(value, pattern) {
  if (!value || !pattern) return true;
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

// The fields the form asks for: those the guided fix's handoff names (view.fields), in
// its order, else all that the case's team declares.
export function askedFields(settings, view) {
  const declared = settings?.fields?.[view?.team] ?? [];
  if (!view?.fields?.length) return declared;
  return view.fields.map((id) => declared.find((f) => f.id === id)).filter(Boolean);
}

function form(lang, draft, contactInvalid, fields = [], invalid = []) {
  const name = el('input', { name: 'name', type: 'text', autocomplete: 'name', maxLength: 200, value: draft.name ?? '' });
  const contact = el('input', { name: 'contact', type: 'text', autocomplete: 'email', maxLength: 200, value: draft.contact ?? '' });
  const message = el('textarea', { name: 'message', rows: 3, maxLength: 4000, value: draft.message ?? '' });
  const contactField = field(t(lang, 'contactLabel'), contact, t(lang, 'contactHint'));
  if (contactInvalid) {
    contact.setAttribute('aria-invalid', 'true');
    contact.setAttribute('aria-describedby', 'contact-error');
    contactField.append(el('span', { id: 'contact-error', class: 'field-error', text: t(lang, 'contactInvalid') }));
  }
  // What the case's team needs (site.yaml), each optional, checked against its pattern.
  const teamFields = fields.map((f) => {
    const label = fieldLabel(f.label, lang);
    const input = el('input', { name: `field-${f.id}`, type: 'text', maxLength: 200, value: draft.fields?.[f.id] ?? '' });
    const wrap = field(t(lang, 'optionalField', { label }), input);
    if (invalid.includes(f.id)) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `field-error-${f.id}`);
      wrap.append(el('span', { id: `field-error-${f.id}`, class: 'field-error', text: t(lang, 'fieldInvalid', { label }) }));
    }
    return wrap;
  });
  return el('form', { class: 'handoff-form', 'data-form': 'handoff' },
    el('p', { class: 'handoff-form-title', text: t(lang, 'handoffFormTitle') }),
    field(t(lang, 'nameLabel'), name),
    contactField,
    ...teamFields,
    field(t(lang, 'messageLabel'), message),
    el('button', { type: 'submit', class: 'primary', text: t(lang, 'review') }));
}

function preview(lang, pkg, text, settings) {
  const parts = [
    el('p', { class: 'preview-title', text: t(lang, 'previewTitle') }),
    el('p', { text: t(lang, 'previewIntro') }),
    el('pre', { class: 'preview-summary', text: pkg.summary }),
  ];
  if (pkg.redacted.length) {
    const what = listText(lang, pkg.redacted.map((kind) => t(lang, `redacted_${kind}`)));
    parts.push(el('p', { class: 'redacted-note', text: t(lang, 'redactedNote', { what }) }));
  }
  parts.push(el('details', { class: 'preview-full' },
    el('summary', { text: t(lang, 'fullPackage') }), el('pre', { text })));
  parts.push(el('div', { class: 'feedback' },
    actionButton(t(lang, 'send'), 'send', 'choice yes'),
    actionButton(t(lang, 'edit'), 'edit')));
  const other = el('p', { class: 'other-ways' });
  const email = settings?.channels?.find((c) => c.type === 'email');
  if (email) {
    const subject = shorten(t(lang, 'emailSubject', { code: pkg.case_code, problem: pkg.problem.summary || pkg.problem.customer_words }), 150);
    const href = `mailto:${encodeURIComponent(email.address).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(pkg.summary)}`;
    other.append(el('a', { class: 'link', href, text: t(lang, 'orEmail'), 'data-action': 'email' }));
  }
  if (settings?.channels?.some((c) => c.type === 'download')) {
    other.append(actionButton(t(lang, 'orDownload'), 'download', 'link'));
  }
  if (other.childNodes.length) parts.push(other);
  return el('div', { class: 'handoff-preview' }, ...parts);
}

// How the case's delivery stands: 'done', 'rejected', 'offline', 'retrying', or '' while
// the outbox has not answered yet.
function deliveryState(mine) {
  if (!mine.length) return '';
  if (mine.some((item) => item.status === 'rejected')) return 'rejected';
  if (mine.some((item) => item.status === 'pending')) {
    return typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'retrying';
  }
  return 'done';
}

const deliveryKeys = { done: 'deliveryDone', rejected: 'deliveryRejected', offline: 'deliveryOffline', retrying: 'deliveryRetrying' };

function delivered(lang, code, state) {
  if (!state) return null;  // the outbox has not answered yet
  const key = deliveryKeys[state];
  return el('p', { class: `delivery delivery-${key}`, role: 'status', text: t(lang, key, { code }) });
}

// The handoff section under the conversation's apology. state: {reply, settings, draft,
// preview: {pkg, text} | null, failed (the engine could not prepare the case), notSaved
// ('full' or 'failed': the outbox could not keep the previewed case), items:
// outbox items, now (ms, for tests)}.
export function renderHandoff(lang, view, state) {
  const section = el('div', { class: 'handoff' });
  if (view.caseCode) {
    // Sent: the promise that went with the case, and how its delivery stands.
    const mine = (state.items ?? []).filter((item) => item.case_code === view.caseCode);
    // The case's own deliveries (not the additions sent after it) say where the case is.
    const sentCase = mine.filter((item) => item.kind !== 'update');
    let promised = null;
    try {
      promised = sentCase.length ? promisedReply(JSON.parse(sentCase[0].body).reply, state.now ?? Date.now()) : null;
    } catch {
      promised = null;
    }
    const reply = promised ?? state.reply;
    const overdue = reply?.dueAt && reply.dueAt < (state.now ?? Date.now());
    const delivery = deliveryState(sentCase);
    // A case still on this device has no promise yet: a person answers once it arrives;
    // one the server refused has none (the delivery line says what to do).
    let promise = replyText(lang, view, reply);
    if (delivery === 'offline' || delivery === 'retrying') {
      promise = t(lang, view.teamName ? 'replyOnceSent' : 'replyOnceSentAnyone', { team: view.teamName });
    } else if (delivery === 'rejected') {
      promise = '';
    } else if (overdue) {
      promise = t(lang, 'replyOverdue', { code: view.caseCode, reach: reachLine(lang, site.company) });
    }
    section.append(
      promise ? el('p', { class: 'reply-time', text: promise }) : null,
      // "Sent" only once it has arrived; until then it is saved on this device.
      el('p', { class: 'good case-code', text: t(lang, delivery === 'done' ? 'sentTitle' : 'savedTitle', { code: view.caseCode }) }),
      delivered(lang, view.caseCode, deliveryState(mine)),
      // A copy for the customer: the case as a page to keep or print (P17).
      mine.length ? el('p', {}, actionButton(t(lang, 'saveCopy'), 'copy', 'link')) : null);
    return section;
  }
  section.append(el('p', { class: 'reply-time', text: replyText(lang, view, state.reply) }));
  // Nothing to review: the phone and address (the contact box, made prominent) still work.
  if (state.failed) section.append(el('p', { class: 'error handoff-failed', role: 'alert', text: t(lang, 'handoffFailed') }));
  if (state.preview) {
    // The outbox could not keep the case (the device's storage is full, or refused it):
    // said before the same preview, whose buttons try again or take another way.
    if (state.notSaved) {
      section.append(el('p', { class: 'error handoff-not-saved', role: 'alert', tabIndex: -1,
        text: t(lang, state.notSaved === 'full' ? 'storageFull' : 'notSaved') }));
    }
    section.append(preview(lang, state.preview.pkg, state.preview.text, state.settings));
  } else {
    section.append(form(lang, state.draft ?? {}, Boolean(state.contactInvalid),
      askedFields(state.settings, view), state.fieldsInvalid ?? []));
  }
  return section;
}
