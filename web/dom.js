/*
 * el(tag, props, ...children): one element, with text only ever set as textContent.
 * props: text, class, data-* and aria-* attributes, or any DOM property (type, value…).
 * Children that are null, undefined or false are left out, so callers can write
 * `cond ? el(...) : null`.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('data-') || key.startsWith('aria-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

// Saves text as a file (the browser's download), e.g. a case as JSON.
export function download(text, filename, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// A file name for what the site's company gives the customer: "acme-telecom-case-K7PM-Q9XD.json"
// (letters and digits of the company's name, without diacritics; "help" without one).
export function companyFileName(company, what) {
  const slug = String(company ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'help'}-${what}`;
}

// Text the customer wrote, quoted back in a sentence: at most `most` characters (code
// points, so a Cyrillic letter or an emoji is never cut in two), cut after the last whole
// word that fits and marked with "…"; shorter text is returned as it is (trimmed).
export function shorten(text, most) {
  const chars = Array.from(String(text ?? '').trim());
  if (chars.length <= most) return chars.join('');
  const cut = chars.slice(0, most - 1).join('');
  const lastSpace = cut.search(/\s\S*$/u);
  // A word longer than half the room is cut inside it rather than leaving almost nothing.
  const kept = lastSpace > most / 2 ? cut.slice(0, lastSpace) : cut;
  return `${kept.replace(/[\s,;:.!?-]+$/u, '')}…`;
}
