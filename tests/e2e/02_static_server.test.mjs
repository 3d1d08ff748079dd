// The static server sends what a real host would: the precompressed `.br`
// or `.gz` written by scripts/precompress.mjs, chosen by Accept-Encoding
// (q=0 refuses), with the original Content-Type and `Vary`; never a stale
// sidecar; the SPA fallback and the 404 unchanged. No browser and no build:
// it serves a temporary folder of its own, read with node:http so the bytes
// arrive as sent (fetch would decode them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, statSync, utimesSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serveStatic } from '../../scripts/static-server.mjs';
import { precompress } from '../../scripts/precompress.mjs';

const WASM = 'app-0123456789abcdef_bg.wasm';
const JS = 'app-0123456789abcdef.js';
// trunk prints its hash without leading zeros: 15 digits here.
const CSS = 'main-1c466b644fdd996.css';
// A wasm-like binary: the magic and version, then repetitive, compressible bytes.
const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(20000, 'abcdefgh\x00\x01\x02')]);
const js = Buffer.from(`export function start() {\n${'  console.log("ventanilla");\n'.repeat(200)}}\n`);
const html = Buffer.from(`<!doctype html><html lang="es"><head><title>Ventanilla</title></head><body>${'<p>hola</p>'.repeat(100)}</body></html>`);
const small = Buffer.from('ok\n');

let dir, server, rows;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ventanilla-static-'));
  writeFileSync(join(dir, WASM), wasm);
  writeFileSync(join(dir, JS), js);
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'online.txt'), small);
  writeFileSync(join(dir, CSS), small);
  writeFileSync(join(dir, 'icon-192.png'), small);
  rows = await precompress(dir);
  server = await serveStatic({ root: dir, port: 0 });
});
after(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** GET (or `method`) `path` with these request headers; the body as raw bytes, never decoded. */
function get(path, headers = {}, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** The body as the browser would see it after undoing Content-Encoding. */
function decoded(res) {
  const enc = res.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(res.body);
  if (enc === 'gzip') return gunzipSync(res.body);
  assert.equal(enc, undefined, `unexpected Content-Encoding ${enc}`);
  return res.body;
}

test('precompress writes .br and .gz beside each compressible file over 512 bytes and lists them by name', () => {
  assert.deepEqual(
    rows.map((r) => r.file),
    [JS, WASM, 'index.html'].sort(),
  );
  for (const r of rows) {
    assert.ok(existsSync(join(dir, r.file + '.br')) && existsSync(join(dir, r.file + '.gz')), r.file);
    assert.equal(r.raw, statSync(join(dir, r.file)).size);
    assert.equal(r.br, statSync(join(dir, r.file + '.br')).size);
    assert.equal(r.gz, statSync(join(dir, r.file + '.gz')).size);
    assert.ok(r.br < r.raw && r.gz < r.raw, `${r.file}: ${r.raw} raw, ${r.gz} gzip, ${r.br} brotli`);
  }
  // Too small to be worth it, and never a sidecar of a sidecar.
  assert.ok(!existsSync(join(dir, 'online.txt.br')) && !existsSync(join(dir, 'online.txt.gz')));
  assert.ok(!existsSync(join(dir, `${WASM}.br.br`)) && !existsSync(join(dir, `${WASM}.gz.gz`)));
});

test('brotli when offered, gzip when only gzip, the file as it is when neither', async () => {
  for (const [path, type, original] of [
    [`/${WASM}`, 'application/wasm', wasm],
    [`/${JS}`, 'text/javascript; charset=utf-8', js],
    ['/index.html', 'text/html; charset=utf-8', html],
  ]) {
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.2', 'gzip'],
      ['*', 'br'],
      ['br;q=0, *;q=0.1', 'gzip'],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
      [undefined, undefined],
    ]) {
      const res = await get(path, accept === undefined ? {} : { 'Accept-Encoding': accept });
      const what = `${path} with Accept-Encoding: ${accept}`;
      assert.equal(res.status, 200, what);
      assert.equal(res.headers['content-encoding'], encoding, what);
      assert.equal(res.headers['content-type'], type, what);
      assert.equal(res.headers.vary, 'Accept-Encoding', what);
      assert.equal(Number(res.headers['content-length']), res.body.length, what);
      assert.ok(decoded(res).equals(original), `${what}: the decoded body is the original`);
      if (encoding) {
        const side = join(dir, path.slice(1) + (encoding === 'br' ? '.br' : '.gz'));
        assert.ok(res.body.equals(readFileSync(side)), `${what}: the precompressed file itself`);
      }
    }
  }
});

test('HEAD answers the same headers with no body', async () => {
  const got = await get(`/${WASM}`, { 'Accept-Encoding': 'gzip, br' });
  const head = await get(`/${WASM}`, { 'Accept-Encoding': 'gzip, br' }, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  for (const h of ['content-type', 'content-encoding', 'content-length', 'vary', 'cache-control']) {
    assert.equal(head.headers[h], got.headers[h], h);
  }
  assert.equal(head.headers['content-encoding'], 'br');
});

test('hashed assets are cached for a year, the page and small files revalidated', async () => {
  assert.equal((await get(`/${WASM}`)).headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await get(`/${JS}`)).headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await get(`/${CSS}`)).headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await get('/icon-192.png')).headers['cache-control'], 'no-cache');
  assert.equal((await get('/index.html')).headers['cache-control'], 'no-cache');
  const txt = await get('/online.txt', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(txt.headers['cache-control'], 'no-cache');
  assert.equal(txt.headers['content-encoding'], undefined, 'too small to compress');
  assert.equal(txt.headers.vary, 'Accept-Encoding');
  assert.ok(txt.body.equals(small));
});

test('a sidecar asked for by name is plain bytes, never the asset type', async () => {
  const res = await get(`/${WASM}.br`, { 'Accept-Encoding': 'br, gzip' });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/octet-stream');
  assert.equal(res.headers['content-encoding'], undefined);
  assert.ok(res.body.equals(readFileSync(join(dir, `${WASM}.br`))));
});

test('client-side routes get index.html (compressed too); a missing asset is a 404', async () => {
  for (const path of ['/', '/customers', '/customers/01hz']) {
    const res = await get(path, { 'Accept-Encoding': 'br' });
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', path);
    assert.equal(res.headers['content-encoding'], 'br', path);
    assert.ok(decoded(res).equals(html), path);
  }
  for (const path of ['/app-ffffffffffffffff_bg.wasm', '/missing.js', '/customers/x.css']) {
    const res = await get(path, { 'Accept-Encoding': 'br, gzip' });
    assert.equal(res.status, 404, path);
    assert.equal(res.headers['content-encoding'], undefined, path);
  }
});

test('a sidecar older than its file is never sent: the newer file is, gzipped here or as it is', async () => {
  const name = 'late.js';
  const before = Buffer.from(`// old\n${'let a = 1;\n'.repeat(100)}`);
  const now = Buffer.from(`// new\n${'let b = 2;\n'.repeat(100)}`);
  writeFileSync(join(dir, name), before);
  await precompress(dir);
  // The file changes after the sidecars were written (sw.js rewritten by a later step, say).
  writeFileSync(join(dir, name), now);
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(dir, name + '.br'), old, old);
  utimesSync(join(dir, name + '.gz'), old, old);

  const br = await get(`/${name}`, { 'Accept-Encoding': 'br' });
  assert.equal(br.headers['content-encoding'], undefined, 'no fresh br, and br cannot be made here');
  assert.ok(br.body.equals(now));

  const both = await get(`/${name}`, { 'Accept-Encoding': 'br, gzip' });
  assert.equal(both.headers['content-encoding'], 'gzip', 'gzip made on the fly');
  assert.ok(decoded(both).equals(now));
  assert.ok(!both.body.equals(readFileSync(join(dir, name + '.gz'))), 'not the stale .gz');

  // Precompressing again makes them fresh, and brotli comes back.
  await precompress(dir);
  const again = await get(`/${name}`, { 'Accept-Encoding': 'br, gzip' });
  assert.equal(again.headers['content-encoding'], 'br');
  assert.ok(decoded(again).equals(now));
});

test('revalidation: an unchanged file is a 304 with no body; a changed one comes whole', async () => {
  const first = await get('/index.html', { 'Accept-Encoding': 'gzip' });
  assert.equal(first.status, 200);
  const stamp = first.headers['last-modified'];
  assert.ok(stamp, 'Last-Modified is sent');
  const again = await get('/index.html', { 'Accept-Encoding': 'gzip', 'If-Modified-Since': stamp });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers['cache-control'], 'no-cache');
  const older = new Date(Date.parse(stamp) - 60_000).toUTCString();
  assert.equal((await get('/index.html', { 'If-Modified-Since': older })).status, 200);
  assert.equal((await get('/index.html', { 'If-Modified-Since': 'not a date' })).status, 200);
});
