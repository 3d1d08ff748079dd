// The app in pieces (scripts/build, src/ui/pieces.rs): the first load
// is the shell and Today; the readers of the records Today does not show come
// just after the first paint; each area's piece comes when first opened, and the
// service worker fetches all of them after the first paint so that every
// area opens offline. A piece that cannot be fetched shows a message, the
// rest keeps working, and "Try again" loads it once the network is back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/static-server.mjs';
import { DIST, startServer, launchBrowser, newPage, axeCheck, formatViolations, OFFLINE_PROBE, pieceFiles, cached, controlledByWorker } from './harness.mjs';
import { startOrg, nav, mainNav } from './flows.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const FAILED = /This area could not be opened/;

test('the first load leaves the areas and first run out; after the first paint the worker fetches every piece, and offline every area opens', async () => {
  const pieces = pieceFiles();
  assert.ok(pieces.some((p) => p.startsWith('split_visits-')), `no piece for the return visits among ${pieces.length}`);
  const { context, page } = await newPage(browser, { locale: 'en-US', allow: [OFFLINE_PROBE] });
  const fetchedByPage = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (name.endsWith('.wasm')) fetchedByPage.push(name);
  });
  await startOrg(page, server.url, 'Sucursal Sur', 'Rosa Pinto');
  // First run came as a piece of its own; a later day's first load, Today
  // and the shell, comes from the main piece alone.
  assert.ok(fetchedByPage.some((n) => n.startsWith('split_first_run-')), `first run's piece was not fetched: ${fetchedByPage.join(', ')}`);
  fetchedByPage.length = 0;
  await page.reload();
  await page.getByRole('heading', { name: 'Hello, Rosa Pinto' }).waitFor();
  // After the first paint the records only some areas show get their
  // readers (the piece `later_records` and the chunks it shares): no area's
  // page comes with Today.
  const areaPieces = fetchedByPage.filter((n) => n.startsWith('split_') && !n.startsWith('split_later_records-'));
  assert.deepEqual(areaPieces, [], 'Today fetched area pieces');
  assert.ok(fetchedByPage.some((n) => n.startsWith('ventanilla-')), 'the main piece was not seen: the check would prove nothing');

  // The worker fetches the pieces in the background once Today is on screen.
  await cached(page, pieces);

  // Offline, the page itself comes from the worker: wait until it controls the page.
  await controlledByWorker(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Hello, Rosa Pinto' }).waitFor();
  const areas = await mainNav(page).getByRole('link', { includeHidden: true }).allInnerTexts();
  assert.ok(areas.length >= 13, `expected every area in the navigation, got ${areas.join(', ')}`);
  for (const area of areas.map((a) => a.trim()).filter((a) => a && a !== 'Today')) {
    await nav(page, area);
    const heading = page.locator('main h1').first();
    await heading.waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), FAILED, `${area} did not open offline`);
  }
  await page.goto(`${server.url}/handbook`).catch(() => {});
  await page.locator('main h1').first().waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), FAILED, 'the handbook did not open offline');
  await context.setOffline(false);
  await context.close();
});

/**
 * A page whose `piece` cannot be fetched until `unblock()`: no service
 * worker, so the request really reaches the (routed) network. The failed
 * request is the expected error; the loader's report of it is a warning
 * (scripts/assemble.mjs), so a console error from the loader fails the test.
 */
async function withBlockedPiece(piece, locale, allow = []) {
  return withBlocked(new RegExp(`/split_${piece}-[0-9a-f]{16}\\.wasm$`), locale, allow);
}

async function withBlocked(url, locale, allow = []) {
  const opened = await newPage(browser, {
    locale,
    serviceWorkers: 'block',
    allow: [
      { url, text: /^Failed to load resource/ },
      ...allow,
    ],
  });
  let blocked = true;
  await opened.context.route(url, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  return { ...opened, unblock: () => (blocked = false) };
}

test('a piece that cannot be fetched: the area says so, the rest keeps working, and Try again opens it', async () => {
  const { context, page, unblock } = await withBlockedPiece('visits', 'en-US');
  await startOrg(page, server.url, 'Sucursal Este', 'Iván Soto');

  await nav(page, 'Return visits');
  const alert = page.getByRole('alert').filter({ hasText: 'This area could not be opened' });
  await alert.waitFor();
  await alert.getByText(/The rest of the app keeps working/).waitFor();
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], formatViolations(violations));

  // The rest works: another area and Today.
  await nav(page, 'Customers');
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  await nav(page, 'Today');
  await page.getByRole('heading', { name: 'Hello, Iván Soto' }).waitFor();

  // The network is back: Try again opens the area, with no reload.
  await nav(page, 'Return visits');
  await alert.waitFor();
  unblock();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Return visits', level: 1 }).waitFor();
  assert.equal(await alert.count(), 0);
  await context.close();
});

test('the records only some areas show come in a piece after the first paint: when it cannot be fetched, Today and the other areas work, and those areas say so', async () => {
  const { context, page, unblock } = await withBlockedPiece('later_records', 'en-US');
  await startOrg(page, server.url, 'Sucursal Norte', 'Rita Gil');
  await page.getByRole('heading', { name: 'Hello, Rita Gil' }).waitFor();

  // An area that does not show them opens as usual.
  await nav(page, 'Return visits');
  await page.getByRole('heading', { name: 'Return visits', level: 1 }).waitFor();
  // One that does says it could not be opened, and offers to try again.
  await nav(page, 'Customers');
  const alert = page.getByRole('alert').filter({ hasText: 'This area could not be opened' });
  await alert.waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Customers', level: 1 }).count(), 0);

  unblock();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  assert.equal(await alert.count(), 0);
  await nav(page, 'Quality');
  await page.getByRole('heading', { name: 'Quality', level: 1 }).waitFor();
  await context.close();
});

test('Spanish: the message and the button are in the page language', async () => {
  const { context, page } = await withBlockedPiece('sync', 'es-ES');
  await page.goto(server.url);
  await page.getByLabel('Nombre de la organización').fill('Tienda');
  await page.getByLabel('Tu nombre').fill('Eva');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('heading', { name: /Eva/ }).waitFor();
  await page.goto(`${server.url}/sync`);
  await page.getByRole('alert').filter({ hasText: 'Esta sección no se pudo abrir' }).waitFor();
  await page.getByRole('button', { name: 'Intentar de nuevo' }).waitFor();
  await context.close();
});

test('the handbook is a file beside the pieces: when it cannot be fetched the page says so, and Try again shows it', async () => {
  const { context, page, unblock } = await withBlocked(/\/handbook-en\.txt$/, 'en-US');
  await startOrg(page, server.url, 'Tienda', 'Ana Ruiz');
  await page.goto(`${server.url}/handbook#R-LV-03`);
  const alert = page.getByRole('alert').filter({ hasText: 'This area could not be opened' });
  await alert.waitFor();
  unblock();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: /R-LV-03/, level: 3 }).waitFor();
  assert.equal(await alert.count(), 0);
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], formatViolations(violations));
  await context.close();
});

test('the words are a file per language: when it cannot be fetched the app says so in both languages, and Reload opens it', async () => {
  const { context, page, unblock } = await withBlocked(/\/words-en-[0-9a-f]{16}\.json$/, 'en-US');
  await page.goto(server.url);
  const alert = page.getByRole('alert').filter({ hasText: "Ventanilla's words could not be loaded" });
  await alert.waitFor();
  await alert.getByText(/No se pudieron cargar los textos/).waitFor();
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], formatViolations(violations));
  unblock();
  await page.getByRole('button', { name: 'Recargar · Reload' }).click();
  await page.getByLabel('Organisation name').waitFor();
  assert.equal(await alert.count(), 0);
  await context.close();
});

test('the other language is loaded when chosen: when it cannot be fetched the app says so and stays in its language', async () => {
  const { context, page, unblock } = await withBlocked(/\/words-es-[0-9a-f]{16}\.json$/, 'en-US');
  await startOrg(page, server.url, 'Tienda', 'Ana Ruiz');
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('alert').filter({ hasText: 'The Spanish words could not be loaded' }).waitFor();
  await page.getByRole('heading', { name: 'Hello, Ana Ruiz' }).waitFor();
  unblock();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { name: 'Hola, Ana Ruiz' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  await context.close();
});

test('the hub sync is a piece too: when it cannot be fetched, Sync now says so and the data stays as it was', async () => {
  const { context, page, unblock } = await withBlockedPiece('hub', 'en-US', [
    { url: /127\.0\.0\.1:9\//, text: /Failed to load resource|ERR_CONNECTION_REFUSED/ },
  ]);
  await startOrg(page, server.url, 'Tienda', 'Ana Ruiz');
  // A hub set up earlier (its address is never reached: the piece is missing).
  await page.evaluate(() =>
    localStorage.setItem('ventanilla.hub', JSON.stringify({ url: 'http://127.0.0.1:9/ventanilla', auth: 'basic', user: 'a', password: 'b', auto: false })),
  );
  await page.reload();
  await nav(page, 'Sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText(/The part of the app that syncs with the hub is not on this device/).first().waitFor();
  await nav(page, 'Today');
  await page.getByRole('heading', { name: 'Hello, Ana Ruiz' }).waitFor();
  // With the piece back, the same button reaches the (absent) hub instead.
  unblock();
  await nav(page, 'Sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.waitForFunction(() => !document.body.innerText.includes('The part of the app that syncs with the hub'));
  await context.close();
});

test('an update downloads only what changed: one area changed, its piece travels, the others and the main piece are copied', async () => {
  // The release a device has, then the next one: the team piece changed
  // (new bytes, new name), and with it the loader and the glue that name it,
  // index.html and the worker. Everything else is byte for byte the same.
  const root = mkdtempSync(join(tmpdir(), 'ventanilla-update-'));
  cpSync(DIST, root, { recursive: true });
  const requests = [];
  const local = await serveStatic({ root, host: '127.0.0.1', port: 0, log: (r) => requests.push(r) });
  try {
    const pieces = pieceFiles();
    const { context, page } = await newPage(browser, { locale: 'en-US' });
    await startOrg(page, local.url, 'Sucursal Oeste', 'Nora Gil');
    await cached(page, pieces);
    await controlledByWorker(page);

    const files = readdirSync(root);
    const one = (re) => files.find((f) => re.test(f));
    const team = one(/^split_team-[0-9a-f]{16}\.wasm$/);
    const loader = one(/^__wasm_split-[0-9a-f]{16}\.js$/);
    const glue = one(/^ventanilla-[0-9a-f]{16}\.js$/);
    assert.ok(team && loader && glue, `the build has a team piece, a loader and a glue file: ${files.join(', ')}`);
    const next = (name) => name.replace(/-[0-9a-f]{16}\./, '-00000000000000ff.');
    const rewrite = (file, pairs) => {
      let text = readFileSync(join(root, file), 'utf8');
      for (const [from, to] of pairs) text = text.split(from).join(to);
      return text;
    };
    const teamBytes = readFileSync(join(root, team));
    // A custom section at the end: still a valid module, different bytes.
    writeFileSync(join(root, next(team)), Buffer.concat([teamBytes, Buffer.from([0, 5, 4, 0x6e, 0x65, 0x78, 0x74])]));
    writeFileSync(join(root, next(loader)), rewrite(loader, [[team, next(team)], [glue, next(glue)]]));
    writeFileSync(join(root, next(glue)), rewrite(glue, [[loader, next(loader)]]));
    writeFileSync(join(root, 'index.html'), rewrite('index.html', [[glue, next(glue)]]));
    writeFileSync(join(root, 'sw.js'), rewrite('sw.js', [[team, next(team)], [loader, next(loader)], [glue, next(glue)]])
      .replace(/^const VERSION = '([0-9a-f]+)';/m, "const VERSION = '$1ff';"));
    for (const f of [team, loader, glue]) rmSync(join(root, f));
    for (const f of readdirSync(root).filter((f) => /\.(br|gz)$/.test(f))) rmSync(join(root, f));

    requests.length = 0;
    await page.reload();
    await page.waitForFunction((g) => [...document.scripts].some((s) => s.textContent.includes(g)), next(glue));
    await page.getByRole('heading', { name: 'Hello, Nora Gil' }).waitFor();
    await cached(page, [next(team), next(loader), next(glue)]);
    // The old version's cache is gone once the new worker is active.
    for (let i = 0; (await page.evaluate(() => caches.keys())).length !== 1; i++) {
      assert.ok(i < 120, 'the old version\'s cache is still there after 30 s');
      await page.waitForTimeout(250);
    }
    assert.match((await page.evaluate(() => caches.keys()))[0], /ff$/, 'the new version\'s cache is the one left');

    const travelled = requests.filter((r) => r.status === 200).map((r) => new URL(r.url, 'http://x').pathname.slice(1));
    const wasm = travelled.filter((f) => f.endsWith('.wasm'));
    assert.deepEqual(wasm, [next(team)], `the update fetched these pieces: ${wasm.join(', ')}`);
    assert.ok(travelled.includes(next(glue)) && travelled.includes(next(loader)), `the new glue and loader travelled: ${travelled.join(', ')}`);

    // And the changed area still opens, from the new piece.
    await nav(page, 'Team');
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    await context.close();
  } finally {
    await local.close();
    rmSync(root, { recursive: true, force: true });
  }
});
