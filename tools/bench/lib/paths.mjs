// Where the benchmarks find the built engine, so that a second build can be measured
// without touching the default one (which the demo and the tests use):
//
//   HA_NATIVE_DIR  folder with kbc             (default build/native)
//   HA_WASM_DIR    folder with assistant.js/.wasm (default build/wasm)
//   HA_SITE_KB     the demo knowledge base     (default build/site/kb.sqlite)
//   HA_BENCH_DIR   where compiled benchmark knowledge bases go (default build/bench)
//
// Relative paths are taken from the repository root.
import path from 'node:path';

export function builtPaths(root) {
  const at = (variable, fallback) => path.resolve(root, process.env[variable] || fallback);
  return {
    kbc: path.join(at('HA_NATIVE_DIR', 'build/native'), 'kbc'),
    wasmDir: at('HA_WASM_DIR', 'build/wasm'),
    siteKb: at('HA_SITE_KB', 'build/site/kb.sqlite'),
    benchDir: at('HA_BENCH_DIR', 'build/bench'),
  };
}
