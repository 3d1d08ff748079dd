// Helpers for the end-to-end specs (node:test + playwright-core + axe).
//
//   import { startServer, launchBrowser, newPage, axeCheck, screenshot } from './harness.mjs';
//
// The specs run against the release build with the test hooks (cargo
// feature `hooks`) in target/dist-hooks (scripts/test builds it first;
// override with VENTANILLA_DIST=/path/to/dist). The browser is
// Debian's Chromium (/usr/bin/chromium, override with CHROME_PATH), never a
// downloaded one. Set HEADED=1 to watch, SLOWMO=200 to slow it down.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveStatic } from '../../scripts/static-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = resolve(process.env.VENTANILLA_DIST ?? join(ROOT, 'target', 'dist-hooks'));
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The Chromium flags of docs/toolchain.md: no sandbox (root), and nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Serves dist/ on 127.0.0.1 at a free port. Returns { url, port, close }; `url` has no trailing slash (it is the origin). */
export async function startServer({ root = DIST } = {}) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: build the app first (trunk build --release, or scripts/test)`);
  }
  return serveStatic({ root, host: '127.0.0.1', port: 0 });
}

/** Launches headless Chromium through playwright-core. */
export async function launchBrowser({ headless = !process.env.HEADED, args = [] } = {}) {
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless,
    args: [...CHROMIUM_ARGS, ...args],
    slowMo: process.env.SLOWMO ? Number(process.env.SLOWMO) : undefined,
  });
}

// Every page a spec opens through newPage (and every page later opened in
// the same context) is watched: console errors (a Rust panic is one), page
// errors (`RuntimeError: unreachable`), crashes. After each test the
// harness asserts that nothing unexpected was logged, so no test can forget
// to. A few errors are expected answers, never assets: a spec allows each
// by the URL it came from and its exact text (see `hubAnswer`, `OFFLINE_PROBE`).
const watched = [];

function allowed(rules, url, text) {
  return rules.some((r) => r.url.test(url) && r.text.test(text));
}

/**
 * A fresh context (its own storage, so IndexedDB starts empty) and a page in
 * it. Collects unexpected console errors, page errors and crashes of every
 * page of the context in `errors` (strings); the harness asserts them empty
 * after each test. `allow` lists expected failed requests as
 * `{ url: RegExp, text: RegExp }`; `expect(rule)` adds one later.
 * Returns { context, page, errors, expect }.
 */
export async function newPage(browser, { viewport = { width: 1280, height: 800 }, locale = 'es-ES', allow = [], ...options } = {}) {
  const context = await browser.newContext({ viewport, locale, serviceWorkers: 'allow', ...options });
  const errors = [];
  const rules = [...allow];
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = msg.location()?.url ?? '';
      if (allowed(rules, url, msg.text())) return;
      errors.push(`console.error: ${msg.text()}${url ? ` [${url}]` : ''}`);
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('crash', () => errors.push('page crashed'));
  };
  context.on('page', watch);
  watched.push(errors);
  const page = await context.newPage();
  return { context, page, errors, expect: (rule) => rules.push(rule) };
}

/** An expected failed request of the hub: its database URL, a path pattern, and the HTTP status. */
export function hubAnswer(db, path, status) {
  const escaped = db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { url: new RegExp(`^${escaped}${path.source}`), text: new RegExp(`^Failed to load resource: the server responded with a status of ${status} `) };
}

/** While a context is offline, the connectivity probe fails: that failure is the evidence, not a defect. */
export const OFFLINE_PROBE = { url: /^http:\/\/127\.0\.0\.1:\d+\/online\.txt$/, text: /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/ };

// Only in test files (not in screenshots.mjs or the benches, which import this too).
if (/\.test\.mjs$/.test(basename(process.argv[1] ?? ''))) {
  afterEach(() => {
    const found = watched.splice(0).flat();
    assert.deepEqual(found, [], `the pages logged errors:\n${found.join('\n')}`);
  });
}

/**
 * Runs axe (every rule axe enables by default: WCAG 2.x A/AA and best
 * practices; pass `tags` to narrow it) and returns only the serious and
 * critical violations.
 */
export async function axeCheck(page, { include, exclude, tags } = {}) {
  let builder = new AxeBuilder({ page });
  if (tags) builder = builder.withTags(tags);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  const results = await builder.analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Readable one-line-per-node summary of axe violations, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`))
    .join('\n');
}

/** Full-page screenshot into target/screenshots/<name>.png; returns the path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const safe = String(name).replace(/[^a-zA-Z0-9._-]+/g, '_');
  const path = join(SCREENSHOTS, safe.endsWith('.png') ? safe : `${safe}.png`);
  // Long lists skip drawing the cards off screen until a person scrolls
  // near them (`content-visibility` in style/main.css); a full-page shot
  // scrolls nowhere, so it asks for every card drawn.
  await page.addStyleTag({ content: '.cards > li { content-visibility: visible !important; }' });
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the app marks the shell interactive (<body data-ready="true">). */
export async function waitReady(page, { timeout = 30000 } = {}) {
  await page.locator('body[data-ready="true"]').waitFor({ timeout });
}

/**
 * A CouchDB stand-in (pouchdb-server, in memory) on 127.0.0.1 for sync specs:
 * returns { url, port, close }. Needs `scripts/setup --pouchdb`; specs can
 * check `pouchServerInstalled()` and skip with a message when it is absent.
 */
export { startPouchServer, pouchServerInstalled } from '../../scripts/pouchdb-server.mjs';

/** The pieces the release build listed for the service worker (scripts/assemble.mjs). */
export function pieceFiles() {
  const line = readFileSync(join(DIST, 'sw.js'), 'utf8').match(/^const PIECES = (.*); \/\/ __VENTANILLA_PIECES__$/m);
  assert.ok(line, 'sw.js has no PIECES list: the e2e build must come from scripts/build');
  return JSON.parse(line[1]);
}

/** The names of every file the service worker's caches hold. */
const cachedNames = (page) =>
  page.evaluate(async () => {
    const names = [];
    for (const key of await caches.keys()) {
      for (const req of await (await caches.open(key)).keys()) names.push(new URL(req.url).pathname.slice(1));
    }
    return names;
  });

/**
 * Waits until the service worker controls the page. A page loaded while the
 * worker was still installing is taken over by the worker's `clients.claim()`;
 * if that has not happened within a few seconds (seen once in CI, not
 * reproduced), the page is reloaded once, as a person opening the app again
 * would, and the new page must be controlled.
 */
export async function controlledByWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  try {
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 5000 });
  } catch {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}

/** Waits until the service worker's caches hold every name in `files` (polled here: the check is async). */
export async function cached(page, files, timeout = 90000) {
  const until = Date.now() + timeout;
  for (;;) {
    const names = new Set(await cachedNames(page));
    const missing = files.filter((f) => !names.has(f));
    if (!missing.length) return;
    if (Date.now() > until) assert.fail(`not cached after ${timeout} ms: ${missing.slice(0, 5).join(', ')} (${missing.length} in all)`);
    await page.waitForTimeout(250);
  }
}

/**
 * Before a spec takes a page offline: the worker has fetched every area's
 * piece in the background (on a slow machine that can take longer than the
 * spec's steps before it), so an area not opened yet still opens offline.
 */
export async function readyForOffline(page) {
  await cached(page, pieceFiles());
}

/**
 * axe in English and then Spanish, each in light and dark, switched with the
 * shell's own buttons on a page that starts in English: the violations found,
 * one entry per look. `each(lang, theme)` runs before each scan (to open what
 * should be scanned too); `inSpanish()` once the page has switched.
 */
export async function axeInEveryLook(page, { each = async () => {}, inSpanish = async () => {} } = {}) {
  const found = [];
  for (const lang of ['en', 'es']) {
    for (const theme of ['light', 'dark']) {
      await each(lang, theme);
      const current = await page.locator('html').getAttribute('data-theme');
      if (current !== theme) await page.locator('header .topbar-tools button[aria-pressed]').click();
      await page.locator(`html[data-theme="${theme}"]`).waitFor();
      const v = await axeCheck(page);
      if (v.length) found.push(`${lang}/${theme}:\n${formatViolations(v)}`);
    }
    if (lang === 'en') {
      await page.getByRole('button', { name: 'Español' }).click();
      await page.locator('html[lang="es"]').waitFor();
      await inSpanish();
    }
  }
  return found;
}
