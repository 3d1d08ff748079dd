// The monthly quality report through the UI (R-QA-04, R-REP-03): an
// inspector reviews two representatives in May and June; from the 15th of
// June her Today warns that the report is not issued; the monthly report
// shows each person's average and count, the due date, the trend and the
// best / worst evaluation with each person's breakdown; the CSV starts with
// the byte-order mark; issuing freezes the figures and ends the warning.
// Then a director's ruling changes one of the month's reviews: the report
// says "1 review changed since this report was issued" and keeps its
// figures. An agent is told the page is not for them. axe on the page in
// English and Spanish, light and dark.
//
// The organisation starts on Tuesday 20 May 2025; the clock then moves to
// Monday 16 June 2025, 10:00 in Madrid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations, axeInEveryLook } from './harness.mjs';
import { nav, startOrg, addPerson, become } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const MAY = new Date('2025-05-20T08:00:00Z');
const JUNE = new Date('2025-06-16T08:00:00Z');
const CRITERIA = ['Service wording', 'Service attitude', 'Tone of voice', "Summarising the customer's needs", 'Answering the customer'];

async function noViolations(page, where = '') {
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], `${where}\n${formatViolations(violations)}`);
}

const said = (page, text) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** A review of `agent` dated today, every criterion scored `value`. */
async function review(page, agent, value) {
  await page.getByLabel('Person reviewed').selectOption({ label: agent });
  for (const name of CRITERIA) {
    await page.getByRole('group', { name, exact: true }).getByRole('radio', { name: value, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save the review' }).click();
  await said(page, 'Review saved');
  await page.getByText('No total yet: score at least one criterion.').waitFor();
}

async function openReport(page) {
  await page.getByRole('navigation', { name: 'Parts of quality inspection' }).getByRole('link', { name: 'Monthly report' }).click();
  await page.getByRole('heading', { name: 'Monthly report', level: 1 }).waitFor();
}

/** The cells of the row of `name` in the table named `table`, as text. */
async function row(page, table, name) {
  const r = page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${name}`) });
  return (await r.locator('th, td').allInnerTexts()).map((s) => s.trim());
}

test('R-QA-04: figures, due date, evaluation, CSV; issued and frozen; changes since are counted, not merged', async () => {
  // The browser in Madrid, so the organisation's zone (chosen at first run) is Madrid's.
  const { context, page } = await newPage(browser, { locale: 'en-US', timezoneId: 'Europe/Madrid' });
  await page.clock.setFixedTime(MAY);
  await startOrg(page, server.url, 'Tienda Sol', 'Ana Directora');
  await addPerson(page, 'Rita Rep', 'Representative');
  await addPerson(page, 'Pablo Rep', 'Representative');
  await addPerson(page, 'Inés Calidad', 'Quality inspector');

  // May: one review of Rita (all fours: 75).
  await become(page, 'Inés Calidad');
  await nav(page, 'Quality');
  await review(page, 'Rita Rep', '4');

  // 16 June: Today warns that June's report is not issued.
  await page.clock.setFixedTime(JUNE);
  await nav(page, 'Quality');
  await nav(page, 'Today');
  await page.getByText("This month's quality report is not issued yet: it is due before the 22nd.").waitFor();
  await nav(page, 'Quality');
  await review(page, 'Rita Rep', '4');
  await review(page, 'Pablo Rep', '5');

  // The report of June, not issued yet: due by the 21st, on time.
  await openReport(page);
  await page.getByRole('heading', { name: 'June 2025', level: 2 }).waitFor();
  await page.getByText('Not issued yet. Due before the 22nd: by 21 Jun 2025 at the latest.').waitFor();
  await page.locator('.qa-status').getByText('On time', { exact: true }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Next month' }).isDisabled(), 'no month after this one');
  assert.deepEqual(await row(page, 'Average per person', 'Rita Rep'), ['Rita Rep', '1', '75', '75']);
  assert.deepEqual(await row(page, 'Average per person', 'Pablo Rep'), ['Pablo Rep', '1', '100', '100']);
  assert.deepEqual(await row(page, 'Average per criterion', 'Tone of voice'), ['Tone of voice', '2', '87.5']);
  await page.getByRole('img', { name: 'Bar chart: Average per person' }).waitFor();
  await page.getByRole('img', { name: 'Bar chart: Trend over the last 6 months' }).waitFor();
  assert.deepEqual(await row(page, 'Trend over the last 6 months', 'May 2025'), ['May 2025', '1', '75', 'No']);
  assert.deepEqual(await row(page, 'Trend over the last 6 months', 'June 2025'), ['June 2025', '2', '87.5', 'No']);

  // The evaluation: weights and minimum, best and worst, each breakdown.
  await page.getByText('Weights: quality 50, attendance 25, workload 25. Reviews needed to be ranked: 1.').waitFor();
  await page.getByRole('link', { name: 'Change the weights and the minimum' }).waitFor();
  const podium = page.getByRole('list', { name: 'Best and worst' });
  await podium.getByRole('listitem').filter({ hasText: 'Best performance' }).getByText('Pablo Rep').waitFor();
  await podium.getByRole('listitem').filter({ hasText: 'Worst performance' }).getByText('Rita Rep').waitFor();
  const people = page.getByRole('list', { name: 'Best and worst performance' });
  const rita = people.getByRole('listitem').filter({ hasText: 'Rita Rep' });
  await rita.getByText('2. Rita Rep').waitFor();
  await rita.getByText('Score: 75').waitFor();
  await rita.getByText('75 · weight 50').waitFor();
  await rita.getByText('Reviews: 1', { exact: true }).waitFor();
  await rita.getByText('Contacts handled: 0').waitFor();
  assert.equal(await rita.getByText('no data, left out').count(), 2, 'attendance and workload have no data');
  await people.getByRole('listitem').filter({ hasText: '1. Pablo Rep' }).getByText('Score: 100').waitFor();
  await noViolations(page, 'en light, not issued');

  // CSV: UTF-8 with a byte-order mark, the people by name.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'quality-report-2025-06.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the BOM');
  const csv = bytes.toString('utf8');
  assert.match(csv, /\r\nRita Rep,1,75\.0,75\.0\r\n/);
  assert.match(csv, /\r\nBest performance,Pablo Rep\r\n/);
  assert.match(csv, /\r\nTone of voice,2,87\.5\r\n/);

  // Issue it: asked once more, then frozen with who and when.
  await page.getByRole('button', { name: 'Issue the report' }).click();
  await page.getByRole('group', { name: "Issuing freezes the month's figures. Issue the report?" })
    .getByRole('button', { name: 'Yes, go ahead' }).click();
  await said(page, 'Report issued');
  await page.getByText('Issued by Inés Calidad on 16 Jun 2025, 10:00.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Issue the report' }).count(), 0, 'issued once');
  await page.getByRole('heading', { name: 'Issued figures' }).waitFor();
  assert.deepEqual(await row(page, 'Trend over the last 6 months', 'June 2025'), ['June 2025', '2', '87.5', 'Yes']);
  await nav(page, 'Today');
  await page.getByRole('heading', { name: 'Hello, Inés Calidad' }).waitFor();
  assert.equal(await page.getByText("This month's quality report").count(), 0, 'no warning once issued');

  // Rita disputes her June review; the director changes its score (80 now).
  await become(page, 'Rita Rep');
  await nav(page, 'Quality');
  await openReport(page);
  await page.getByText('The monthly report is for quality inspectors, team leaders and directors.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('table').count(), 0, 'no figures for an agent');
  await noViolations(page, 'agent');
  await nav(page, 'Quality');
  const june = page.getByRole('list', { name: /^Reviews/ }).getByRole('listitem').filter({ hasText: '16 Jun 2025' });
  await june.getByText('Dispute', { exact: true }).click();
  await june.getByLabel('Why you disagree').fill('Respondí bien a la pregunta del cliente.');
  await june.getByRole('button', { name: 'Send the dispute' }).click();
  await said(page, 'Dispute sent to the department director');
  await become(page, 'Ana Directora');
  await nav(page, 'Quality');
  const disputed = page.getByRole('list', { name: /Disputes to rule on/ }).getByRole('listitem').filter({ hasText: 'Rita Rep' });
  await disputed.getByText('Change the score', { exact: true }).click();
  await disputed.getByLabel('Answering the customer').selectOption('5');
  await disputed.getByRole('button', { name: 'Save the new score' }).click();
  await said(page, 'Ruling saved');

  // The report says so, and keeps its figures; today's are apart.
  await openReport(page);
  await page.getByText('1 review changed since this report was issued.').waitFor();
  assert.deepEqual(await row(page, 'Average per person', 'Rita Rep'), ['Rita Rep', '1', '75', '75']);
  const live = page.locator('details.qa-live');
  await live.locator('summary').click();
  await live.getByRole('row', { name: /^Rita Rep/ }).getByText('80', { exact: true }).first().waitFor();
  await noViolations(page, 'en light, issued, changed');

  // May: not issued and late.
  await page.getByRole('button', { name: 'Previous month' }).click();
  await page.getByRole('heading', { name: 'May 2025', level: 2 }).waitFor();
  await page.getByText('Not issued yet. Due before the 22nd: by 21 May 2025 at the latest.').waitFor();
  await page.locator('.qa-status').getByText('Late', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'This month' }).click();
  await page.getByRole('heading', { name: 'June 2025', level: 2 }).waitFor();

  // axe in both languages and both themes; the Spanish plural and month.
  const found = await axeInEveryLook(page, {
    inSpanish: async () => {
      await page.getByRole('heading', { name: 'junio de 2025', level: 2 }).waitFor();
      await page.getByText('1 escucha ha cambiado desde que se emitió este informe.').waitFor();
      await page.getByText('Emitido por Inés Calidad el 16 jun 2025, 10:00.').waitFor();
    },
  });
  assert.equal(found.length, 0, found.join('\n\n'));
  await context.close();
});
