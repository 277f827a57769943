// The demo's static server (tools/serve.mjs) answers odd paths as a static host would:
// the file, 404, or 400 for a path that is not valid percent-encoding; never a 500, and
// never a file outside its folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { serve } from '../../tools/serve.mjs';

let server;
let port;
before(async () => {
  server = await serve(new URL('../../build/site', import.meta.url).pathname);
  port = server.address().port;
});
after(() => new Promise((done) => server.close(done)));

// The path exactly as written (fetch would tidy "//" and "..").
const status = (path) => new Promise((resolve, reject) => {
  request({ host: '127.0.0.1', port, path }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject).end();
});

test('odd paths get the file, 404 or 400, never a server error or a file outside the site', async () => {
  assert.equal(await status('/'), 200);
  assert.equal(await status('//'), 200);
  assert.equal(await status('//index.html'), 200);
  assert.equal(await status('/kb/manifest.json?v=2'), 200);
  assert.equal(await status('/%ZZ'), 400);
  assert.equal(await status('/nothing-here.js'), 404);
  assert.equal(await status('/../../etc/passwd'), 404);
  assert.equal(await status('/%2e%2e/%2e%2e/etc/passwd'), 404);
  assert.equal(await status('//etc/passwd'), 404);
});
