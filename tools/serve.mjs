// A small static file server for the demo and the browser tests (localhost only), and
// the demo's receiver of handoff packages:
//   POST /handoff   body: the package (JSON, at most 1 MB, a case_code of letters, digits
//                   and '-'), header Idempotency-Key (required).
//                   201 {received: case_code} the first time a key is seen; 200
//                   {received, duplicate: true} for a key seen before (a retry whose
//                   first answer was lost), stored once. 400 bad request, 413 too large.
//                   An update to a case (kind "update") has its own key and is kept as
//                   <case_code>.update-<update_id>.json beside the case.
//   server.cases    Map Idempotency-Key → package, what arrived (for tests);
//   server.posts    Map Idempotency-Key → how many times it was posted.
// Files are served as common static hosts serve them: to a client that accepts gzip,
// text, wasm and databases go compressed, with the compressed Content-Length (as nginx's
// gzip_static and most CDNs send it). serve(folder, {gzip: false}) serves them as they are;
// {gzip: 'chunked'} compresses without a Content-Length, as nginx's on-the-fly gzip does.
// Last-Modified and If-Modified-Since work as on a static host (304 for a file unchanged).
// serve(folder, {headers: {…}}) adds headers to every file (a Content-Security-Policy).
// serve(folder, {throttle: {rttMs, kbps}}) is a phone's network for the benchmarks: each
// response waits one round trip, and all responses share one link of kbps kilobits a
// second. server.traffic counts what was sent: {requests, bytes (of the responses begun),
// sent (bytes written so far), log}; log lists each response (a 304 with bytes 0 and
// status 304) as {path, bytes, startMs,
// firstByteMs, endMs} (performance.now() of this process).
//   node tools/serve.mjs [folder]        PORT=8080, CASES_DIR=build/cases by default
import { createServer } from 'node:http';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.sqlite': 'application/vnd.sqlite3',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.sqlite', '.svg']);

// The gzipped bytes of a file, made once per version of the file (path, size, mtime).
const gzipped = new Map();
function compressed(file, info, body) {
  const version = `${info.size}:${info.mtimeMs}`;
  const known = gzipped.get(file);
  if (known?.version === version) return known.bytes;
  const bytes = gzipSync(body);
  gzipped.set(file, { version, bytes });
  return bytes;
}

// A shared slow link: slices of every response take turns on it, so responses sent at
// the same time share its bandwidth, as on a phone's connection.
const slice = 8 * 1024;
const wait = (ms) => new Promise((done) => setTimeout(done, ms));
async function sendThrottled(res, body, link, { rttMs, kbps }, entry) {
  await wait(rttMs);
  entry.firstByteMs = performance.now();
  for (let at = 0; at < body.length; at += slice) {
    const part = body.subarray(at, at + slice);
    const start = Math.max(performance.now(), link.freeAt);
    link.freeAt = start + (part.length * 8) / kbps;  // kbps = bits per ms
    await wait(link.freeAt - performance.now());
    if (!res.write(part)) await new Promise((done) => res.once('drain', done));
    entry.traffic.sent += part.length;
  }
  res.end();
  entry.endMs = performance.now();
}

// Bounds on what one request may bring. A handoff package is a few kilobytes; 1 MB leaves
// room for a long conversation and stops a runaway client from filling memory.
const maxHandoffBytes = 1024 * 1024;
// Our keys are `${case_code}/${channel}`; anything far longer is not ours.
const maxKeyLength = 200;
// The case code becomes a file name: letters, digits and '-' only, so it cannot name a
// path outside the folder.
const caseCodePattern = /^[A-Za-z0-9-]{1,64}$/;

function answer(res, status, value, headers = {}) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers,
  });
  res.end(body);
}

// Resolves with the body, or null after answering 413 (the rest is not read; the
// connection is closed instead).
function readBody(req, res) {
  return new Promise((done, fail) => {
    const tooLarge = () => {
      answer(res, 413, { error: `the body is larger than ${maxHandoffBytes} bytes` }, { connection: 'close' });
      done(null);
    };
    if (Number(req.headers['content-length'] ?? 0) > maxHandoffBytes) return tooLarge();
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > maxHandoffBytes) {
        req.removeAllListeners('data');
        req.pause();
        tooLarge();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => { if (size <= maxHandoffBytes) done(Buffer.concat(chunks)); });
    req.on('error', fail);
  });
}

// inbox: { cases: Map key → package kept, writing: Map key → Promise<boolean> of a first
// copy still being written, casesDir }.
async function receiveHandoff(req, res, inbox) {
  const key = req.headers['idempotency-key'];
  const body = await readBody(req, res);
  if (body === null) return;
  if (typeof key !== 'string' || key === '' || key.length > maxKeyLength) {
    return answer(res, 400, { error: `an Idempotency-Key header (1 to ${maxKeyLength} characters) is required` });
  }
  let pkg;
  try {
    pkg = JSON.parse(body.toString('utf8'));
  } catch {
    return answer(res, 400, { error: 'the body is not JSON' });
  }
  if (typeof pkg?.case_code !== 'string' || !caseCodePattern.test(pkg.case_code)) {
    return answer(res, 400, { error: 'case_code must be a string of letters, digits and -' });
  }
  if (pkg.kind === 'update' && !/^[0-9a-f]{16}$/.test(pkg.update_id ?? '')) {
    return answer(res, 400, { error: 'an update needs an update_id of 16 hex digits' });
  }
  inbox.posts.set(key, (inbox.posts.get(key) ?? 0) + 1);
  const duplicate = { received: pkg.case_code, duplicate: true };
  if (inbox.cases.has(key)) return answer(res, 200, duplicate);
  // A retry that arrives while the first copy is still being written waits for it: it
  // may say "received" only once the case is really kept.
  if (inbox.writing.has(key)) {
    return (await inbox.writing.get(key))
      ? answer(res, 200, duplicate) : answer(res, 500, { error: 'could not keep the case' });
  }
  const writing = keep(inbox.casesDir, pkg).then(() => true, () => false);
  inbox.writing.set(key, writing);
  const kept = await writing;
  inbox.writing.delete(key);
  if (!kept) return answer(res, 500, { error: 'could not keep the case' });   // the sender retries
  inbox.cases.set(key, pkg);
  answer(res, 201, { received: pkg.case_code });
}

async function keep(casesDir, pkg) {
  if (!casesDir) return;
  // An update to a case (kind 'update') is a file beside its case's.
  const update = pkg.kind === 'update' ? `.update-${pkg.update_id}` : '';
  const file = join(casesDir, `${pkg.case_code}${update}.json`);
  // Written whole, then renamed: a reader never sees half a case.
  await writeFile(`${file}.partial`, JSON.stringify(pkg, null, 2));
  await rename(`${file}.partial`, file);
}

export async function serve(folder, { port = 0, host = '127.0.0.1', casesDir = null, gzip = true, throttle = null, headers: extra = {} } = {}) {
  const root = resolve(folder);
  const link = { freeAt: 0 };
  const traffic = { requests: 0, bytes: 0, sent: 0, log: [] };
  const inbox = { cases: new Map(), writing: new Map(), posts: new Map(), casesDir };
  if (casesDir) await mkdir(casesDir, { recursive: true });
  const server = createServer(async (req, res) => {
    if (req.method === 'POST' && req.url.split('?')[0] === '/handoff') {
      return receiveHandoff(req, res, inbox).catch(() => {
        if (!res.headersSent) answer(res, 500, { error: 'server error' });
        else res.destroy();
      });
    }
    try {
      // The path as sent, repeated slashes as one ("//" is not a host here); a path that
      // is not valid percent-encoding is the client's error.
      let path;
      try {
        path = decodeURIComponent(req.url.split(/[?#]/)[0].replace(/\/{2,}/g, '/'));
      } catch {
        throw Object.assign(new Error('bad path'), { code: 'EBADPATH' });
      }
      if (!path.startsWith('/')) throw Object.assign(new Error('bad path'), { code: 'EBADPATH' });
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      let body = await readFile(file);
      const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
      const headers = {
        'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache',
        'last-modified': modified.toUTCString(), ...extra,
      };
      traffic.requests++;
      const since = Date.parse(req.headers['if-modified-since'] ?? '');
      if (since >= modified.getTime()) {
        traffic.log.push({ path, bytes: 0, status: 304, startMs: performance.now(), traffic });
        res.writeHead(304, headers);
        if (throttle) await wait(throttle.rttMs);
        return res.end();
      }
      if (gzip && compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = compressed(file, info, body);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
      }
      if (gzip !== 'chunked' || !headers['content-encoding']) headers['content-length'] = body.length;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      traffic.bytes += body.length;
      const entry = { path, bytes: body.length, startMs: performance.now(), traffic };
      traffic.log.push(entry);
      if (throttle) return sendThrottled(res, body, link, throttle, entry);
      res.end(body);
      traffic.sent += body.length;
      entry.endMs = performance.now();
    } catch (e) {
      const status = e.code === 'ENOENT' ? 404 : e.code === 'EBADPATH' ? 400 : 500;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 404 ? 'not found' : status === 400 ? 'bad request' : 'server error');
    }
  });
  server.cases = inbox.cases;
  server.posts = inbox.posts;  // Idempotency-Key → how many times it was posted
  server.traffic = traffic;
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? 'build/site';
  const casesDir = process.env.CASES_DIR ?? 'build/cases';
  const server = await serve(folder, { port: Number(process.env.PORT ?? 8080), casesDir });
  console.log(`Handoff packages sent to /handoff are kept in ${resolve(casesDir)}/`);
  console.log(`The demo is running at http://localhost:${server.address().port}/  (Ctrl+C stops it)`);
}
