// The weekly and monthly report through the UI (R-REP-02, R-REP-03): the
// week's and the month's parts from the same records as the daily report,
// the records behind a row or a bar, which devices' work it includes, one CSV with every part as shown (parsed
// back, accents intact), the print header, issuing and what changed since,
// a representative told who reads it, and axe in English and Spanish, light and dark.
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

async function record(page, { summary, channel, category, answered = false }) {
  await nav(page, 'Contacts');
  await page.getByLabel('Channel').selectOption({ label: channel });
  await page.getByLabel('Category').selectOption({ label: category });
  await page.getByLabel('Summary').fill(summary);
  const box = page.getByLabel('Already answered (first response now)');
  if ((await box.isChecked()) !== answered) await box.click();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await said(page, 'Contact recorded');
}

async function openPeriodReport(page, heading = 'Weekly and monthly report') {
  await nav(page, 'Reports');
  await page.getByRole('navigation', { name: /Report pages|Páginas de informes/ }).getByRole('link', { name: /Week and month|Semana y mes/ }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** A part's row by its heading cell: its cells' texts. */
async function cells(page, part, name) {
  const row = page.getByRole('table', { name: part }).getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  return row.getByRole('cell').allTextContents();
}

test('R-REP-02: the week and the month gather every part; devices named; CSV parsed back; who may read it; axe', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US', timezoneId: 'Europe/Madrid', acceptDownloads: true });
  await page.clock.setFixedTime(NOW);
  await startOrg(page, server.url, 'Tienda Peñíscola', 'Ana Directora', { device: 'Tablet mostrador' });
  await addPerson(page, 'Íñigo Núñez', 'Representative', 'Tarde');
  await record(page, { summary: 'Pregunta por el envío a Cádiz', channel: 'Phone', category: 'Enquiry', answered: true });
  await become(page, 'Íñigo Núñez');
  await record(page, { summary: 'Reclamación: pedido dañado', channel: 'Online chat', category: 'Claim' });
  // Ten minutes later the chat is past its five-minute target.
  await page.clock.setFixedTime(new Date(NOW.getTime() + 10 * 60_000));

  // A representative is told who reads it, and where their own day is.
  await openPeriodReport(page);
  await page.getByText('Team leaders, quality inspectors and directors see this report.').waitFor();
  assert.equal(await page.getByRole('table').count(), 0, 'no figures for a representative');

  await become(page, 'Ana Directora');
  await openPeriodReport(page);
  await page.getByRole('heading', { name: 'Week of 30 Nov 2026 to 6 Dec 2026', level: 2 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Week', exact: true }).getAttribute('aria-pressed'), 'true');

  // Workload: the week's contacts per person, team and in all, as the daily report counts them.
  await page.getByRole('img', { name: 'Contacts per person' }).waitFor();
  const heads = await page.getByRole('table', { name: 'Workload' }).getByRole('columnheader').allTextContents();
  assert.deepEqual(heads.slice(0, 3), ['Item', 'Contacts', 'Outbound service']);
  assert.equal((await cells(page, 'Workload', 'Ana Directora'))[0], '1');
  assert.equal((await cells(page, 'Workload', 'Íñigo Núñez'))[0], '1');
  assert.equal((await cells(page, 'Workload', 'Team: Tarde'))[0], '1');
  assert.equal((await cells(page, 'Workload', 'Total'))[0], '2');
  // A row's name lists the records it counts, each a link to its page (R-REP-03);
  // the list's heading takes the focus.
  await page.getByRole('table', { name: 'Workload' }).getByRole('button', { name: 'Total', exact: true }).click();
  const behind = page.getByRole('region', { name: 'Records: Workload · Total (2)' });
  assert.equal(await behind.getByRole('listitem').count(), 2);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Records: Workload · Total (2)');
  await behind.getByRole('link', { name: /Online chat · Reclamación: pedido dañado/ }).click();
  await page.getByRole('heading', { name: 'Contact: Reclamación: pedido dañado' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Weekly and monthly report', level: 1 }).waitFor();
  // A bar of the chart opens its person's list (the people in name order).
  await page.getByRole('img', { name: 'Contacts per person' }).locator('.chart-bar').first().click();
  const ana = page.getByRole('region', { name: 'Records: Workload · Ana Directora (1)' });
  await ana.getByRole('link', { name: /Phone · Pregunta por el envío a Cádiz/ }).waitFor();
  await ana.getByRole('button', { name: 'Close the list' }).click();
  assert.equal(await ana.count(), 0, 'closed');

  // Nothing of the other parts this week: each says so, with the way to its detail.
  for (const part of ['Complaints', 'Return visits', 'Quality', 'Attendance']) {
    const section = page.getByRole('region', { name: part, exact: true });
    await section.getByText('Nothing in this period.').waitFor();
    await section.getByRole('link', { name: `See the detail: ${part}` }).waitFor();
  }

  // Whose work: this device, by the name it was given.
  const devices = page.getByRole('region', { name: "Whose devices' work it includes" });
  await devices.getByText('Tablet mostrador (this device): up to date').waitFor();

  // The month: the same two contacts; the previous month has none.
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await page.getByRole('heading', { name: 'December 2026', level: 2 }).waitFor();
  assert.equal((await cells(page, 'Workload', 'Total'))[0], '2');
  assert.equal(await page.getByRole('button', { name: 'Next ›' }).isEnabled(), false, 'no future months');
  await page.getByRole('button', { name: '‹ Previous' }).click();
  await page.getByRole('heading', { name: 'November 2026', level: 2 }).waitFor();
  await page.getByRole('region', { name: 'Workload', exact: true }).getByText('Nothing in this period.').waitFor();
  await page.getByRole('button', { name: 'Current' }).click();
  await page.getByRole('heading', { name: 'December 2026', level: 2 }).waitFor();

  // One CSV: a BOM, CRLF, the title, then each part as shown, accents intact.
  await page.getByLabel('CSV separator').selectOption({ label: 'Semicolon (Spanish-language spreadsheets)' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'report-2026-12-01.csv');
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'a byte-order mark first');
  const lines = text.slice(1).split('\r\n');
  assert.deepEqual(lines[0].split(';'), ['Weekly and monthly report', 'December 2026']);
  const at = (title) => lines.indexOf(title);
  for (const title of ['Workload', 'Complaints', 'Return visits', 'Quality', 'Service standards', 'Attendance']) {
    assert.ok(at(title) > 0, `the CSV has the part ${title}`);
  }
  const workload = lines.slice(at('Workload') + 1, at('Complaints') - 1).map((l) => l.split(';'));
  assert.deepEqual(workload[0].slice(0, 2), ['Item', 'Contacts']);
  assert.deepEqual(workload.slice(1).map((r) => r[0]), ['Ana Directora', 'Íñigo Núñez', 'Team: Tarde', 'Team: No team', 'Total']);
  assert.equal(workload.at(-1)[1], '2');
  assert.equal(workload.at(-1)[6], '50,0', 'a Spanish spreadsheet reads a decimal comma');
  await said(page, 'CSV downloaded');

  // Print: headed with the organisation, the period and who printed it.
  await page.emulateMedia({ media: 'print' });
  await page.getByText('Tienda Peñíscola · December 2026 · Printed by Ana Directora on 2 Dec 2026, 10:10').waitFor();
  await page.emulateMedia({ media: null });

  // Issuing freezes the month: a contact recorded later is counted, not merged in.
  const issueCard = page.getByRole('region', { name: 'Issue', exact: true });
  await issueCard.getByText('Not issued: issuing keeps these figures exactly as they are now.').waitFor();
  await issueCard.getByRole('button', { name: 'Issue this report' }).click();
  await said(page, 'Report issued.');
  await issueCard.getByText('Issued by Ana Directora on 2 Dec 2026, 10:10. These are the issued figures.').waitFor();
  await issueCard.getByText('Nothing in this period has changed since.').waitFor();
  await record(page, { summary: 'Llamada después de emitir', channel: 'Phone', category: 'Enquiry', answered: true });
  await openPeriodReport(page);
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await page.getByRole('heading', { name: 'December 2026', level: 2 }).waitFor();
  await issueCard.getByText('At least 1 record of this period changed since it was issued').waitFor();
  assert.equal((await cells(page, 'Workload', 'Total'))[0], '2', 'the issued figures stay as they were');
  await issueCard.getByRole('button', { name: "Issue again with today's figures" }).click();
  await issueCard.getByText('Nothing in this period has changed since.').waitFor();
  assert.equal((await cells(page, 'Workload', 'Total'))[0], '3', 'issued again: today\'s figures');

  // An issued report's records are today's, and it says so; axe sees the list too.
  await page.getByRole('table', { name: 'Workload' }).getByRole('button', { name: 'Total', exact: true }).click();
  const listed = page.getByRole('region', { name: 'Records: Workload · Total (3)' });
  await listed.getByText('This report is issued: the records are shown as they are now').waitFor();
  // A save in another tab redraws the list; the focus stays where the person put it.
  const csvButton = page.getByRole('button', { name: 'Download CSV' });
  await csvButton.focus();
  const other = await context.newPage();
  await other.clock.setFixedTime(new Date(NOW.getTime() + 20 * 60_000));
  await other.goto(server.url);
  await record(other, { summary: 'Otra pestaña', channel: 'Phone', category: 'Enquiry', answered: true });
  await other.close();
  await page.getByRole('region', { name: 'Records: Workload · Total (4)' }).waitFor();
  assert.equal(await csvButton.evaluate((b) => b === document.activeElement), true, 'the focus stayed on Download CSV');

  // axe in both languages and themes.
  const found = await axeInEveryLook(page);
  assert.equal(found.length, 0, found.join('\n\n'));
  await page.getByRole('heading', { name: 'Informe semanal y mensual', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'diciembre de 2026', level: 2 }).waitFor();
  await page.getByRole('table', { name: 'Carga de trabajo' }).getByRole('rowheader', { name: 'Equipo: Tarde' }).waitFor();
  await context.close();
});
