// The engines the benchmark knows, loaded only when asked for (so the self cold start
// is not sharing the process with modules it does not need).
export const ENGINE_NAMES = ['self', 'quick', 'orama', 'minisearch', 'flexsearch', 'lunr'];

export async function createEngine(name, context) {
  if (!ENGINE_NAMES.includes(name)) throw new Error(`unknown engine: ${name}`);
  const module = await import(`./${name}.mjs`);
  return module.createEngine(context);
}
