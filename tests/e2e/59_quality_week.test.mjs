// The weekly summary and training plan through the UI (R-QA-03): an
// inspector records two reviews, opens the week's summary and reads each
// agent's average and the weakest criterion; starts the notes from the
// summary, adds a training item for a named person with an owner and a date
// (a date before the week is refused in the rule's words), adds and removes
// another after a confirmation, and sends the plan. The department
// director's Today lists the plan to acknowledge; the director acknowledges
// it. The named person's Today lists the training item, another agent's does
// not; on the page the named person reads only what concerns them and
// cannot edit. Once its owner marks it done, it leaves the trainee's Today. axe on the page in es/en × light/dark. A second test: an
// empty week in Spanish says so and points to the reviews; the week moves
// with its buttons and its date.
//
// The clock is fixed at Wednesday 2 December 2026, 10:00 in Madrid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, startOrg, addPerson, become } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOW = new Date('2026-12-02T09:00:00Z');
const CRITERIA = ['Service wording', 'Service attitude', 'Tone of voice', "Summarising the customer's needs", 'Answering the customer'];

async function noViolations(page, where = '') {
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], `${where}\n${formatViolations(violations)}`);
}

const said = (page, text) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** A review on the Quality page: `scores` in the order of CRITERIA. */
async function review(page, agent, date, scores, causes = '') {
  await page.getByLabel('Person reviewed').selectOption({ label: agent });
  await page.getByLabel('Review date').fill(date);
  for (const [i, name] of CRITERIA.entries()) {
    await page.getByRole('group', { name, exact: true }).getByRole('radio', { name: scores[i], exact: true }).check();
  }
  if (causes) await page.getByRole('group', { name: 'Answering the customer', exact: true }).getByLabel('Root causes (separated by commas)').fill(causes);
  await page.getByRole('button', { name: 'Save the review' }).click();
  await said(page, 'Review saved');
}

async function openWeek(page) {
  await nav(page, 'Quality');
  await page.getByRole('navigation', { name: 'Parts of quality inspection' }).getByRole('link', { name: 'Weekly summary' }).click();
  await page.getByRole('heading', { name: 'Weekly summary', level: 1 }).waitFor();
}

test('R-QA-03: summary, a training plan sent, acknowledged by the director, on the trainee\'s Today', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US', timezoneId: 'Europe/Madrid' });
  await page.clock.setFixedTime(NOW);
  await startOrg(page, server.url, 'Tienda Sol', 'Ana Directora');
  await addPerson(page, 'Rita Rep', 'Representative');
  await addPerson(page, 'Pablo Rep', 'Representative');
  await addPerson(page, 'Inés Calidad', 'Quality inspector');
  await addPerson(page, 'Dora Dirección', 'Department director');

  // The inspector reviews Rita (60 / 100) and Pablo (75 / 100) this week.
  await become(page, 'Inés Calidad');
  await nav(page, 'Quality');
  await review(page, 'Rita Rep', '2026-12-01', ['5', '4', '3', '3', '2'], 'respuesta incompleta');
  await review(page, 'Pablo Rep', '2026-11-30', ['4', '4', '4', '4', '4']);

  // The week's summary: each agent's average and count, the weakest criteria.
  await openWeek(page);
  await page.getByRole('heading', { name: 'Mon 30 Nov – Sun 6 Dec 2026', level: 2 }).waitFor();
  await page.getByRole('heading', { name: /The week's summary\s*2 reviews/ }).waitFor();
  const perAgent = page.getByRole('table', { name: 'Average per person' });
  await perAgent.getByRole('row', { name: /Rita Rep\s+1\s+60/ }).waitFor();
  await perAgent.getByRole('row', { name: /Pablo Rep\s+1\s+75/ }).waitFor();
  const weakest = page.getByRole('table', { name: 'Weakest criteria' });
  assert.match(await weakest.getByRole('row').nth(1).innerText(), /Answering the customer\s+50\s+2/, 'the weakest criterion first');
  await page.getByRole('table', { name: 'Most frequent root causes' }).getByRole('row', { name: /respuesta incompleta\s+1/ }).waitFor();
  await page.getByText('Draft: not sent yet').waitFor();
  await page.getByText('The plan has no items yet. Add the first one with the form below.').waitFor();
  await noViolations(page, 'inspector, summary');

  // The notes start from the summary.
  await page.getByRole('button', { name: 'Start from the summary' }).click();
  assert.match(await page.getByLabel('Common problems').inputValue(), /Weakest criteria: Answering the customer \(50\)/);
  await page.getByLabel('Common problems').fill('Respuestas incompletas al final de la llamada.');
  await page.getByRole('button', { name: 'Save the notes' }).click();
  await said(page, 'Notes saved');

  // An item for Rita, run by the inspector: a date before the week is refused.
  const form = page.locator('.qa-new-item');
  await form.getByRole('textbox', { name: 'Training', exact: true }).fill('Taller: respuestas completas');
  await form.getByRole('radio', { name: 'Named people' }).check();
  await form.getByRole('button', { name: 'Add to the plan' }).click();
  await form.getByRole('alert').filter({ hasText: 'Choose at least one person' }).waitFor();
  await form.getByRole('checkbox', { name: 'Rita Rep' }).check();
  await form.getByLabel('Who runs it').selectOption({ label: 'Inés Calidad' });
  await form.getByLabel('Due by').fill('2026-11-20');
  await form.getByRole('button', { name: 'Add to the plan' }).click();
  await form.getByRole('alert').filter({ hasText: 'Item date: the date is not valid or not plausible' }).waitFor();
  await form.getByLabel('Due by').fill('2026-12-04');
  await form.getByRole('button', { name: 'Add to the plan' }).click();
  await said(page, 'Item added to the plan');
  const items = page.getByRole('list', { name: /^Training items/ });
  const taller = items.getByRole('listitem', { name: 'Taller: respuestas completas' });
  await taller.getByText('For: Rita Rep').waitFor();
  await taller.getByText(/Run by: Inés Calidad \(you run it\) · Due by: 4 Dec 2026/).waitFor();
  assert.equal(await form.getByRole('textbox', { name: 'Training', exact: true }).inputValue(), '', 'the form is cleared');

  // Another, for everyone, edited and then removed after a confirmation.
  await form.getByRole('textbox', { name: 'Training', exact: true }).fill('Repaso de saludos');
  await form.getByLabel('Who runs it').selectOption({ label: 'Dora Dirección' });
  await form.getByLabel('Due by').fill('2026-12-11');
  await form.getByRole('button', { name: 'Add to the plan' }).click();
  await said(page, 'Item added to the plan');
  const saludos = items.getByRole('listitem', { name: 'Repaso de saludos' });
  await saludos.getByText('For: everyone').waitFor();
  await saludos.getByRole('button', { name: 'Edit' }).click();
  await saludos.getByRole('textbox', { name: 'Training', exact: true }).fill('Repaso de saludos y despedidas');
  await saludos.getByRole('button', { name: 'Save the changes' }).click();
  await said(page, 'Item saved');
  const edited = items.getByRole('listitem', { name: 'Repaso de saludos y despedidas' });
  await edited.getByRole('button', { name: 'Remove' }).click();
  await edited.getByRole('group', { name: 'Remove this item from the plan?' }).getByRole('button', { name: 'Cancel' }).click();
  await edited.getByRole('button', { name: 'Remove' }).click();
  await edited.getByRole('button', { name: 'Yes, go ahead' }).click();
  await said(page, 'Item removed from the plan');
  await edited.waitFor({ state: 'detached' });
  assert.equal(await items.getByRole('listitem').count(), 1);
  await noViolations(page, 'inspector, plan with an item');

  // Sent: who and when.
  await page.getByRole('button', { name: 'Send to the department director' }).click();
  await said(page, 'Plan sent to the department director');
  await page.getByText('Sent to the department director by Inés Calidad · 2 Dec 2026, 10:00').waitFor();
  await page.getByText('Sent, waiting for acknowledgement').waitFor();
  await page.getByRole('button', { name: 'Send again' }).waitFor();

  // The department director: Today lists it; the page acknowledges it.
  await become(page, 'Dora Dirección');
  await page.getByRole('link', { name: 'Training plans to acknowledge (1)' }).click();
  await page.getByRole('heading', { name: 'Weekly summary', level: 1 }).waitFor();
  const waiting = page.getByRole('list', { name: /^Training plans to acknowledge/ });
  await waiting.getByText('Mon 30 Nov – Sun 6 Dec 2026').waitFor();
  await waiting.getByText(/Sent to the department director by Inés Calidad · 2 Dec 2026, 10:00 · 1 item$/).waitFor();
  // A director inspects too: the notes are in their field, ready to read.
  await page.waitForFunction(() => document.querySelector('#qa-notes')?.value === 'Respuestas incompletas al final de la llamada.');
  await noViolations(page, 'director, plan to acknowledge');
  await page.getByRole('button', { name: 'Acknowledge the plan' }).click();
  await said(page, 'Plan acknowledged');
  await page.getByText('Acknowledged by Dora Dirección · 2 Dec 2026, 10:00').waitFor();
  await page.getByText('Acknowledged by the director').waitFor();
  await waiting.waitFor({ state: 'detached' });
  await nav(page, 'Today');
  assert.equal(await page.getByRole('link', { name: /Training plans to acknowledge/ }).count(), 0, 'nothing left to acknowledge');

  // Rita: the training on Today; on the page, hers only, read-only.
  await become(page, 'Rita Rep');
  const training = page.getByRole('list', { name: 'Training' });
  await training.getByRole('link', { name: 'Taller: respuestas completas' }).waitFor();
  await training.getByText('by 4 Dec 2026').waitFor();
  await training.getByRole('link', { name: 'Taller: respuestas completas' }).click();
  await page.getByRole('heading', { name: 'Weekly summary', level: 1 }).waitFor();
  await page.getByRole('list', { name: /^Your training/ }).getByRole('listitem', { name: 'Taller: respuestas completas' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: /The week's summary/ }).count(), 0, 'no summary for an agent');
  assert.equal(await page.getByRole('button', { name: /Edit|Remove|Send|Add to the plan|Acknowledge/ }).count(), 0, 'an agent reads the plan');
  await noViolations(page, 'agent');

  // Pablo is not named: nothing on his Today, and no item of the plan for him.
  await become(page, 'Pablo Rep');
  assert.equal(await page.getByText('Taller: respuestas completas').count(), 0, 'not on Pablo\'s Today');
  await openWeek(page);
  await page.getByText('No item of this plan concerns you.').waitFor();

  // The inspector runs the training and marks it done: off Rita's Today.
  await become(page, 'Inés Calidad');
  await openWeek(page);
  const done = page.getByRole('list', { name: /^Training items/ }).getByRole('listitem', { name: 'Taller: respuestas completas' });
  await done.getByRole('button', { name: 'Mark as done' }).click();
  await said(page, 'Training marked as done');
  await done.getByText('Done', { exact: true }).waitFor();
  assert.equal(await done.getByRole('button', { name: 'Mark as done' }).count(), 0, 'done once');
  await become(page, 'Rita Rep');
  assert.equal(await page.getByRole('list', { name: 'Training' }).count(), 0, 'done training leaves Today');

  // axe on the inspector's page in both languages and themes.
  await become(page, 'Inés Calidad');
  for (const theme of ['light', 'dark']) {
    for (const lang of ['es', 'en']) {
      await page.evaluate(([t, l]) => { localStorage.setItem('ventanilla.theme', t); localStorage.setItem('ventanilla.lang', l); }, [theme, lang]);
      await page.goto(`${server.url}/quality/week`);
      await page.locator('main h1').first().waitFor();
      await page.locator('.qa-item').first().waitFor();
      await noViolations(page, `/quality/week (${theme}, ${lang})`);
    }
  }
  await context.close();
});

test('Spanish: an empty week says so and points to the reviews; the week follows its buttons and its date', async () => {
  const { context, page } = await newPage(browser, { locale: 'es-ES', timezoneId: 'Europe/Madrid' });
  await page.clock.setFixedTime(NOW);
  await page.goto(server.url);
  await page.getByLabel('Nombre de la organización').fill('Tienda');
  await page.getByLabel('Tu nombre').fill('Eva');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('heading', { name: /Eva/ }).waitFor();
  await page.goto(`${server.url}/quality/week`);
  await page.getByRole('heading', { name: 'Resumen semanal', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'lun 30 nov – dom 6 dic 2026', level: 2 }).waitFor();
  await page.getByText('No hay escuchas con fecha en esta semana, así que no hay nada que resumir.').waitFor();
  await page.getByRole('link', { name: 'Registrar escuchas en la página de Escuchas' }).waitFor();
  await page.getByText('Borrador: aún no enviado').waitFor();
  await noViolations(page, 'empty week, es');

  await page.getByRole('button', { name: /Semana anterior/ }).click();
  await page.getByRole('heading', { name: 'lun 23 nov – dom 29 nov 2026', level: 2 }).waitFor();
  await page.getByLabel('Ir a la semana del día').fill('2027-01-01');
  await page.getByRole('heading', { name: 'lun 28 dic 2026 – dom 3 ene 2027', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Esta semana' }).click();
  await page.getByRole('heading', { name: 'lun 30 nov – dom 6 dic 2026', level: 2 }).waitFor();

  // Sending an empty plan is refused in the rule's words.
  await page.getByRole('button', { name: 'Enviar a la dirección del departamento' }).click();
  await page.getByRole('alert').filter({ hasText: 'Problemas comunes: este dato es obligatorio.' }).waitFor();
  await page.getByRole('link', { name: 'Registrar escuchas en la página de Escuchas' }).click();
  await page.getByRole('heading', { name: 'Calidad', level: 1 }).waitFor();
  await context.close();
});
