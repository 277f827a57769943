/*
 * Defence in depth for HTML that comes from the engine. kbc already renders articles
 * without raw HTML and core escapes snippets; this keeps only the elements and
 * attributes those can legitimately contain, so a tampered kb.sqlite still cannot run
 * script in the page.
 */
const allowedElements = new Set([
  'P', 'BR', 'STRONG', 'EM', 'DEL', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HR', 'A', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'MARK',
]);
const safeHref = /^(#article\/[a-z0-9-]+|https?:\/\/|mailto:|tel:)/i;

function clean(node) {
  for (const child of [...node.children]) {
    if (!allowedElements.has(child.tagName)) {
      child.replaceWith(document.createTextNode(child.textContent));
      continue;
    }
    for (const attr of [...child.attributes]) {
      const keep =
        (attr.name === 'href' && safeHref.test(attr.value)) ||
        (attr.name === 'data-article' && /^[a-z0-9-]+$/.test(attr.value)) ||
        (attr.name === 'start' && /^\d+$/.test(attr.value)) ||
        (attr.name === 'align' && /^(left|right|center)$/.test(attr.value));
      if (!keep) child.removeAttribute(attr.name);
    }
    if (child.tagName === 'A' && /^https?:/i.test(child.getAttribute('href') ?? '')) {
      child.setAttribute('rel', 'noopener noreferrer');
      child.setAttribute('target', '_blank');
    }
    clean(child);
  }
}

// A DocumentFragment holding the cleaned HTML; never assigns the input to a live element.
export function sanitizedFragment(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  clean(doc.body);
  const fragment = document.createDocumentFragment();
  fragment.append(...doc.body.childNodes);
  return fragment;
}
