#!/usr/bin/env node
// Puts the company's name from site.js (kbc --site-module, from site.yaml) into a built
// site's pages, where web/*.html say {{company}}:
//   node tools/brand.mjs <site folder>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/brand.mjs <site folder>');
  process.exit(2);
}
// site.js is `export const site = <JSON>;` (kbc --site-module).
const module = readFileSync(path.join(dir, 'site.js'), 'utf8');
const site = JSON.parse(/^export const site = (.*);$/m.exec(module)?.[1] ?? '{}');
const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const name = String(site.company?.name || 'Help').replace(/[&<>"']/g, (c) => escapes[c]);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
  const where = path.join(dir, file);
  writeFileSync(where, readFileSync(where, 'utf8').replaceAll('{{company}}', name));
}
