// Standard answers through the UI (R-KB-01, R-KB-02): a director drafts an
// answer and puts it in use at the weekly meeting; from a contact an agent
// finds it without accents and inserts it at the cursor with the customer's
// name; a new wording keeps the one the contact used; a question without an
// answer reaches the meeting's agenda; the answer and its meeting link to
// each other; an outdated answer leaves the search
// but is kept and can be used again. axe on both pages.
//
// The clock is fixed at Monday 2 June 2025, 10:00 in Madrid: the meeting at
// 09:00 has taken place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, newCustomer } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOW = new Date('2025-06-02T08:00:00Z');
const QUESTION = 'Devolución sin ticket';
const TEXT = 'Hola {customer}: sin ticket le devolvemos el importe en la tarjeta con la que pagó. {org}';

async function noViolations(page) {
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], formatViolations(violations));
}

test('R-KB-01 / R-KB-02: agreed at the meeting, found from a contact, inserted at the cursor, reworded, outdated and used again', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.clock.setFixedTime(NOW);
  await page.goto(server.url);
  await page.getByLabel('Organisation name').fill('Tienda Sol');
  await page.getByLabel('Your name').fill('Ana Directora');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();

  // The weekly meeting that agrees the answer.
  await page.goto(`${server.url}/department/meetings`);
  await page.getByLabel('Date and time').fill('2025-06-02T09:00');
  await page.getByLabel('Title').fill('Reunión semanal');
  await page.getByRole('button', { name: 'Schedule a meeting' }).click();
  await page.getByText('Meeting scheduled').first().waitFor();

  // An empty knowledge base says what to do.
  await nav(page, 'Standard answers');
  await page.getByRole('heading', { name: 'Standard answers', level: 1 }).waitFor();
  await page.getByText(/No answers agreed yet/).waitFor();
  await noViolations(page);

  // Drafted, then put in use at the meeting.
  await page.getByLabel('Question').fill(QUESTION);
  await page.getByLabel(/^Answer( \*)?$/).fill(TEXT);
  await page.getByLabel('Category').selectOption({ label: 'Claim' });
  await page.getByLabel('Keywords (separated by commas)').fill('devolución, ticket');
  await page.getByRole('button', { name: 'Save draft' }).click();
  const drafts = page.getByRole('list', { name: 'Drafts' });
  await drafts.getByText(QUESTION, { exact: true }).waitFor();
  await drafts.getByRole('button', { name: 'Put in use' }).click();
  const inUse = page.getByRole('list', { name: /Answers in use/ });
  await inUse.getByText(QUESTION, { exact: true }).waitFor();
  await inUse.getByText(/Agreed on/).waitFor();
  await noViolations(page);

  // Linked both ways with the meeting that agreed it: each link lands on
  // the other's card, marked.
  await inUse.getByRole('link', { name: 'Reunión semanal' }).click();
  const meeting = page.getByRole('listitem', { name: /Reunión semanal/ });
  await meeting.getByText('Standard answers agreed at this meeting').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-landed]')?.textContent.includes('Reunión semanal'));
  await meeting.getByRole('link', { name: QUESTION }).click();
  await page.getByRole('heading', { name: 'Standard answers', level: 1 }).waitFor();
  await page.waitForFunction((q) => document.querySelector('[data-landed]')?.textContent.includes(q), QUESTION);
  await noViolations(page);

  // Search ignores accents and case; a miss says so.
  await page.getByLabel('Search answers').fill('DEVOLUCION');
  await inUse.getByText(QUESTION, { exact: true }).waitFor();
  await page.getByLabel('Search answers').fill('garantía');
  await page.getByText('No answer matches the search.').waitFor();

  // From a contact: the reply gets the answer where the cursor is.
  await newCustomer(page, 'José Pérez', '600111222');
  await page.getByLabel('Summary').fill('Quiere devolver una silla sin ticket');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('link', { name: 'Quiere devolver una silla sin ticket' }).click();
  const resolution = page.getByLabel('Resolution');
  await resolution.fill('Resuelto por teléfono. ');
  await page.getByLabel('Search answers').fill('devolucion');
  // The preview reads as it will be inserted: the customer's name filled in.
  await page.getByText('Hola José Pérez: sin ticket le devolvemos', { exact: false }).waitFor();
  await page.getByRole('button', { name: `Insert — ${QUESTION}` }).click();
  await page.getByText('Answer inserted').first().waitFor();
  assert.equal(
    await resolution.inputValue(),
    'Resuelto por teléfono. Hola José Pérez: sin ticket le devolvemos el importe en la tarjeta con la que pagó. Tienda Sol',
  );
  const used = page.getByRole('list').filter({ hasText: `${QUESTION} (version 1)` });
  await used.waitFor();
  await noViolations(page);

  // No answer for another question: it goes on the meeting's agenda.
  await page.getByRole('button', { name: 'No standard answer for this' }).click();
  await page.getByText('Noted for the next weekly meeting').first().waitFor();

  // A new wording; the contact still shows the one it used.
  await nav(page, 'Standard answers');
  await page.getByRole('list', { name: /Questions without an answer/ }).getByText('Quiere devolver una silla sin ticket').waitFor();
  await inUse.getByText('Change the wording').click();
  await inUse.getByLabel(/^Answer( \*)?$/).fill('Hola {customer}: sin ticket, el importe vuelve a su tarjeta en 5 días.');
  await inUse.getByRole('button', { name: 'Save the new wording' }).click();
  await inUse.getByText(/el importe vuelve a su tarjeta en 5 días/).waitFor();
  await inUse.getByText('Earlier wordings (1)').waitFor();

  // Outdated: out of the search, kept under Outdated, and back in use.
  await inUse.getByText('Mark outdated', { exact: true }).first().click();
  await inUse.getByRole('button', { name: 'Mark outdated' }).click();
  await page.getByText('Answer marked outdated').first().waitFor();
  const outdated = page.getByRole('list', { name: 'Outdated' });
  await outdated.getByText(QUESTION, { exact: true }).first().waitFor();
  await page.getByLabel('Search answers').fill('devolucion');
  await page.getByText('No answer matches the search.').waitFor();
  await outdated.getByRole('button', { name: 'Use it again' }).click();
  await inUse.getByText(QUESTION, { exact: true }).waitFor();
  await noViolations(page);
  await context.close();
});

test('Spanish: the page and the picker speak the page language', async () => {
  const { context, page } = await newPage(browser, { locale: 'es-ES' });
  await page.goto(server.url);
  await page.getByLabel('Nombre de la organización').fill('Tienda');
  await page.getByLabel('Tu nombre').fill('Eva');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('heading', { name: /Eva/ }).waitFor();
  await page.goto(`${server.url}/answers`);
  await page.getByRole('heading', { name: 'Respuestas unificadas', level: 1 }).waitFor();
  await page.getByText(/Aún no hay respuestas acordadas/).waitFor();
  await page.getByRole('button', { name: 'Guardar borrador' }).waitFor();
  await noViolations(page);
  await context.close();
});
