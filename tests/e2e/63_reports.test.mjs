// The day's workload through the UI (R-REP-01, R-REP-03): contacts recorded
// by two people on a fixed day, one answered on target, one chat left past
// its five minutes, one made to the customer; the report's table per
// person, team and in all; a figure opens the records behind it (a link to
// the contact); the CSV downloads with a byte-order mark and the chosen
// separator and parses back with its accents; the print is one A4 page
// headed with the organisation, the day and who printed it; an empty day
// says so; axe in English and Spanish, light and dark.
//
// The clock is fixed at Wednesday 2 December 2026, 09:00 UTC (10:00 in
// Madrid, the organisation's zone by default).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, newPage, axeInEveryLook } from './harness.mjs';
import { nav, startOrg, addPerson, become } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOW = new Date('2026-12-02T09:00:00Z');
const said = (page, text) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** A contact on the Contacts page, received now. */
async function record(page, { summary, channel, category, direction = 'Inbound', answered = false }) {
  await nav(page, 'Contacts');
  await page.getByLabel('Channel').selectOption({ label: channel });
  await page.getByLabel('Direction').selectOption({ label: direction });
  await page.getByLabel('Category').selectOption({ label: category });
  await page.getByLabel('Summary').fill(summary);
  const box = page.getByLabel('Already answered (first response now)');
  if ((await box.isChecked()) !== answered) await box.click();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await said(page, 'Contact recorded');
}

async function openReports(page) {
  await nav(page, 'Reports');
  await page.getByRole('heading', { name: 'Daily workload', level: 1 }).waitFor();
}

/** A row of the workload table by its heading cell. */
const row = (page, name) => page.getByRole('table', { name: 'Workload per person and team' })
  .getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test('R-REP-01 / R-REP-03: the day\'s workload, the records behind a figure, CSV with accents, one A4 page', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US', timezoneId: 'Europe/Madrid', acceptDownloads: true });
  await page.clock.setFixedTime(NOW);
  await startOrg(page, server.url, 'Tienda Peñíscola', 'Ana Directora');
  await addPerson(page, 'Íñigo Núñez', 'Representative', 'Tarde');

  await record(page, { summary: 'Pregunta por el envío a Cádiz', channel: 'Phone', category: 'Enquiry', answered: true });
  await record(page, { summary: 'Aviso de retraso al cliente', channel: 'E-mail', category: 'Order', direction: 'Outbound' });
  await become(page, 'Íñigo Núñez');
  await record(page, { summary: 'Reclamación: pedido dañado', channel: 'Online chat', category: 'Claim' });
  // Ten minutes later the chat is past its five-minute target.
  await page.clock.setFixedTime(new Date(NOW.getTime() + 10 * 60_000));

  await openReports(page);
  await page.getByRole('heading', { name: '2 Dec 2026', level: 2 }).waitFor();
  await page.getByRole('img', { name: 'Contacts per person' }).waitFor();
  const table = page.getByRole('table', { name: 'Workload per person and team' });
  const heads = await table.getByRole('columnheader').allTextContents();
  assert.deepEqual(heads.slice(0, 3), ['Person or team', 'Contacts', 'Phone']);
  // A figure's button also names what it opens (after a comma, for a screen reader).
  const cells = async (name) => (await row(page, name).getByRole('cell').allTextContents()).map((s) => s.split(',')[0].trim());
  const col = (name) => heads.indexOf(name) - 1;
  const ana = await cells('Ana Directora');
  assert.equal(ana[col('Contacts')], '2');
  assert.equal(ana[col('Outbound service')], '1');
  assert.equal(ana[col('First response on target')], '1');
  assert.equal(ana[col('% on target')], '100');
  const inigo = await cells('Íñigo Núñez');
  assert.equal(inigo[col('Claim')], '1');
  assert.equal(inigo[col('First response late')], '1');
  const total = await cells('Total');
  assert.equal(total[col('Contacts')], '3');
  assert.equal(total[col('% on target')], '50');
  assert.equal((await cells('Team: Tarde'))[col('Contacts')], '1');

  // The late figure of the total lists the chat, a link to the contact.
  await row(page, 'Total').getByRole('button', { name: 'Show the records: Total, First response late' }).click();
  const behind = page.getByRole('region', { name: /^Records: Total · First response late \(1\)$/ });
  await behind.getByRole('link', { name: /Online chat · Reclamación: pedido dañado/ }).click();
  await page.getByRole('heading', { name: 'Contact: Reclamación: pedido dañado' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Daily workload', level: 1 }).waitFor();

  // CSV with a semicolon: a BOM, CRLF, the table's rows and columns, accents intact.
  await page.getByLabel('CSV separator').selectOption({ label: 'Semicolon (Spanish-language spreadsheets)' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'workload-2026-12-02.csv');
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'a byte-order mark first');
  const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
  const parsed = lines.map((l) => l.split(';'));
  assert.deepEqual(parsed[0].slice(0, 3), ['Person or team', 'Contacts', 'Phone']);
  assert.equal(parsed[0].length, heads.length, 'the columns shown');
  assert.deepEqual(parsed.slice(1).map((r) => r[0]), ['Ana Directora', 'Íñigo Núñez', 'Team: Tarde', 'Team: No team', 'Total']);
  const csvTotal = parsed.at(-1);
  assert.equal(csvTotal[col('Contacts') + 1], '3');
  assert.equal(csvTotal[col('% on target') + 1], '50,0', 'a Spanish spreadsheet reads a decimal comma');
  await said(page, 'CSV downloaded');

  // Print: one A4 page (landscape: a column per channel and kind) headed
  // with who printed it.
  await page.emulateMedia({ media: 'print' });
  await page.getByText('Tienda Peñíscola · Workload of 2 Dec 2026 · Printed by Íñigo Núñez on 2 Dec 2026, 10:10').waitFor();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
  if (process.env.KEEP_PDF) (await import('node:fs')).writeFileSync(process.env.KEEP_PDF, pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 1, `one A4 page, got ${pages.length}`);
  await page.emulateMedia({ media: null });

  // The day before: nothing, said plainly.
  await page.getByRole('button', { name: '‹ Previous day' }).click();
  await page.getByRole('heading', { name: '1 Dec 2026', level: 2 }).waitFor();
  await page.getByText('Nothing recorded on that day').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Next day ›' }).isEnabled(), true);
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await page.getByRole('heading', { name: '2 Dec 2026', level: 2 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Next day ›' }).isEnabled(), false, 'no future days');

  // axe in both languages and themes, with the records list open.
  const found = await axeInEveryLook(page, {
    each: async () => {
      await page.locator('button.rep-cell').first().click();
      await page.locator('section.rep-behind').waitFor();
    },
  });
  assert.equal(found.length, 0, found.join('\n\n'));
  await page.getByRole('heading', { name: 'Carga de trabajo del día', level: 1 }).waitFor();
  await page.getByRole('table', { name: 'Carga de trabajo por persona y equipo' }).getByRole('rowheader', { name: 'Equipo: Tarde' }).waitFor();
  await context.close();
});
