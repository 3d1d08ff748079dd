// Helpers for the end-to-end specs (node:test + playwright-core + axe).
//
//   import { startServer, launchBrowser, newPage, axeCheck, screenshot } from './harness.mjs';
//
// The specs run against the release build in dist/ (scripts/test builds it
// first; override with VENTANILLA_DIST=/path/to/dist). The browser is
// Debian's Chromium (/usr/bin/chromium, override with CHROME_PATH), never a
// downloaded one. Set HEADED=1 to watch, SLOWMO=200 to slow it down.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveStatic } from '../../scripts/static-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = resolve(process.env.VENTANILLA_DIST ?? join(ROOT, 'dist'));
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The Chromium flags of TOOLCHAIN.md: no sandbox (root), and nothing that calls home. */
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

/**
 * A fresh context (its own storage, so IndexedDB starts empty) and a page in it.
 * Collects console errors and page errors in `errors` (strings), which specs
 * can assert empty. Returns { context, page, errors }.
 */
export async function newPage(browser, { viewport = { width: 1280, height: 800 }, locale = 'es-ES', ...options } = {}) {
  const context = await browser.newContext({ viewport, locale, serviceWorkers: 'allow', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('crash', () => errors.push('page crashed'));
  return { context, page, errors };
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
