// Storage faults, as a person meets them: the browser
// erases the site's storage (the first-run page says what happened and how
// to get the data back), the database is deleted from another tab (this
// tab says so and offers a reload instead of "try again"), and an import
// in one tab shows at once in the other open tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, startOrg, newCustomer, exportFiles, importFiles } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const ERASED = "Ventanilla's data in this browser was erased";

test('storage fault: storage erased by the browser is said on the first-run page, with what to do, until the device has data again', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Tienda Borrada', 'Eva Directora');
  await newCustomer(page, 'Cliente Perdido', '600 000 999');

  // The browser evicts the site's IndexedDB (localStorage survives), as
  // Safari does after a week without use, or any browser short of disk.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: server.url, storageTypes: 'indexeddb' });
  // The open tab notices its database closed: it says so and offers a reload.
  await page.getByRole('alert').filter({ hasText: 'This tab can no longer save' }).waitFor();
  await page.getByRole('button', { name: 'Reload the page' }).click();

  // First run again, and the page says why and what to do.
  await page.getByLabel('Organisation name').waitFor();
  const notice = page.getByRole('alert').filter({ hasText: ERASED });
  await notice.waitFor();
  const words = await notice.innerText();
  assert.match(words, /import your latest backup or a snapshot from another device below/);
  assert.match(words, /join from your CouchDB hub/);
  // Still said after another reload, as long as the device holds nothing.
  await page.reload();
  await page.getByLabel('Organisation name').waitFor();
  await notice.waitFor();

  // Starting afresh: once the device holds an organisation, it is not repeated.
  await startOrg(page, server.url, 'Tienda Nueva', 'Eva Directora');
  await page.reload();
  await page.getByRole('heading', { name: 'Hello, Eva Directora' }).waitFor();
  assert.equal(await page.getByText(ERASED).count(), 0);
  assert.equal(await page.getByText("The browser erased this site's saved data").count(), 0);
  await context.close();
});

test('storage fault: a database deleted from another tab: this tab says what happened and to reload, never "try again"', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Tienda Dos Pestañas', 'Luis Director');
  await newCustomer(page, 'Antes Del Borrado', '611 000 111');
  await nav(page, 'Customers');
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Name').fill('Escrito Después');

  // Another tab of the app deletes the database (as devtools or an
  // "erase this device" would).
  const other = await context.newPage();
  await other.goto(server.url + '/customers');
  await other.getByLabel('Search customers').waitFor();
  await other.evaluate(() => new Promise((ok, fail) => {
    const r = indexedDB.deleteDatabase('ventanilla');
    r.onsuccess = () => ok();
    r.onerror = () => fail(r.error);
    r.onblocked = () => fail(new Error('delete blocked: an open tab did not step aside'));
  }));

  const deleted = "Ventanilla's data in this browser was deleted";
  await page.getByRole('alert').filter({ hasText: deleted }).first().waitFor();
  // Saving says the same at once; what was typed stays on screen.
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('form').getByText(deleted).waitFor();
  assert.equal(await page.getByLabel('Name').inputValue(), 'Escrito Después');
  assert.doesNotMatch(await page.locator('body').innerText(), /try again/i);
  // The other tab, whose connection was closed too, says it as well.
  await other.getByRole('alert').filter({ hasText: deleted }).waitFor();

  // Reload: a first run, which says the data was erased and how to get it back.
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await page.getByLabel('Organisation name').waitFor();
  await page.getByRole('alert').filter({ hasText: ERASED }).waitFor();
  await context.close();
});

test('cross-tab news: an import in one tab shows in another open tab at once, without reload', async () => {
  const a = await newPage(browser, { locale: 'en-US' });
  await startOrg(a.page, server.url, 'Tienda Centro', 'Ana Directora');
  const snapshot = await exportFiles(a.page, 'Export everything (snapshot)');

  // Another device joins from the snapshot and adds a customer.
  const b = await newPage(browser, { locale: 'en-US' });
  await b.page.goto(server.url);
  await importFiles(b.page, snapshot, { joining: true });
  await b.page.getByRole('button', { name: /Ana Directora/ }).click();
  await b.page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();
  await newCustomer(b.page, 'Llegada Por Archivo', '622 444 555');
  const changes = await exportFiles(b.page, 'Export changes since last export');

  // On device A a second tab shows the customer list.
  const other = await a.context.newPage();
  await other.goto(server.url + '/customers');
  await other.getByLabel('Search customers').waitFor();
  await other.getByText('0 of 0 customers').waitFor();

  const said = await importFiles(a.page, changes);
  assert.match(said, /^[1-9]\d* records? updated\.$/);
  const started = Date.now();
  await other.getByRole('link', { name: /Llegada Por Archivo/ }).waitFor({ timeout: 2000 });
  await other.getByText('1 of 1 customer').waitFor();
  console.log(`  the other tab showed the imported customer after ${Date.now() - started} ms`);
  await a.context.close();
  await b.context.close();
});

test('Settings → Storage: what each part of the database holds, on request, in both languages', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Tienda Sur', 'Lola Ríos');
  await newCustomer(page, 'Ramón Díaz', '600 123 456');
  await nav(page, 'Settings');
  await page.getByRole('button', { name: 'Show what each part holds' }).click();
  const table = page.getByRole('table', { name: "What each part of this browser's database holds" });
  await table.waitFor();
  const row = (name) => table.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
  for (const part of ['Records with their change stamps', 'Open work (what start-up reads)', 'Closed history (read when a screen that shows it opens)', 'Summary of each group of records (conflicts and devices)', "This device's action log", 'Changes sealed for other devices', 'Change files imported or exported', 'Clock and sync checkpoints']) {
    await row(part).waitFor();
  }
  // The organisation, its first person and the customer: saved, so each of
  // these parts holds rows and text now.
  const cells = async (name) => (await row(name).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  const [records, size] = await cells('Records with their change stamps');
  assert.ok(Number(records) >= 1, `records: ${records}`);
  assert.match(size, /^\d[\d.,]* (B|KB|MB)$/);
  const [summaries] = await cells('Summary of each group of records (conflicts and devices)');
  assert.ok(Number(summaries) >= 1, `summaries: ${summaries}`);
  const [actions] = await cells("This device's action log");
  assert.ok(Number(actions) >= 2, `actions: ${actions}`);
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], formatViolations(violations));

  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Ver qué ocupa cada parte' }).click();
  await page.getByRole('table', { name: 'Lo que guarda cada parte de la base de datos de este navegador' }).getByRole('row', { name: /^Registro de acciones de este dispositivo/ }).waitFor();
  await context.close();
});
