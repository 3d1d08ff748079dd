// The closed history (src/domain/history): start-up reads the open work
// and a trace of each closed record (a done contact, a visit made). A
// customer's page reads that customer's closed records only; the areas that
// list closed records read the whole history the first time one opens.
//
// The store is seeded with the scale series' generator (benchSeedScale):
// one branch-year by default, VENTANILLA_HISTORY_SCALE=5 for five (about
// a minute to seed; run by hand, see the README's figures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage } from './harness.mjs';
import { startOrg, nav, openCustomer } from './flows.mjs';

const SCALE = Number(process.env.VENTANILLA_HISTORY_SCALE ?? 1);

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const history = (page) => page.evaluate(() => JSON.parse(window.wasmBindings.benchHistory()));

test(`a customer whose contacts all closed long ago is found by search and their timeline opens, at ${SCALE}x a branch-year, on a store that did not read them at start-up`, async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Sucursal Norte', 'Marta Gil');
  const parts = await page.evaluate(() => window.wasmBindings.benchScaleParts());
  for (let part = 0; part < parts; part++) {
    await page.evaluate(([t, p]) => window.wasmBindings.benchSeedScale(t, p), [SCALE, part]);
  }
  await page.reload();
  await page.getByRole('heading', { name: 'Hello, Marta Gil' }).waitFor({ timeout: 120000 });

  // Start-up read the open work: the closed contacts are known by a trace.
  const atStart = await history(page);
  assert.equal(atStart.read, false, 'the history was read at start-up');
  assert.ok(atStart.traced > 80000 * SCALE, `only ${atStart.traced} closed records traced`);
  assert.ok(atStart.contactsHeld < 5000 * SCALE, `${atStart.contactsHeld} contacts held whole at start-up`);

  // The customer whose latest contact is the oldest, every one of them done.
  const closed = atStart.oldestClosedCustomer;
  assert.ok(closed && closed.contacts >= 1, `no closed customer: ${JSON.stringify(closed)}`);
  await openCustomer(page, closed.name);
  await page.getByRole('heading', { name: closed.name }).waitFor({ timeout: 30000 });
  const timeline = page.getByRole('list', { name: /Contact timeline/ });
  await timeline.waitFor();
  assert.equal(await timeline.getByRole('listitem').count(), closed.contacts);
  assert.match(await timeline.innerText(), /Done/);

  // Only that customer's closed records were read (and those of any
  // customer sharing a phone or e-mail with them, whom a merge would move).
  const afterPage = await history(page);
  assert.equal(afterPage.read, false, 'opening one customer read the whole history');
  assert.ok(afterPage.traced <= atStart.traced - closed.contacts - closed.visits, `${atStart.traced} -> ${afterPage.traced}`);
  assert.ok(afterPage.traced > atStart.traced - 200, `${atStart.traced} -> ${afterPage.traced}: more than one customer's read`);

  // The contacts list shows closed ones too: it reads the whole history.
  await nav(page, 'Contacts');
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor({ timeout: 120000 });
  const whole = await history(page);
  assert.equal(whole.read, true);
  assert.equal(whole.traced, 0);
  await context.close();
});
