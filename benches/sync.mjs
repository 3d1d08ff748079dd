// Sync figures (issue "Sync"), all in one headless Chromium run of the
// release build. Prints figures; enforces no target.
//
//   node benches/sync.mjs [--dist dist] [--ops 100000] [--customers 20000]
//                         [--skip-automerge] [--skip-hub] [--skip-large]
//
// (1) a bundle of N field operations from another device applied to a store
//     holding 20,000 customers (and again with 100,000 contacts as well):
//     check + one IndexedDB transaction + the model refresh, through the
//     app's own import path;
// (2) the same N field changes applied with Automerge 3 (npm) in the same
//     browser, every string an ImmutableString (one register per field, as
//     Ventanilla writes one value per field): applyChanges, then save() of
//     the merged document (Ventanilla's figure includes its IndexedDB
//     commit), as a ratio to (1) measured in this run;
// (3) bundle bytes per operation, raw and gzip;
// (4) full push, then full pull, of N operations through pouchdb-server on
//     loopback (the app's own sync code, pages of 50 documents).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, newPage, startPouchServer, pouchServerInstalled } from '../tests/e2e/harness.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);
const DIST = resolve(opt('dist', join(ROOT, 'dist')));
const OPS = Number(opt('ops', 100000));
const CUSTOMERS = Number(opt('customers', 20000));

const lines = [];
const say = (what, value, note = '') => {
  const line = `  ${what.padEnd(58)} ${String(value).padStart(12)}  ${note}`;
  lines.push(line);
  console.log(line);
};

async function setUp(page, base) {
  await page.goto(base + '/');
  await page.getByLabel('Organisation name').or(page.getByLabel('Nombre de la organización')).first().fill('Bench');
  await page.getByLabel('Your name').or(page.getByLabel('Tu nombre')).first().fill('Bench Director');
  await page.getByRole('button', { name: /Get started|Empezar|Comenzar/ }).first().click();
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60000 });
  await page.waitForFunction(() => window.wasmBindings?.benchImport);
}

async function applyFigures(browser, base, contacts) {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await setUp(page, base);
  await page.evaluate(([c, k]) => window.wasmBindings.benchSeedLarge(c, k), [CUSTOMERS, contacts]);
  const texts = await page.evaluate((n) => window.wasmBindings.benchMakeBundles(n), OPS);
  const raw = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const gz = texts.reduce((s, t) => s + gzipSync(Buffer.from(t), { level: 9 }).length, 0);
  const [ms, check, tx, screens] = await page.evaluate((t) => window.wasmBindings.benchImport(t), texts);
  say(`apply ${OPS} field ops, store of ${CUSTOMERS} customers + ${contacts} contacts`, `${ms.toFixed(0)} ms`, `browser, incl. IndexedDB; ${texts.length} bundle(s); target < 1000 ms`);
  say('  of which: check (parse, hash, decode)', `${check.toFixed(0)} ms`);
  say('  of which: the import transaction (read, merge, write buckets)', `${tx.toFixed(0)} ms`);
  say('  of which: refreshing the typed model and search index', `${screens.toFixed(0)} ms`);
  say('bundle bytes per operation, raw', (raw / OPS).toFixed(1), 'target <= 100');
  say('bundle bytes per operation, gzip', (gz / OPS).toFixed(1), 'target <= 15');
  await context.close();
  return ms;
}

async function automergeFigure(browser, ventanillaMs) {
  const pkgDir = join(ROOT, 'node_modules', '@automerge', 'automerge');
  if (!existsSync(join(pkgDir, 'package.json'))) {
    say('Automerge baseline', 'skipped', 'npm @automerge/automerge not installed (scripts/setup)');
    return;
  }
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const { context, page } = await newPage(browser);
  await page.goto('about:blank');
  await page.addScriptTag({ path: join(pkgDir, 'dist', 'iife', 'iife.js') });
  const wasm = readFileSync(join(pkgDir, 'dist', 'automerge.wasm')).toString('base64');
  await page.evaluate((b64) => window.Automerge.initializeBase64Wasm(b64), wasm);
  const r = await page.evaluate(
    ([customers, ops]) => {
      const A = window.Automerge;
      // Every string is an ImmutableString: one last-writer-wins register
      // per field, as Ventanilla stores a field (a plain JS string would be
      // collaborative text, about one op per character). Tags are a list of
      // such strings.
      const S = (v) => new A.ImmutableString(v);
      // Not timed: a document holding the customers, and another actor's
      // copy that makes the same field changes Ventanilla's bundle carries
      // (src/domain/demo/bench.rs customer_field_edits: same fields, same
      // values, same order).
      let base = A.change(A.init(), (d) => {
        d.customers = {};
        for (let i = 0; i < customers; i++) d.customers['c' + i] = { name: S('Cliente ' + i), notes: S(''), email: S(''), source: S(''), card_number: S(''), tags: [] };
      });
      let other = A.clone(base);
      const fields = ['notes', 'email', 'source', 'card_number', 'tags'];
      const value = (field, i) => {
        if (field === 'email') return S(`cliente${i}@example.es`);
        if (field === 'card_number') return S(String(i).padStart(12, '0'));
        if (field === 'tags') return [S('bench'), S('t' + (i % 7))];
        return S(`${field} ${i}`);
      };
      for (let start = 0; start < ops; start += 1000) {
        other = A.change(other, (d) => {
          for (let i = start; i < Math.min(ops, start + 1000); i++) {
            const field = fields[Math.floor(i / customers) % fields.length];
            d.customers['c' + (i % customers)][field] = value(field, i);
          }
        });
      }
      const changes = A.getChanges(base, other);
      const changeOps = A.stats(other).numOps - A.stats(base).numOps;
      const t0 = performance.now();
      const [merged] = A.applyChanges(base, changes);
      const t1 = performance.now();
      const bytes = A.save(merged);
      const t2 = performance.now();
      // The changes really were applied, as registers.
      const notes = merged.customers.c0.notes;
      if (!A.isImmutableString(notes) || notes.toString() !== 'notes 0') throw new Error(`Automerge did not apply the changes (c0.notes = ${JSON.stringify(notes)})`);
      const last = ops - 1;
      const lastField = fields[Math.floor(last / customers) % fields.length];
      const got = merged.customers['c' + (last % customers)][lastField];
      const want = value(lastField, last);
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`Automerge did not apply the last change (${lastField} = ${JSON.stringify(got)}, want ${JSON.stringify(want)})`);
      return { apply: t1 - t0, save: t2 - t1, bytes: bytes.length, changes: changes.length, changeOps };
    },
    [CUSTOMERS, OPS],
  );
  const note = `browser, in memory; ${r.changes} changes, ${r.changeOps} ops; strings as ImmutableString (registers)`;
  say(`Automerge ${version}: applyChanges of the same ${OPS} changes`, `${r.apply.toFixed(0)} ms`, note);
  say('  Automerge save() of the merged document', `${r.save.toFixed(0)} ms`, `${(r.bytes / 1024 / 1024).toFixed(1)} MB`);
  say('  Automerge applyChanges + save', `${(r.apply + r.save).toFixed(0)} ms`);
  if (ventanillaMs) {
    say('Ventanilla apply (this run, first figure above)', `${ventanillaMs.toFixed(0)} ms`, 'incl. check, IndexedDB commit, model refresh');
    say('Automerge (apply+save) / Ventanilla', `${((r.apply + r.save) / ventanillaMs).toFixed(1)}x`, 'target >= 10x');
    say('Automerge (applyChanges only) / Ventanilla', `${(r.apply / ventanillaMs).toFixed(1)}x`);
  }
  await context.close();
}

async function hubFigures(browser, base) {
  if (!pouchServerInstalled()) {
    say('push / pull through pouchdb-server', 'skipped', 'scripts/setup --pouchdb');
    return;
  }
  const couch = await startPouchServer();
  try {
    const db = `${couch.url}/bench`;
    await fetch(db, { method: 'PUT' });
    const a = await newPage(browser, { locale: 'en-US' });
    await setUp(a.page, base);
    await a.page.evaluate((n) => window.wasmBindings.benchCommitOps(n, 1000), OPS);
    const [pushMs, pushed] = await a.page.evaluate((url) => window.wasmBindings.benchHubSync(url), db);
    say(`push ${OPS} ops to pouchdb-server (loopback)`, `${pushMs.toFixed(0)} ms`, `${pushed} bundle(s); target < 2000 ms`);
    const b = await newPage(browser, { locale: 'en-US' });
    await b.page.goto(base + '/');
    await b.page.getByLabel('Organisation name').waitFor({ timeout: 60000 });
    const [pullMs, , pulled] = await b.page.evaluate((url) => window.wasmBindings.benchHubSync(url), db);
    say(`pull ${OPS} ops from pouchdb-server into a new device`, `${pullMs.toFixed(0)} ms`, `${pulled} bundle(s) incl. IndexedDB; target < 2000 ms`);
    await a.context.close();
    await b.context.close();
  } finally {
    await couch.close();
  }
}

const server = await serveStatic({ root: DIST, host: '127.0.0.1', port: 0 });
const browser = await launchBrowser();
try {
  console.log(`\n== Sync (${OPS} operations, ${CUSTOMERS} customers; release build in ${DIST})`);
  const ventanillaMs = await applyFigures(browser, server.url, 0);
  if (!flag('skip-large')) await applyFigures(browser, server.url, CUSTOMERS * 5);
  if (!flag('skip-automerge')) await automergeFigure(browser, ventanillaMs);
  if (!flag('skip-hub')) await hubFigures(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
