// No internals on screen. Two devices (browser contexts) with names people
// gave them ("Tablet mostrador", set at first run and renamed in Settings;
// "Caja 2", asked for on the Sync page) edit the same customer's phones
// while offline and exchange files. The import preview names the sending
// device (the name the file carries wins), and the conflict list says
// "Phones", the numbers as the form shows them, and which device, never
// the field's key, JSON or a hex id. The rules handbook opens on a rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations, screenshot, OFFLINE_PROBE, readyForOffline } from './harness.mjs';
import { nav, startOrg, newCustomer, openCustomer, exportFiles, importFiles } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const HEX_ID = /\b[0-9a-f]{16}\b/;

async function setPhones(page, customer, phones) {
  await openCustomer(page, customer);
  await page.getByRole('link', { name: 'Edit customer' }).click();
  await page.getByLabel('Phones').fill(phones);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: customer }).waitFor();
}

async function axeClean(page, where) {
  const v = await axeCheck(page);
  assert.equal(v.length, 0, `${where}:\n${formatViolations(v)}`);
}

test('named devices exchange files; the conflict list says Phones, the numbers and the device names', async () => {
  const a = await newPage(browser, { locale: 'en-US', allow: [OFFLINE_PROBE] });
  await startOrg(a.page, server.url, 'Tienda Centro', 'Ana Directora', { device: 'Tablet' });
  await newCustomer(a.page, 'Nicolás Ibáñez', '600 222 333');

  // B joins from A's snapshot; the preview names A, not its id.
  const snapshot = await exportFiles(a.page, 'Export everything (snapshot)');
  const b = await newPage(browser, { locale: 'en-US', allow: [OFFLINE_PROBE] });
  await b.page.goto(server.url);
  await b.page.getByLabel('Choose one or more Ventanilla files').setInputFiles(snapshot);
  const joinPreview = b.page.getByRole('table', { name: 'Contents before applying' });
  await joinPreview.getByRole('cell', { name: 'Tablet', exact: true }).waitFor();
  assert.doesNotMatch(await joinPreview.innerText(), HEX_ID);
  await b.page.getByRole('button', { name: 'Apply all' }).click();
  await b.page.getByRole('heading', { name: 'Who are you?' }).waitFor();
  await b.page.getByRole('button', { name: /Ana Directora/ }).click();
  await b.page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();

  // B has no name yet: the Sync page asks for one, once named it stops.
  await nav(b.page, 'Sync');
  await b.page.getByRole('heading', { name: 'Name this device' }).waitFor();
  await axeClean(b.page, 'sync, unnamed');
  await screenshot(b.page, 'sync-name-this-device');
  await b.page.getByLabel('Name of this device').fill('Caja 2');
  await b.page.getByRole('button', { name: 'Save the name' }).click();
  await b.page.getByRole('heading', { name: 'Name this device' }).waitFor({ state: 'detached' });

  // A renames itself in Settings: B knows "Tablet", the file says otherwise.
  await nav(a.page, 'Settings');
  const field = a.page.getByLabel('Name of this device');
  assert.equal(await field.inputValue(), 'Tablet');
  await field.fill('Tablet mostrador');
  await a.page.getByRole('button', { name: 'Save the name' }).click();
  await a.page.getByText('Device name saved').first().waitFor();
  assert.doesNotMatch(await a.page.locator('main').innerText(), HEX_ID, 'the id stays folded away');
  await axeClean(a.page, 'settings');
  await screenshot(a.page, 'settings-device-name');

  // Offline, both change the same customer's phones.
  await readyForOffline(a.page);
  await readyForOffline(b.page);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await setPhones(a.page, 'Nicolás Ibáñez', '+34 655 222 222');
  await setPhones(b.page, 'Nicolás Ibáñez', '+34 600 999 888');

  const fromA = await exportFiles(a.page, 'Export changes since last export');
  const fromB = await exportFiles(b.page, 'Export changes since last export');
  for (const [{ page }, files, sender] of [[b, fromA, 'Tablet mostrador'], [a, fromB, 'Caja 2']]) {
    await page.getByLabel('Choose one or more Ventanilla files').setInputFiles(files);
    const preview = page.getByRole('table', { name: 'Contents before applying' });
    await preview.waitFor();
    assert.equal(await preview.getByRole('columnheader', { name: 'From device' }).count(), 1);
    await preview.getByRole('cell', { name: sender, exact: true }).first().waitFor();
    assert.doesNotMatch(await preview.innerText(), HEX_ID);
    await page.getByRole('button', { name: 'Apply all' }).click();
    await page.getByRole('status').filter({ hasText: /records updated/ }).waitFor();
  }

  // The conflict list, on both devices, in the form's words.
  for (const [{ page }, me] of [[a, 'Tablet mostrador'], [b, 'Caja 2']]) {
    await nav(page, 'Sync');
    const table = page.getByRole('table', { name: 'Conflicts' });
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Phones', exact: true }) });
    await row.first().waitFor();
    assert.equal(await row.count(), 1, 'one conflict on the phones');
    const text = await row.innerText();
    assert.match(text, /Customer: Nicolás Ibáñez/);
    assert.match(text, /\+34 655 222 222/);
    assert.match(text, /\+34 600 999 888/);
    // The lost value's device, by its name ("(this device)" when it is this one).
    const loser = text.includes('Tablet mostrador') ? 'Tablet mostrador' : 'Caja 2';
    assert.match(text, new RegExp(loser));
    if (loser === me) assert.match(text, /\(this device\)/);
    const all = await table.innerText();
    assert.doesNotMatch(all, /phones/, 'never the field key');
    assert.doesNotMatch(all, /[[\]{}"]/, 'never JSON');
    assert.doesNotMatch(all, HEX_ID, 'never a device id');
    await axeClean(page, 'sync, conflicts');
    await screenshot(page, `conflict-words-${me}`);
  }
  await a.context.close();
  await b.context.close();
});

test('the rules handbook opens on the rule a link names, in both languages, and Settings links to it', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Tienda Norte', 'Rosa');
  await nav(page, 'Settings');
  await page.getByRole('link', { name: 'Read the rules handbook' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ventanilla: the rules of the department' }).waitFor();
  await axeClean(page, 'handbook');

  // A link from a refusal opens a new tab on the rule itself.
  await page.goto(`${server.url}/handbook#R-LV-03`);
  const rule = page.getByRole('heading', { level: 3, name: 'R-LV-03 Who approves, with no level skipped' });
  await rule.waitFor();
  await page.waitForFunction(() => {
    const el = document.getElementById('R-LV-03');
    const r = el?.getBoundingClientRect();
    return r && r.top >= 0 && r.top < window.innerHeight / 2;
  });
  await screenshot(page, 'handbook-r-lv-03');
  // Rule ids inside the text link to their rule on the same page.
  await page.getByRole('link', { name: 'R-RV-01' }).first().click();
  await page.waitForFunction(() => location.hash === '#R-RV-01');

  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ventanilla: las normas del departamento' }).waitFor();
  await page.getByRole('heading', { level: 3, name: /^R-LV-03 / }).waitFor();
  await axeClean(page, 'handbook, es');
  await context.close();
});
