// In-app figures for the foundation issue, measured in headless Chromium on
// the release build: time to an interactive Today page (empty and with
// 20,000 customers + 100,000 contacts), search latency per keystroke, and
// save latency with 100,000+ records stored. Prints figures; never fails on
// a target. Usage: node benches/app_figures.mjs <base-url>
import { launchBrowser, newPage } from '../tests/e2e/harness.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const med = (xs) => pct(xs, 0.5);
const fmt = (x) => x.toFixed(2);

// Each prefix of each query is one keystroke.
export const QUERIES = ['garcia', 'martinez lopez', 'perez', '600', 'socio', 'maria jose', 'fernandez', 'rodriguez'];
export const KEYSTROKES = QUERIES.flatMap(q => [...q].map((_, i) => q.slice(0, i + 1)));

async function setUp(page) {
  await page.goto(base);
  await page.getByLabel('Organisation name').fill('Bench');
  await page.getByLabel('Your name').fill('Bench Director');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.locator('body[data-ready="true"]').waitFor();
}

async function timeToReady(page, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.goto(base, { waitUntil: 'commit' });
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 60000 });
    times.push(Date.now() - t0);
  }
  return times;
}

export async function appFigures() {
  const browser = await launchBrowser();
  const { page } = await newPage(browser, { locale: 'en-US' });
  const out = {};
  try {
    await setUp(page);
    out.readyEmpty = await timeToReady(page);
    // A year of a branch in memory: the standards page and the monthly report.
    out.yearReports = Array.from(await page.evaluate(() => window.wasmBindings.benchYearReports()));

    const seedMs = await page.evaluate(() => window.wasmBindings.benchSeedLarge(20000, 100000));
    const counts = await page.evaluate(() => window.wasmBindings.benchCounts());
    out.seedMs = seedMs;
    out.counts = counts;
    out.readyLarge = await timeToReady(page);

    // limit 0: no limit, as the customer list asks; 50: as the baselines.
    out.search = Array.from(await page.evaluate((qs) => window.wasmBindings.benchSearch(qs, 0, 10), KEYSTROKES));
    out.search50 = Array.from(await page.evaluate((qs) => window.wasmBindings.benchSearch(qs, 50, 10), KEYSTROKES));

    // Search as typed in the UI: keystroke to the result count updating.
    await page.goto(base + '/customers');
    await page.locator('body[data-ready="true"]').waitFor();
    const box = page.getByLabel('Search customers');
    const uiTimes = [];
    for (const q of QUERIES.slice(0, 4)) {
      await box.fill('');
      for (const ch of q) {
        const t = await page.evaluate(async (c) => {
          const input = document.getElementById('customer-search');
          const t0 = performance.now();
          input.value += c;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise(r => requestAnimationFrame(() => r()));
          return performance.now() - t0;
        }, ch);
        uiTimes.push(t);
      }
    }
    out.searchUi = uiTimes;

    out.save = Array.from(await page.evaluate(() => window.wasmBindings.benchSave(60)));
  } finally {
    await browser.close();
  }
  return out;
}

export function printAppFigures(f) {
  const rows = [
    ['Today interactive, empty store (median of 5)', `${med(f.readyEmpty)} ms`, 'target < 1500 ms'],
    [`Today interactive, ${f.counts?.[0]} customers + ${f.counts?.[1]} contacts (median of 5)`, `${med(f.readyLarge)} ms (max ${Math.max(...f.readyLarge)})`, 'target < 1500 ms'],
    ['Generating + storing the large set', `${Math.round(f.seedMs)} ms`, ''],
    [`Search per keystroke (${f.search.length}), no limit (the list's path), median / p95`, `${fmt(med(f.search))} / ${fmt(pct(f.search, 0.95))} ms`, 'target p95 < 16 ms'],
    [`Search per keystroke (${f.search50.length}), limit 50, median / p95`, `${fmt(med(f.search50))} / ${fmt(pct(f.search50, 0.95))} ms`, ''],
    ['Search typed in the UI, to next frame, median / p95', `${fmt(med(f.searchUi))} / ${fmt(pct(f.searchUi, 0.95))} ms`, ''],
    ['Save one customer with 120,000 records stored, median / p95', `${fmt(med(f.save))} / ${fmt(pct(f.save, 0.95))} ms`, 'target p95 < 20 ms'],
    ['Standards page over a year of a branch (100,000 contacts), computed', `${fmt(f.yearReports[0])} ms`, 'target < 300 ms'],
    ['Monthly report over a year of a branch, computed', `${fmt(f.yearReports[1])} ms`, 'target < 300 ms'],
  ];
  for (const [what, value, target] of rows) console.log(`${what.padEnd(78)} ${value.padEnd(26)} ${target}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await appFigures();
  printAppFigures(f);
}
