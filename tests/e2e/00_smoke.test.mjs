// Smoke: the release build loads in Chromium, has the right title, serves its
// PWA files, and logs no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, screenshot } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the app opens: title, something rendered, no console errors', async () => {
  const { context, page, errors } = await newPage(browser);
  const response = await page.goto(server.url + '/');
  assert.equal(response.status(), 200);
  // The wasm app has started once it renders anything into <body> besides <noscript>.
  await page.waitForFunction(
    () => [...document.body.children].some((el) => !['NOSCRIPT', 'SCRIPT', 'LINK'].includes(el.tagName)),
    null,
    { timeout: 30000 },
  );
  assert.match(await page.title(), /Ventanilla/);
  // Let late async errors (IndexedDB open, service worker registration) surface.
  await page.waitForTimeout(500);
  await screenshot(page, '00_smoke');
  assert.deepEqual(errors, []);
  await context.close();
});

test('PWA files are served with the right types and the worker lists the hashed shell', async () => {
  const manifest = await fetch(server.url + '/manifest.webmanifest');
  assert.equal(manifest.status, 200);
  assert.match(manifest.headers.get('content-type'), /application\/manifest\+json/);
  const m = await manifest.json();
  assert.equal(m.name, 'Ventanilla');
  assert.ok(m.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
  for (const icon of m.icons) {
    const r = await fetch(new URL(icon.src, server.url + '/manifest.webmanifest'));
    assert.equal(r.status, 200, icon.src);
  }

  const sw = await (await fetch(server.url + '/sw.js')).text();
  const version = sw.match(/const VERSION = '([^']+)'/)?.[1];
  assert.ok(version && version !== 'dev', 'the post_build hook wrote a version into sw.js');
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[.*\]);/)[1]);
  assert.ok(precache.includes('index.html'));
  assert.ok(precache.some((f) => /_bg\.wasm$/.test(f)), 'hashed wasm in the precache list');
  for (const f of precache) {
    const r = await fetch(`${server.url}/${f}`);
    assert.equal(r.status, 200, f);
  }
  // The connectivity probe is served, and only the network may answer it:
  // never precached, and the worker lets it through.
  const probe = await fetch(`${server.url}/online.txt`);
  assert.equal(probe.status, 200);
  assert.match(await probe.text(), /^ventanilla-online/);
  assert.ok(!precache.includes('online.txt'), 'the probe is not in the precache list');
  assert.match(sw, /const PROBE = 'online\.txt';/);
  const wasm = precache.find((f) => f.endsWith('.wasm'));
  const r = await fetch(`${server.url}/${wasm}`);
  assert.equal(r.headers.get('content-type'), 'application/wasm');
});
