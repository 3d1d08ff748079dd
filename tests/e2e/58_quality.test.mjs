// Quality reviews through the UI (R-QA-01, R-QA-02): a center director adds
// a representative and a quality inspector; the inspector sees the
// representative below the month's minimum, reviews them with one criterion
// not applicable and watches the total out of 100 follow the scores, and the
// representative leaves the list; the representative acknowledges one review
// and disputes another; the director changes the disputed score; a sixth
// review in the month is refused. axe on the page for each of them, and in
// Spanish.
//
// The clock is fixed at Monday 2 June 2025, 10:00 in Madrid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, startOrg, addPerson, become } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOW = new Date('2025-06-02T08:00:00Z');

async function noViolations(page) {
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], formatViolations(violations));
}

const said = (page, text) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
const criterion = (page, name) => page.getByRole('group', { name, exact: true });

async function score(page, name, value) {
  await criterion(page, name).getByRole('radio', { name: value, exact: true }).check();
}

test('R-QA-01 / R-QA-02: reviewed with a live total, off the minimum list, acknowledged, disputed and ruled', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.clock.setFixedTime(NOW);
  await startOrg(page, server.url, 'Tienda Sol', 'Ana Directora');
  await addPerson(page, 'Rita Rep', 'Representative');
  await addPerson(page, 'Inés Calidad', 'Quality inspector');

  // The inspector: Rita still lacks this month's review.
  await become(page, 'Inés Calidad');
  await nav(page, 'Quality');
  await page.getByRole('heading', { name: 'Quality', level: 1 }).waitFor();
  const below = page.getByRole('list', { name: /Below the monthly minimum/ });
  await below.getByText('Rita Rep').waitFor();
  await page.getByText('No reviews yet. Record the first one with the form above.').waitFor();
  await noViolations(page);

  // "Review" fills in the form; Rita has no contact to suggest.
  await below.getByRole('button', { name: 'Review — Rita Rep' }).click();
  await page.getByText('Reviews left this month for this person: 5').waitFor();
  await page.getByText(/has no contact this month that is not reviewed yet/).waitFor();
  await page.getByText('No total yet: score at least one criterion.').waitFor();

  // The total follows the scores; N/A leaves a criterion out.
  await score(page, 'Service wording', '5');
  await page.getByText('Total: 100 out of 100').waitFor();
  await criterion(page, 'Service wording').getByLabel('Comment').fill('Saludo y despedida correctos');
  await score(page, 'Service attitude', '4');
  await page.getByText('Total: 87.5 out of 100').waitFor();
  // Saving with a criterion not scored says what is missing.
  await page.getByRole('button', { name: 'Save the review' }).click();
  await page.getByRole('alert').filter({ hasText: 'Score every criterion or mark it “N/A”.' }).waitFor();
  await score(page, 'Tone of voice', 'N/A');
  await score(page, "Summarising the customer's needs", '3');
  await score(page, 'Answering the customer', '2');
  // A low score asks for its root causes.
  await criterion(page, 'Answering the customer').getByLabel('Root causes (separated by commas)').fill('no verificó la identidad, respuesta incompleta');
  await page.getByText('Total: 62.5 out of 100').waitFor();
  await page.getByLabel('Overall comment').fill('Buena actitud; revisar las respuestas.');
  await noViolations(page);
  await page.getByRole('button', { name: 'Save the review' }).click();
  await said(page, 'Review saved');

  // Listed with its total; Rita is off the minimum's list.
  const reviews = page.getByRole('list', { name: /^Reviews/ });
  const first = reviews.getByRole('listitem').filter({ hasText: '2 Jun 2025' });
  await first.getByText('Total: 62.5 out of 100').waitFor();
  await first.getByText('Waiting for the answer').waitFor();
  await page.getByText("Everyone has this month's minimum of reviews.").waitFor();
  await page.getByText('No total yet: score at least one criterion.').waitFor();

  // A second review, of the day before, all fives.
  await page.getByLabel('Person reviewed').selectOption({ label: 'Rita Rep' });
  await page.getByText('Reviews left this month for this person: 4').waitFor();
  await page.getByLabel('Review date').fill('2025-06-01');
  for (const name of ['Service wording', 'Service attitude', 'Tone of voice', "Summarising the customer's needs", 'Answering the customer']) {
    await score(page, name, '5');
  }
  await page.getByRole('button', { name: 'Save the review' }).click();
  await said(page, 'Review saved');
  const second = reviews.getByRole('listitem').filter({ hasText: '1 Jun 2025' });
  await second.getByText('Total: 100 out of 100').waitFor();

  // The representative: acknowledges one, disputes the other.
  await become(page, 'Rita Rep');
  await nav(page, 'Quality');
  await page.getByText('Waiting for your answer: 2').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save the review' }).count(), 0, 'no review form for an agent');
  await first.getByText('Scores and comments').click();
  await first.getByText('Saludo y despedida correctos').waitFor();
  await first.getByText(/no verificó la identidad, respuesta incompleta/).waitFor();
  await noViolations(page);
  await second.getByRole('button', { name: 'Acknowledge' }).click();
  await said(page, 'Review acknowledged');
  await second.getByText('Acknowledged', { exact: true }).first().waitFor();
  await first.getByText('Dispute', { exact: true }).click();
  // A dispute needs its reason.
  await first.getByRole('button', { name: 'Send the dispute' }).click();
  await first.getByRole('alert').filter({ hasText: 'this is required' }).waitFor();
  await first.getByLabel('Why you disagree').fill('Sí verifiqué la identidad al principio de la llamada.');
  await first.getByRole('button', { name: 'Send the dispute' }).click();
  await said(page, 'Dispute sent to the department director');
  await first.getByText('Disputed', { exact: true }).first().waitFor();
  assert.equal(await first.getByRole('button', { name: 'Acknowledge' }).count(), 0, 'answered once');
  await noViolations(page);

  // The director: the dispute waits; the score changes.
  await become(page, 'Ana Directora');
  await nav(page, 'Quality');
  const disputes = page.getByRole('list', { name: /Disputes to rule on/ });
  const disputed = disputes.getByRole('listitem').filter({ hasText: 'Rita Rep' });
  await disputed.getByText(/Sí verifiqué la identidad/).waitFor();
  await noViolations(page);
  await disputed.getByLabel('Comment on the ruling').fill('Se oye la verificación en el minuto 1.');
  await disputed.getByText('Change the score', { exact: true }).click();
  await disputed.getByLabel('Answering the customer').selectOption('4');
  await disputed.getByRole('button', { name: 'Save the new score' }).click();
  await said(page, 'Ruling saved');
  await page.getByText('No dispute is waiting for your ruling.').waitFor();
  await first.getByText('Total: 75 out of 100').waitFor();
  await first.getByText('Ruled: score changed', { exact: true }).first().waitFor();
  await noViolations(page);

  // R-QA-02: five reviews a month at most; the sixth is refused, naming the rule.
  for (let n = 3; n <= 6; n++) {
    await page.getByLabel('Person reviewed').selectOption({ label: 'Rita Rep' });
    await page.getByText(`Reviews left this month for this person: ${6 - n}`).waitFor();
    for (const name of ['Service wording', 'Service attitude', 'Tone of voice', "Summarising the customer's needs", 'Answering the customer']) {
      await score(page, name, '4');
    }
    await page.locator('#qa-review').getByText('Total: 75 out of 100').waitFor();
    await page.getByRole('button', { name: 'Save the review' }).click();
    if (n < 6) await page.getByText('No total yet: score at least one criterion.').waitFor();
  }
  const refused = page.getByRole('alert').filter({ hasText: 'Reviews this month' });
  await refused.getByRole('link', { name: 'R-QA-02' }).waitFor();
  assert.equal(await reviews.getByRole('listitem').count(), 5);
  await context.close();
});

test('Spanish: the page speaks the page language and says what to do next', async () => {
  const { context, page } = await newPage(browser, { locale: 'es-ES' });
  await page.clock.setFixedTime(NOW);
  await page.goto(server.url);
  await page.getByLabel('Nombre de la organización').fill('Tienda');
  await page.getByLabel('Tu nombre').fill('Eva');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('heading', { name: /Eva/ }).waitFor();
  await page.goto(`${server.url}/quality`);
  await page.getByRole('heading', { name: 'Calidad', level: 1 }).waitFor();
  await page.getByText('Aún no hay especialistas a quien evaluar: añádelos en Equipo.').waitFor();
  await page.getByText('Ningún desacuerdo espera tu resolución.').waitFor();
  await criterion(page, 'Tono de voz').getByRole('radio', { name: 'No aplica' }).waitFor();
  await page.getByRole('button', { name: 'Guardar la escucha' }).waitFor();
  await noViolations(page);
  await context.close();
});

test('R-QA-01 / R-KB-01: a weak criterion points the agent to the standard answer to train on', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.clock.setFixedTime(NOW);
  await startOrg(page, server.url, 'Tienda Sol', 'Ana Directora');
  await addPerson(page, 'Rita Rep', 'Representative');
  await addPerson(page, 'Inés Calidad', 'Quality inspector');

  // The director puts an answer in use at the weekly meeting.
  await page.goto(`${server.url}/department/meetings`);
  await page.getByLabel('Date and time').fill('2025-06-02T07:00');
  await page.getByLabel('Title').fill('Reunión semanal');
  await page.getByRole('button', { name: 'Schedule a meeting' }).click();
  await said(page, 'Meeting scheduled');
  await nav(page, 'Standard answers');
  await page.getByLabel('Question').fill('Devolución sin ticket');
  await page.getByLabel(/^Answer( \*)?$/).fill('Sin ticket le devolvemos el importe en su tarjeta.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('list', { name: 'Drafts' }).getByRole('button', { name: 'Put in use' }).click();
  await said(page, 'Answer in use');

  // The inspector: a low score names the answer to train on.
  await become(page, 'Inés Calidad');
  await nav(page, 'Quality');
  await page.getByRole('button', { name: 'Review — Rita Rep' }).click();
  for (const name of ['Service wording', 'Service attitude', 'Tone of voice', "Summarising the customer's needs"]) {
    await score(page, name, '4');
  }
  assert.equal(await page.getByLabel('Standard answer to train on (optional)').count(), 0, 'only on a low score');
  await score(page, 'Answering the customer', '1');
  await criterion(page, 'Answering the customer').getByLabel('Standard answer to train on (optional)')
    .selectOption({ label: 'Devolución sin ticket' });
  await noViolations(page);
  await page.getByRole('button', { name: 'Save the review' }).click();
  await said(page, 'Review saved');

  // The agent sees it with the review and lands on the answer.
  await become(page, 'Rita Rep');
  await nav(page, 'Quality');
  const review = page.getByRole('list', { name: /^Reviews/ }).getByRole('listitem').filter({ hasText: '2 Jun 2025' });
  await review.getByText('Scores and comments').click();
  await review.getByText('To train on:').waitFor();
  await review.getByRole('link', { name: 'Devolución sin ticket' }).click();
  await page.getByRole('heading', { name: 'Standard answers', level: 1 }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-landed]')?.textContent.includes('Devolución sin ticket'));
  await noViolations(page);
  await context.close();
});
