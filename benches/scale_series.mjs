// The scale series (issue 17): the store seeded with 1, 2 and 5 years of a
// branch's history (20,000 customers, 100,000 contacts, 2,000 complaints and
// 10,000 return visits each; four in five complaints and visits closed, every
// contact older than a week done) through the `benchSeedScale` hook, a part
// at a time; then, per scale, the time to an interactive Today over three
// reloads (after a first start that does the one-time work and is timed
// apart), the memory after start-up (JS heap after a collection, the wasm
// memory, the whole tab's resident memory) and a save's latency. Prints a
// table; never fails on a target. A tab that dies is reported as such.
// Usage: node benches/scale_series.mjs <base-url> [--scales 1,2,5]
import { readFileSync } from 'node:fs';
import { launchBrowser, newPage } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const base = args.find((a) => !a.startsWith('--')) ?? 'http://127.0.0.1:8080';
const at = args.indexOf('--scales');
const SCALES = (at >= 0 ? args[at + 1] : '1,2,5').split(',').map(Number).filter((n) => n > 0);
const RELOADS = 3;

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

async function firstRun(page) {
  await page.goto(base);
  await page.getByLabel('Organisation name').fill('Bench');
  await page.getByLabel('Your name').fill('Bench Director');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60000 });
}

// Resident memory of the tab's renderer processes (Linux /proc; the
// browser's own process and the GPU process are not the tab's).
async function tabResident(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  let total = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    total += kb * 1024;
  }
  return total;
}

// The first start after seeding does one-time work: the return visits
// that fell due over the seeded history are made, one large save
// (R-CUS-05). A reload in the middle cuts it short and the next start does
// it again, so the timed reloads would measure it instead of a start-up
// (it raised "wasm memory" threefold at 1×). Open once and wait until
// nothing more is saved: the action log stands still for two seconds.
async function firstStart(page) {
  const start = Date.now();
  await page.goto(base, { waitUntil: 'commit' });
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 180000 });
  const actions = () => page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('ventanilla');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const count = db.transaction('actions').objectStore('actions').count();
      count.onsuccess = () => { db.close(); ok(count.result); };
      count.onerror = () => { db.close(); fail(count.error); };
    };
  }));
  let last = await actions();
  let still = 0;
  while (still < 4 && Date.now() - start < 300000) {
    await page.waitForTimeout(500);
    const now = await actions();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return Date.now() - start;
}

async function oneScale(browser, times) {
  const out = { times };
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  let died = null;
  page.on('crash', () => { died = 'the tab crashed'; });
  try {
    await firstRun(page);
    const parts = await page.evaluate(() => window.wasmBindings.benchScaleParts());
    const t0 = Date.now();
    for (let part = 0; part < parts; part++) {
      await page.evaluate(([t, p]) => window.wasmBindings.benchSeedScale(t, p), [times, part]);
    }
    out.seedMs = Date.now() - t0;
    out.firstStartMs = await firstStart(page);
    out.ready = [];
    for (let i = 0; i < RELOADS; i++) {
      const start = Date.now();
      await page.goto(base, { waitUntil: 'commit' });
      await page.locator('body[data-ready="true"]').waitFor({ timeout: 180000 });
      out.ready.push(Date.now() - start);
    }
    out.counts = Array.from(await page.evaluate(() => window.wasmBindings.benchCounts()));
    // After the first paint: the search index and the later kinds.
    await page.waitForTimeout(3000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    out.jsHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    out.wasm = await page.evaluate(() => window.wasmBindings.benchWasmMemory());
    out.tab = await tabResident(browser);
    out.save = Array.from(await page.evaluate(() => window.wasmBindings.benchSave(30)));
  } catch (e) {
    out.error = died ?? String(e.message ?? e).split('\n')[0];
  } finally {
    await context.close().catch(() => {});
  }
  return out;
}

export async function scaleSeries(scales = SCALES) {
  const rows = [];
  for (const times of scales) {
    // A browser per scale: one scale's dead tab never takes the next down.
    const browser = await launchBrowser();
    try {
      rows.push(await oneScale(browser, times));
    } finally {
      await browser.close().catch(() => {});
    }
  }
  return rows;
}

export function printScaleSeries(rows) {
  const head = ['scale', 'records (cust / cont)', 'seeding', 'first start', 'Today ready (3 reloads)', 'JS heap', 'wasm memory', 'tab resident', 'save median / p95'];
  console.log(head.join(' | '));
  const one = rows.find((r) => r.times === 1 && !r.error);
  for (const r of rows) {
    if (r.error) {
      console.log(`${r.times}× | ${r.seedMs ? `seeded in ${(r.seedMs / 1000).toFixed(1)} s, then ` : ''}failed: ${r.error}`);
      continue;
    }
    const ratio = (key) => (one && r.times !== 1 ? ` (${(r[key] / one[key]).toFixed(2)}× 1×)` : '');
    console.log([
      `${r.times}×`,
      `${r.counts[0]} / ${r.counts[1]}`,
      `${(r.seedMs / 1000).toFixed(1)} s`,
      `${(r.firstStartMs / 1000).toFixed(1)} s`,
      `${r.ready.join(', ')} ms`,
      mb(r.jsHeap) + ratio('jsHeap'),
      mb(r.wasm) + ratio('wasm'),
      mb(r.tab) + ratio('tab'),
      `${pct(r.save, 0.5).toFixed(1)} / ${pct(r.save, 0.95).toFixed(1)} ms`,
    ].join(' | '));
  }
  console.log('targets: Today ≤ 1.0 s at 1× and ≤ 1.5 s at 5×; memory at 5× ≤ 2× 1× and the tab < 500 MB; save p95 ≤ 20 ms');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printScaleSeries(await scaleSeries());
}
