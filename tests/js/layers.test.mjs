// The core's modules depend one way (README, "Layers"): each may include only itself and
// the modules before it in this order, so a change low down never needs one higher up,
// and a cycle cannot come back unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const core = new URL('../../core/', import.meta.url).pathname;
const order = ['common', 'text', 'site', 'flow', 'kb', 'session', 'handoff', 'wasm'];

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(c|h)pp$/.test(name) ? [full] : [];
  });
}

test('every module of core/ has its place in the order', () => {
  const modules = readdirSync(core).filter((name) => statSync(path.join(core, name)).isDirectory());
  assert.deepEqual(modules.filter((m) => !order.includes(m)), [], 'a module the order does not place');
});

test('no module of core/ includes one above it', () => {
  const against = [];
  for (const module of order) {
    for (const file of filesUnder(path.join(core, module))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const included = /^\s*#\s*include\s+"([a-z_]+)\//.exec(line)?.[1];
        if (included && order.includes(included) && order.indexOf(included) > order.indexOf(module)) {
          against.push(`${path.relative(core, file)}:${i + 1}: ${module} includes ${included}`);
        }
      });
    }
  }
  assert.deepEqual(against, []);
});
