// Browser benchmarks of the release build (run by scripts/bench, which builds
// dist/ first). Prints figures; never fails on a target (exit code is non-zero
// only when the harness itself cannot run, e.g. no dist/).
//
//   node benches/browser.mjs [--dist dist] [--sizes-dist dist] [--runs 5] [--n 20000]
// --dist is a build with the `hooks` feature (the figures drive the app
// through them); --sizes-dist (default: --dist) is the build users get,
// whose sizes (a) reports.
//                            [--skip-app] [--skip-large] [--skip-search] [--skip-dexie] [--skip-lighthouse]
//                            [--skip-scale] [--scales 1,2,5]
//
// (a) sizes in dist/, raw / gzip / brotli: the first load (index.html and what
//     it pulls in), each area's piece, the shared chunks, everything
// (b) navigation -> <body data-ready="true"> (Today interactive), empty store;
//     then the large data set through the app's own hooks (benches/app_figures.mjs)
// (c) search per keystroke over the same --n customers, in one Chromium:
//     Ventanilla's index (limit 50, and no limit as the customer list asks),
//     FlexSearch 0.8 (npm) in the app's page over the customers the app
//     holds (benchCustomers), and the Dexie baseline, the "plain JS" way
//     (benches/dexie.html), over those customers too. --skip-dexie skips
//     Dexie only, --skip-search the whole section.
// (d) Lighthouse 13 on the Today page: performance and accessibility
// (e) the scale series (benches/scale_series.mjs): 1, 2 and 5 branch-years
//     of history seeded through the app's hooks; Today, memory and a save
//     at each, with the ratios to 1×
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressedSizes } from '../scripts/precompress.mjs';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS, launchBrowser, newPage } from '../tests/e2e/harness.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);
const DIST = resolve(opt('dist', join(ROOT, 'dist')));
const SIZES_DIST = resolve(opt('sizes-dist', DIST));
const RUNS = Number(opt('runs', 5));
const REPS = 20; // each keystroke this many times in a row (section c)
const N = Number(opt('n', 20000));
const OUT = join(ROOT, 'target', 'bench');

// ---------------------------------------------------------------- helpers

const rows = []; // [section, what, value, note]
const row = (section, what, value, note = '') => rows.push([section, what, String(value), note]);
const skipped = (section, what, why) => row(section, what, `skipped: ${why}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const median = (xs) => pct(xs, 0.5);

function printTable() {
  const w = [0, 0, 0];
  for (const r of rows) for (let i = 0; i < 3; i++) w[i] = Math.max(w[i], r[i].length);
  console.log('');
  let last = '';
  for (const [section, what, value, note] of rows) {
    if (section !== last) {
      console.log(`\n== ${section}`);
      last = section;
    }
    console.log(`  ${what.padEnd(w[1])}  ${value.padStart(Math.min(w[2], 28))}  ${note}`);
  }
  console.log('');
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

async function firstRunSetUp(page, base) {
  // Completes the app's first-run form when it is shown; returns false when
  // the page never becomes ready (the app changed, or the build is broken).
  await page.goto(base + '/');
  const org = page.getByLabel('Organisation name').or(page.getByLabel('Nombre de la organización'));
  const ready = page.locator('body[data-ready="true"]');
  await Promise.race([org.first().waitFor({ timeout: 30000 }), ready.waitFor({ timeout: 30000 })]).catch(() => {});
  if (await ready.count()) return true;
  if (!(await org.count())) return false;
  await org.first().fill('Bench');
  await page.getByLabel('Your name').or(page.getByLabel('Tu nombre')).first().fill('Bench Director');
  await page.getByRole('button', { name: /Get started|Empezar|Comenzar/ }).first().click();
  return ready.waitFor({ timeout: 30000 }).then(() => true, () => false);
}

// Records when <body data-ready="true"> appears, in the page's own clock
// (milliseconds since navigation start).
const READY_PROBE = () => {
  const mark = () => {
    if (document.body?.dataset.ready === 'true' && window.__ventanillaReadyAt === undefined) {
      window.__ventanillaReadyAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
};

async function timeToReady(page, base, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(base + '/', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__ventanillaReadyAt !== undefined, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__ventanillaReadyAt));
  }
  return times;
}

// ---------------------------------------------------------------- (a) sizes

function sizes() {
  const S = 'a. Release sizes (dist/): raw / gzip -9 / brotli -11';
  const files = [];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (['.wasm', '.js', '.css', '.html'].includes(extname(p)) && name !== 'sw.js') files.push(relative(SIZES_DIST, p));
    }
  })(SIZES_DIST);
  const size = (f) => compressedSizes(readFileSync(join(SIZES_DIST, f)), extname(f));
  const show = (s) => `${kb(s.raw)} / ${kb(s.gz)} / ${kb(s.br)}`;
  const sum = (list) => list.map(size).reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });
  // The first load: index.html, what it links, and what those JS files import.
  const firstLoad = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const text = readFileSync(join(SIZES_DIST, queue.pop()), 'utf8');
    for (const m of text.matchAll(/["'](?:\/|\.\/)([\w.-]+\.(?:js|wasm|css))["']/g)) {
      if (files.includes(m[1]) && !firstLoad.has(m[1]) && !/^(split|chunk)_/.test(m[1])) {
        firstLoad.add(m[1]);
        if (m[1].endsWith('.js')) queue.push(m[1]);
      }
    }
  }
  for (const f of [...firstLoad].sort()) row(S, `first load: ${f}`, show(size(f)));
  row(S, 'first load, total', show(sum([...firstLoad])), 'target <= 400 KB gzip');
  const pieces = files.filter((f) => /^split_/.test(f)).sort();
  for (const f of pieces) row(S, `piece: ${f}`, show(size(f)));
  const chunks = files.filter((f) => /^chunk_/.test(f));
  if (chunks.length) row(S, `shared chunks (${chunks.length} files)`, show(sum(chunks)));
  const rest = files.filter((f) => !firstLoad.has(f) && !pieces.includes(f) && !chunks.includes(f));
  if (rest.length) row(S, `other (${rest.join(', ')})`, show(sum(rest)));
  row(S, 'everything (.wasm + .js + .css + .html)', show(sum(files)));
  const sw = join(SIZES_DIST, 'sw.js');
  if (existsSync(sw)) row(S, 'sw.js (not in the totals)', show(size('sw.js')));
}

// ---------------------------------------------------------------- (b) app

async function appReadiness(server) {
  const S = 'b. Time to interactive Today page (navigation -> body[data-ready])';
  const browser = await launchBrowser();
  let hasHooks = false;
  try {
    const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
    await page.addInitScript(READY_PROBE);
    if (!(await firstRunSetUp(page, server.url))) {
      skipped(S, 'empty store', 'the app never set data-ready="true" (first-run form not found or app failed)');
      if (errors.length) console.error(errors.join('\n'));
      return;
    }
    await page.evaluate(() => navigator.serviceWorker?.ready).catch(() => {});
    const t = await timeToReady(page, server.url, RUNS);
    row(S, `empty store, median of ${RUNS} reloads`, ms(median(t)), `min ${ms(Math.min(...t))}, max ${ms(Math.max(...t))}; service worker + HTTP cache warm`);
    hasHooks = await page.evaluate(() => typeof window.wasmBindings?.benchSeedLarge === 'function');
    await context.close();
    await firstOpens(browser, server, S);
  } finally {
    await browser.close();
  }

  // Large data set: the app exposes benchmark hooks from Rust (src/ui/shell/hooks.rs, cargo feature `hooks`,
  // window.wasmBindings.benchSeedLarge / benchSearch / benchSave / benchCounts);
  // benches/app_figures.mjs drives them. TODO(lead): when the hook names change,
  // update the check above and app_figures.mjs together.
  const script = join(ROOT, 'benches', 'app_figures.mjs');
  if (flag('skip-large')) {
    skipped(S, 'large data set', '--skip-large');
  } else if (!hasHooks) {
    skipped(S, 'large data set', 'window.wasmBindings.benchSeedLarge is not exposed by this build');
  } else if (!existsSync(script)) {
    skipped(S, 'large data set', 'benches/app_figures.mjs is missing');
  } else {
    console.log('\nLarge data set (benches/app_figures.mjs; seeding takes a while):');
    const code = await new Promise((ok) => {
      const child = spawn(process.execPath, [script, server.url], { stdio: 'inherit', cwd: ROOT });
      child.on('exit', (c) => ok(c));
    });
    if (code === 0) row(S, 'large data set', 'see the table printed above', 'benches/app_figures.mjs');
    else skipped(S, 'large data set', `benches/app_figures.mjs exited with ${code}`);
  }
}

// The first open of two areas after Today: in a fresh profile with no
// service worker (each piece fetched from the server then), and once the
// worker has precached the pieces (read from its cache).
async function firstOpens(browser, server, S) {
  for (const worker of ['block', 'allow']) {
    const { context, page } = await newPage(browser, { locale: 'en-US', serviceWorkers: worker });
    try {
      if (!(await firstRunSetUp(page, server.url))) return;
      if (worker === 'allow') {
        await page.waitForFunction(async () => {
          const names = [];
          for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) names.push(r.url);
          return names.some((u) => /split_visits-/.test(u)) && names.some((u) => /split_complaints-/.test(u));
        }, null, { timeout: 60000, polling: 200 }).catch(() => {});
      }
      for (const [area, heading] of [['Complaints', 'Complaints'], ['Return visits', 'Return visits']]) {
        const t0 = Date.now();
        await page.evaluate((a) => {
          const link = [...document.querySelectorAll('nav a')].find((l) => l.textContent.trim() === a);
          link?.click();
        }, area);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30000 });
        row(S, `first open of ${area} after Today (${worker === 'block' ? 'piece from the server' : 'piece from the worker cache'})`, ms(Date.now() - t0));
      }
    } finally {
      await context.close();
    }
  }
}

// ---------------------------------------------------------------- (c) search

async function keystrokes() {
  try {
    const m = await import('./app_figures.mjs');
    if (Array.isArray(m.KEYSTROKES) && m.KEYSTROKES.length) return m.KEYSTROKES;
  } catch {
    /* fall back to the same list */
  }
  const queries = ['garcia', 'martinez lopez', 'perez', '600', 'socio', 'maria jose', 'fernandez', 'rodriguez'];
  return queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
}

const stats = (xs) => `${ms(median(xs))} / ${ms(pct(xs, 0.95))} / ${ms(Math.max(...xs))}`;
const FLEXSEARCH = join(ROOT, 'node_modules', 'flexsearch');

// One page of the app (a `hooks` build): N generated customers seeded
// through the app's own hook, Ventanilla's search timed at both limits, then
// FlexSearch given the very customers the app holds (benchCustomers), in the
// same page. Returns those customers for the Dexie baseline, or null.
async function appAndFlexSearch(browser, server, S, queries) {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
  try {
    if (!(await firstRunSetUp(page, server.url))) {
      skipped(S, 'Ventanilla and FlexSearch', 'the app never set data-ready="true"');
      return null;
    }
    const hooks = await page.evaluate(() => ['benchSeedLarge', 'benchSearch', 'benchCustomers'].every((h) => typeof window.wasmBindings?.[h] === 'function'));
    if (!hooks) {
      skipped(S, 'Ventanilla and FlexSearch', 'this build has no benchSeedLarge / benchSearch / benchCustomers (build with --features hooks)');
      return null;
    }
    const seedMs = await page.evaluate((n) => window.wasmBindings.benchSeedLarge(n, 0), N);
    const [count] = await page.evaluate(() => window.wasmBindings.benchCounts());
    row(S, `seed ${count} customers through the app (benchSeedLarge)`, ms(seedMs));
    // One untimed pass first, for each engine alike (JIT, caches), then the timed one.
    // Each keystroke timed on its own, and the whole pass as one interval
    // (performance.now() is coarsened to 0.1 ms in a page that is not
    // cross-origin isolated, so figures under that are at the clock's grain).
    // Each keystroke runs REPS times in a row and counts their mean, for
    // both engines alike.
    const search = (limit) => page.evaluate(([qs, l, reps]) => {
      const t0 = performance.now();
      const times = Array.from(window.wasmBindings.benchSearch(qs, l, reps));
      return { times, total: (performance.now() - t0) / reps };
    }, [queries, limit, REPS]);
    await search(50);
    const v50 = await search(50);
    await search(0);
    const vAll = await search(0);
    row(S, `Ventanilla, limit 50 (as FlexSearch), ${queries.length} keystrokes, median / p95 / max`, stats(v50.times), `SearchIndex::search(q, 50); all ${queries.length} in a row ${ms(v50.total)}`);
    row(S, 'Ventanilla, no limit (the customer list\'s path), median / p95 / max', stats(vAll.times), `SearchIndex::search(q, usize::MAX); all ${queries.length} in a row ${ms(vAll.total)}; target p95 < 16 ms`);

    const customers = JSON.parse(await page.evaluate(() => window.wasmBindings.benchCustomers()));
    if (customers.length !== count) throw new Error(`benchCustomers gave ${customers.length} customers, the app holds ${count}`);
    if (!existsSync(join(FLEXSEARCH, 'dist', 'flexsearch.bundle.min.js'))) {
      skipped(S, 'FlexSearch', 'node_modules/flexsearch missing (run scripts/setup)');
    } else {
      const version = JSON.parse(readFileSync(join(FLEXSEARCH, 'package.json'), 'utf8')).version;
      await page.addScriptTag({ content: readFileSync(join(FLEXSEARCH, 'dist', 'flexsearch.bundle.min.js'), 'utf8') });
      const f = await page.evaluate(([qs, reps]) => {
        const { Document, Charset } = window.FlexSearch;
        // The very records the app holds, the fields Ventanilla searches
        // (src/domain/customer/search.rs), phones as digits.
        const rows = JSON.parse(window.wasmBindings.benchCustomers());
        const t0 = performance.now();
        const index = new Document({
          tokenize: 'forward',
          encoder: Charset.LatinBalance,
          document: { id: 'id', index: ['name', 'phones', 'email', 'card', 'tags'] },
        });
        rows.forEach((c, id) => index.add({ id, name: c.name, phones: c.phones.map((p) => p.replace(/\D/g, '')), email: c.email, card: c.card, tags: c.tags }));
        const buildMs = performance.now() - t0;
        const pass = () => {
          const t1 = performance.now();
          const each = qs.map((q) => {
            const start = performance.now();
            let found = [];
            for (let r = 0; r < reps; r++) found = index.search(q, { limit: 50, merge: true });
            return [(performance.now() - start) / reps, found.length];
          });
          return { each, total: (performance.now() - t1) / reps };
        };
        pass();
        const timed = pass();
        return { buildMs, times: timed.each.map((t) => t[0]), hits: timed.each.map((t) => t[1]), total: timed.total };
      }, [queries, REPS]);
      if (!f.hits.some((h) => h > 0)) throw new Error('FlexSearch found nothing for any keystroke');
      row(S, `FlexSearch ${version}, limit 50, ${queries.length} keystrokes, median / p95 / max`, stats(f.times), `Document, tokenize "forward", Charset.LatinBalance, 5 fields, merge: true; all ${queries.length} in a row ${ms(f.total)}`);
      row(S, `FlexSearch ${version}: indexing the ${customers.length} customers`, ms(f.buildMs), `mean ${(f.hits.reduce((a, b) => a + b, 0) / f.hits.length).toFixed(0)} results per keystroke (up to 50 per field, merged)`);
    }
    if (errors.length) console.error(errors.join('\n'));
    return customers;
  } finally {
    await context.close();
  }
}

// Dexie baseline: the "obvious" IndexedDB way, over the same customers.
async function dexieBaseline(browser, S, queries, customers) {
  if (!existsSync(join(ROOT, 'node_modules', 'dexie', 'dist', 'dexie.mjs'))) {
    skipped(S, 'Dexie', 'node_modules/dexie missing (run scripts/setup)');
    return;
  }
  const server = await serveStatic({ root: ROOT, spa: false });
  const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
  try {
    await page.goto(`${server.url}/benches/dexie.html`);
    await page.waitForFunction(() => !!window.dexieBench, null, { timeout: 30000 });
    const r = await page.evaluate((o) => window.dexieBench.run(o), { n: N, queries, rows: customers });
    const which = customers ? 'the same customers' : 'generated customers (the app figures were skipped)';
    row(S, `Dexie ${r.dexie}: bulkAdd ${r.count} customers`, ms(r.insertMs), which);
    row(S, `Dexie ${r.dexie}, filter(nameFolded.includes(q)).limit(50), median / p95 / max`, stats(r.times), 'IndexedDB; name only');
    if (errors.length) console.error(errors.join('\n'));
  } finally {
    await context.close();
    await server.close();
  }
}

async function searchBaselines(server) {
  const S = `c. Search per keystroke over the same ${N} customers, one Chromium: Ventanilla, FlexSearch, Dexie`;
  const queries = await keystrokes();
  const browser = await launchBrowser();
  try {
    const customers = await appAndFlexSearch(browser, server, S, queries);
    if (flag('skip-dexie')) skipped(S, 'Dexie', '--skip-dexie');
    else await dexieBaseline(browser, S, queries, customers);
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- (d) Lighthouse

async function lighthouseToday(server) {
  const S = 'd. Lighthouse 13 (mobile preset) on the Today page';
  let lighthouse;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch (e) {
    skipped(S, 'scores', `lighthouse not installed (${e.message.split('\n')[0]})`);
    return;
  }
  // One Chromium with a debugging port: Playwright completes the first-run
  // form (so "/" is the Today page), then Lighthouse audits "/" in the same
  // profile, keeping IndexedDB but with HTTP cache and service worker cleared.
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'ventanilla-lh-'));
  const chrome = spawn(CHROME_PATH, ['--headless=new', ...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
  let browser;
  try {
    let connected = false;
    for (let i = 0; i < 100 && !connected; i++) {
      try {
        browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        connected = true;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (!connected) throw new Error('could not connect to Chromium');
    const context = browser.contexts()[0];
    const page = await context.newPage();
    const today = await firstRunSetUp(page, server.url);
    const target = today ? 'Today page' : 'first page (the app never became ready)';
    await page.evaluate(async () => {
      for (const r of (await navigator.serviceWorker?.getRegistrations()) ?? []) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    }).catch(() => {});
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache').catch(() => {});
    await page.goto('about:blank');

    const result = await lighthouse(server.url + '/', {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      disableStorageReset: true,
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error('no report');
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'today.lighthouse.json'), typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
    const score = (c) => (lhr.categories[c]?.score == null ? 'n/a' : Math.round(lhr.categories[c].score * 100));
    row(S, `performance (${target})`, score('performance'), lhr.runtimeError ? `runtime error: ${lhr.runtimeError.message}` : '');
    row(S, 'accessibility', score('accessibility'));
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
      const a = lhr.audits[id];
      if (a) row(S, `  ${a.title}`, a.displayValue ?? a.numericValue, '');
    }
    const failing = Object.values(lhr.categories.accessibility?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    if (failing.length) row(S, '  accessibility audits failing', failing.join(', '));
    row(S, '  full report', relative(ROOT, join(OUT, 'today.lighthouse.json')));
  } catch (e) {
    skipped(S, 'scores', e.message.split('\n')[0]);
  } finally {
    await browser?.close().catch(() => {});
    chrome.kill('SIGTERM');
    await new Promise((r) => (chrome.exitCode !== null ? r() : chrome.once('exit', r)));
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- (e) scale

// A child process of its own (it prints its table as it goes): seeding five
// branch-years takes minutes, and a dead tab must not take this run down.
async function scaleSeries(server) {
  const S = 'e. Scale series';
  console.log('\nScale series (benches/scale_series.mjs; seeding takes minutes):');
  const code = await new Promise((ok) => {
    const child = spawn(process.execPath, [join(ROOT, 'benches', 'scale_series.mjs'), server.url, '--scales', opt('scales', '1,2,5')], { stdio: 'inherit', cwd: ROOT });
    child.on('exit', (c) => ok(c));
  });
  if (code === 0) row(S, 'Today, memory and a save at each scale', 'see the table printed above', 'benches/scale_series.mjs');
  else skipped(S, 'series', `benches/scale_series.mjs exited with ${code}`);
}

// ---------------------------------------------------------------- main

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${DIST}/index.html not found: build first (scripts/build, or scripts/bench)`);
  process.exit(2);
}
const started = Date.now();
sizes();
const server = await serveStatic({ root: DIST });
console.log(`Serving ${DIST} on ${server.url}`);
try {
  const step = async (name, f) => {
    try {
      await f();
    } catch (e) {
      skipped(name, 'error', e.message.split('\n')[0]);
    }
  };
  if (flag('skip-app')) skipped('b. App', 'time to ready', '--skip-app');
  else await step('b. App', () => appReadiness(server));
  if (flag('skip-search')) skipped('c. Search baselines', 'search', '--skip-search');
  else await step('c. Search baselines', () => searchBaselines(server));
  if (flag('skip-lighthouse')) skipped('d. Lighthouse', 'scores', '--skip-lighthouse');
  else await step('d. Lighthouse', () => lighthouseToday(server));
  if (flag('skip-scale')) skipped('e. Scale series', 'series', '--skip-scale');
  else await step('e. Scale series', () => scaleSeries(server));
} finally {
  await server.close();
}
printTable();
console.log(`(benchmarks took ${((Date.now() - started) / 1000).toFixed(0)} s; figures only, no targets enforced)`);
