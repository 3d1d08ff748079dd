// One time model: the organisation's time zone is chosen at
// first run, preselected from the browser's zone (Playwright's `timezoneId`
// sets it), saved on the org record, changed in Settings by a center
// director and shown read-only to everyone else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage } from './harness.mjs';
import { nav, addPerson, become, newCustomer } from './flows.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('first run preselects the browser zone; a director changes it in Settings; others only see it', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US', timezoneId: 'America/Santiago' });
  await page.goto(server.url);
  const zone = page.getByLabel('Time zone');
  await zone.waitFor();
  assert.equal(await zone.inputValue(), 'America/Santiago');
  assert.equal(await zone.locator('option:checked').textContent(), 'Chile (Santiago)');
  await page.getByLabel('Organisation name').fill('Tienda Sur');
  await page.getByLabel('Your name').fill('Ana Directora');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();
  // Chosen at first run: no notice asks for it.
  assert.equal(await page.getByText('The organisation has no time zone yet').count(), 0);

  await nav(page, 'Settings');
  const saved = page.getByLabel('Time zone');
  assert.equal(await saved.inputValue(), 'America/Santiago');
  await saved.selectOption({ label: 'Portugal (Lisbon)' });
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await page.getByText('Time zone saved').first().waitFor();

  // Saved on the org record: a reload reads it back.
  await page.reload();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByRole('heading', { name: 'Organisation' }).waitFor();
  assert.equal(await page.getByLabel('Time zone').inputValue(), 'Europe/Lisbon');

  // Times on screen are the org's wall clock (Lisbon), not the browser's (Santiago).
  const before = Date.now();
  await newCustomer(page, 'Lucía Pérez', '600 111 222');
  const created = await page.getByText(/Created by Ana Directora/).first().textContent();
  const hhmm = (zone, t) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
  const lisbon = new Set([hhmm('Europe/Lisbon', before), hhmm('Europe/Lisbon', Date.now())]);
  assert.ok([...lisbon].some((t) => created.includes(t)), `${created} shows Lisbon time (${[...lisbon]})`);
  assert.ok(!created.includes(hhmm('America/Santiago', before)), `${created} is not Santiago time`);

  // A team leader sees the zone but cannot change it.
  await addPerson(page, 'Teo Jefe', 'Team leader');
  await become(page, 'Teo Jefe');
  await nav(page, 'Settings');
  await page.getByText('Only a center director can change the time zone.').waitFor();
  await page.getByText('Portugal (Lisbon)').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save time zone' }).count(), 0);
  assert.equal(await page.getByRole('combobox', { name: 'Time zone' }).count(), 0);
  await context.close();
});

test('a browser zone the product does not list gets the nearest one, or Madrid', async () => {
  for (const [browserZone, expected] of [
    ['Europe/Vienna', 'Europe/Madrid'],
    ['Asia/Kolkata', 'Europe/Madrid'],
    ['America/Lima', 'America/Lima'],
  ]) {
    const { context, page } = await newPage(browser, { locale: 'es-ES', timezoneId: browserZone });
    await page.goto(server.url);
    const zone = page.getByLabel('Zona horaria');
    await zone.waitFor();
    assert.equal(await zone.inputValue(), expected, browserZone);
    await context.close();
  }
});
