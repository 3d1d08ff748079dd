// Quality scorecards and settings through the UI (R-QA-01, R-QA-02,
// R-QA-04): the center director finds the standard scorecard before any is
// stored, reviews a representative, then changes a criterion's weight
// (after the form's own refusals: a weight out of range, a new criterion
// without a name; a criterion added and removed again after confirming, one
// moved): a new version is listed and the earlier one folded away, and the
// review recorded before keeps its total on /quality while a new review uses
// the new weights. The director sets the month's maximum to 2: a third
// review of the same person in the month is refused naming R-QA-02. The
// representative sees everything read-only, told who may change it. A new
// scorecard needs a name. axe in English and Spanish, light and dark.
//
// The clock is fixed at Monday 2 June 2025, 08:00 UTC (times on screen are
// the organisation's, so only the date is checked).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations, axeInEveryLook } from './harness.mjs';
import { nav, startOrg, addPerson, become } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOW = new Date('2025-06-02T08:00:00Z');
const FIVE = ['Service wording', 'Service attitude', 'Tone of voice', "Summarising the customer's needs", 'Answering the customer'];

async function noViolations(page, where = '') {
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], `${where}\n${formatViolations(violations)}`);
}

const said = (page, text) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** Quality, then its "Scorecards and settings" page. */
async function toSetup(page) {
  await nav(page, 'Quality');
  await page.getByRole('navigation', { name: 'Parts of quality inspection' })
    .getByRole('link', { name: 'Scorecards and settings' }).click();
  await page.getByRole('heading', { name: 'Scorecards and settings', level: 1 }).waitFor();
}

/** A review of `agent` on the Quality page, one score per standard criterion. */
async function review(page, agent, scores) {
  await page.getByLabel('Person reviewed').selectOption({ label: agent });
  for (const [i, name] of FIVE.entries()) {
    await page.getByRole('group', { name, exact: true }).getByRole('radio', { name: scores[i], exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save the review' }).click();
}

test('R-QA-01 / R-QA-02: a new version keeps old totals; a maximum of 2 refuses the third review; read-only for a representative', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.clock.setFixedTime(NOW);
  await startOrg(page, server.url, 'Tienda Sol', 'Ana Directora');
  await addPerson(page, 'Rita Rep', 'Representative');

  // The standard scorecard is there before anything is stored.
  await toSetup(page);
  const standard = page.getByRole('article', { name: 'Standard scorecard' });
  await standard.getByText('Version 1 · as the app comes').waitFor();
  const wording = standard.getByRole('row', { name: /^Service wording/ });
  await wording.getByText('20 % of the total').waitFor();
  await page.getByText('Reviews already scored keep the version they were scored with', { exact: false }).first().waitFor();
  await page.getByText('These are the defaults: nobody has changed them yet.').waitFor();
  await noViolations(page, 'director, setup');

  // A review on the standard scorecard: 5, 1, 1, 1, 1 is 20 out of 100.
  await nav(page, 'Quality');
  await review(page, 'Rita Rep', ['5', '1', '1', '1', '1']);
  await said(page, 'Review saved');
  const reviews = page.getByRole('list', { name: /^Reviews/ });
  await reviews.getByRole('listitem').first().getByText('Total: 20 out of 100').waitFor();

  // The director edits the standard scorecard.
  await toSetup(page);
  await standard.getByRole('button', { name: 'Edit the scorecard — Standard scorecard' }).click();
  const editor = page.getByRole('form', { name: 'Edit the scorecard — Standard scorecard' });
  await editor.getByLabel('Scorecard name').waitFor();
  const group = (name) => editor.getByRole('group', { name });
  // A weight out of range is refused by the form, naming the criterion.
  await group('1. Service wording').getByLabel('Weight').fill('0');
  await editor.getByRole('button', { name: 'Save as a new version' }).click();
  const alert = editor.getByRole('alert');
  await alert.filter({ hasText: '“Service wording”: the weight must be a whole number from 1 to 100.' }).waitFor();
  assert.equal(await group('1. Service wording').getByLabel('Weight').getAttribute('aria-invalid'), 'true');
  // A new criterion needs a name; added, then removed after confirming.
  await editor.getByRole('button', { name: '+ Add a criterion' }).click();
  await editor.getByText('Criteria: 6 of at most 12.').waitFor();
  await group('1. Service wording').getByLabel('Weight').fill('80');
  await editor.getByRole('button', { name: 'Save as a new version' }).click();
  await alert.filter({ hasText: 'Criterion 6: write its name.' }).waitFor();
  await group('6. New criterion').getByLabel('Criterion name').fill('Cierre de la llamada');
  const added = group('6. Cierre de la llamada');
  await added.getByLabel('Critical: below 3, the whole review is 0').check();
  await added.getByRole('button', { name: 'Remove the criterion' }).click();
  await added.getByRole('button', { name: 'Yes, go ahead' }).click();
  await editor.getByText('Criteria: 5 of at most 12.').waitFor();
  // Moved: "Answering the customer" before "Summarising …".
  await group('5. Answering the customer').getByRole('button', { name: '↑ Move up' }).click();
  await group('4. Answering the customer').waitFor();
  await editor.getByText('Saving makes version 2; reviews already scored keep the version they were scored with.').waitFor();
  await noViolations(page, 'director, editor');
  await editor.getByRole('button', { name: 'Save as a new version' }).click();
  await said(page, 'Scorecard saved as a new version');

  // A new version is listed; the earlier one is folded away, read-only.
  await standard.getByText(/^Version 2 · 2 Jun 2025, \d\d:\d\d · Ana Directora$/).waitFor();
  await wording.getByText('50 % of the total').waitFor();
  assert.match(await wording.getByRole('cell').first().innerText(), /^80\b/);
  const rows = await standard.locator('table').first().getByRole('rowheader').allInnerTexts();
  assert.deepEqual(rows, ['Service wording', 'Service attitude', 'Tone of voice', 'Answering the customer', "Summarising the customer's needs"]);
  await standard.getByText('Earlier versions (1)').click();
  const earlier = standard.locator('details');
  await earlier.getByText('Version 1 · as the app comes').waitFor();
  await earlier.getByRole('row', { name: /^Service wording/ }).getByText('20 % of the total').waitFor();
  assert.equal(await earlier.getByRole('button').count(), 0, 'earlier versions are read-only');
  await noViolations(page, 'director, two versions');

  // The review recorded before keeps its total; a new one uses the new weights.
  await nav(page, 'Quality');
  const first = reviews.getByRole('listitem').filter({ hasText: 'Total: 20 out of 100' });
  await first.waitFor();
  await page.getByLabel('Person reviewed').selectOption({ label: 'Rita Rep' });
  for (const [i, name] of FIVE.entries()) {
    await page.getByRole('group', { name, exact: true }).getByRole('radio', { name: ['5', '1', '1', '1', '1'][i], exact: true }).check();
  }
  await page.locator('#qa-review').getByText('Total: 50 out of 100').waitFor();
  await page.getByRole('button', { name: 'Save the review' }).click();
  await said(page, 'Review saved');
  await reviews.getByRole('listitem').filter({ hasText: 'Total: 50 out of 100' }).waitFor();
  await first.waitFor();
  assert.equal(await reviews.getByRole('listitem').count(), 2);

  // R-QA-02: the maximum set to 2 (a minimum above it is refused first).
  await toSetup(page);
  const settings = page.getByRole('form', { name: 'Inspection settings' });
  await settings.getByLabel('At least').fill('3');
  await settings.getByLabel('At most').fill('2');
  await settings.getByRole('button', { name: 'Save the settings' }).click();
  const refusedQuota = settings.getByRole('alert').filter({ hasText: 'the minimum cannot be above it' });
  await refusedQuota.getByRole('link', { name: 'R-QA-02' }).waitFor();
  await settings.getByLabel('At least').fill('1');
  await settings.getByRole('button', { name: 'Save the settings' }).click();
  await said(page, 'Settings saved');
  await page.getByText(/^Last changed 2 Jun 2025, \d\d:\d\d by Ana Directora\.$/).waitFor();

  // A third review of Rita this month is refused, naming the rule.
  await nav(page, 'Quality');
  await page.getByLabel('Person reviewed').selectOption({ label: 'Rita Rep' });
  await page.getByText('Reviews left this month for this person: 0').waitFor();
  await review(page, 'Rita Rep', ['4', '4', '4', '4', '4']);
  const refused = page.getByRole('alert').filter({ hasText: 'Reviews this month' });
  await refused.getByRole('link', { name: 'R-QA-02' }).waitFor();
  assert.equal(await reviews.getByRole('listitem').count(), 2);

  // The representative reads it all, told who may change it.
  await become(page, 'Rita Rep');
  await toSetup(page);
  await page.getByText('Only the department director (or the center director) changes these numbers; here you see them as they are.').waitFor();
  await page.getByText('Only the department director (or the center director) changes the scorecards; here you see them as they are.').waitFor();
  const facts = page.locator('.qa-settings dl.facts').first();
  assert.match(await facts.innerText(), /At least\s+1\s+At most\s+2/);
  await standard.getByText(/^Version 2 · 2 Jun 2025, \d\d:\d\d · Ana Directora$/).waitFor();
  for (const name of ['Save the settings', /^Edit the scorecard/, 'New scorecard']) {
    assert.equal(await page.getByRole('button', { name }).count(), 0, `no ${name} for a representative`);
  }
  assert.equal(await page.getByRole('spinbutton').count(), 0, 'no number to change');
  await noViolations(page, 'representative, setup');
  await context.close();
});

test('R-QA-01: a new scorecard needs a name; axe in English and Spanish, light and dark', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.clock.setFixedTime(NOW);
  await startOrg(page, server.url, 'Tienda Luna', 'Eva Directora');
  await toSetup(page);
  await page.getByRole('button', { name: 'New scorecard' }).click();
  const editor = page.getByRole('form', { name: 'New scorecard' });
  await editor.getByRole('group', { name: '5. Answering the customer' }).waitFor();
  await editor.getByRole('button', { name: 'Create the scorecard' }).click();
  await editor.getByRole('alert').filter({ hasText: "Write the scorecard's name" }).waitFor();
  await editor.getByLabel('Scorecard name').fill('Mostrador');
  await editor.getByRole('group', { name: '2. Service attitude' }).getByRole('button', { name: 'Remove the criterion' }).click();
  await editor.getByRole('button', { name: 'Yes, go ahead' }).click();
  await editor.getByRole('button', { name: 'Create the scorecard' }).click();
  await said(page, 'Scorecard created');
  const counter = page.getByRole('article', { name: 'Mostrador' });
  await counter.getByText(/^Version 1 · 2 Jun 2025, \d\d:\d\d · Eva Directora$/).waitFor();
  assert.equal(await counter.getByRole('rowheader').count(), 4);
  // A scorecard of its own is offered on the review form.
  await nav(page, 'Quality');
  await page.getByLabel('Scorecard').locator('option', { hasText: 'Mostrador' }).waitFor({ state: 'attached' });

  const found = await axeInEveryLook(page, {
    each: async (lang) => {
      await page.goto(`${server.url}/quality/setup`);
      await page.locator(`html[lang="${lang}"]`).waitFor();
      await page.locator('main h1').waitFor();
      // With the editor open too.
      await page.locator('article.qa-card button[id$="-edit"]').first().click();
      await page.locator('form.qa-editor').waitFor();
    },
  });
  assert.equal(found.length, 0, found.join('\n\n'));
  // The Spanish words.
  await page.getByRole('heading', { name: 'Fichas y ajustes', level: 1 }).waitFor();
  await page.getByRole('article', { name: 'Ficha estándar' }).getByText('Versión 1 · tal como viene la aplicación').waitFor();
  await page.getByRole('form', { name: 'Ajustes de la inspección' }).getByLabel('Como máximo').waitFor();
  await page.getByRole('group', { name: '1. Términos de servicio' }).getByLabel('Peso').waitFor();
  await context.close();
});
