// The demo data as a person meets it: loaded with the app in Spanish, the
// complaints and escalations pages list records written in Spanish, and so
// does Today; clearing it leaves the person's own customer alone. Axe on
// every page visited.
//
// The clock is fixed at Monday 1 June 2026, 10:00 in Madrid (a month's
// first day), so the demo's story is known.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { startOrg, newCustomer } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOW = new Date('2026-06-01T08:00:00Z');
const nav = (page, name) => page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name, exact: true }).click();

async function accessible(page, where) {
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], `${where}: ${formatViolations(violations)}`);
}

test('demo data loaded in Spanish: complaints, escalations and contacts in Spanish; clearing it keeps my own customer', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.clock.setFixedTime(NOW);
  await startOrg(page, server.url, 'Tienda Centro', 'Ana Directora');
  await newCustomer(page, 'Clienta Propia Real', '600 123 987');
  await page.getByRole('button', { name: 'Español' }).click();

  await nav(page, 'Ajustes');
  await page.getByRole('button', { name: 'Cargar datos de demostración' }).click();
  await page.getByText('Datos de demostración cargados.').waitFor({ timeout: 30000 });
  await accessible(page, 'settings');

  // Complaints: the open ones, at every stage, in Spanish.
  await nav(page, 'Quejas');
  const complaints = page.getByRole('list', { name: 'Lista de quejas' }).locator(':scope > li');
  await complaints.first().waitFor();
  assert.ok(await complaints.count() >= 6, `${await complaints.count()} complaints listed`);
  await page.getByText('Tras el montaje de la cocina, una fuga de agua ha dañado el piso de abajo').waitFor();
  await page.getByText('Plazo vencido').first().waitFor();
  await accessible(page, 'complaints');

  // Escalations: three matters, one with the director's instruction.
  await nav(page, 'Escalados');
  const matters = page.getByRole('list', { name: 'Asuntos escalados' }).locator(':scope > li');
  await matters.first().waitFor();
  assert.equal(await matters.count(), 3);
  await page.getByText('Avisad hoy al seguro').waitFor();
  await accessible(page, 'escalations');

  // Today: my open contacts, their summaries in Spanish.
  await nav(page, 'Hoy');
  const mine = page.getByRole('list', { name: /^Mis contactos abiertos/ });
  await mine.getByRole('link', { name: 'Reclama el reembolso de un cargo duplicado en la tarjeta' }).waitFor();
  const text = await page.locator('main').innerText();
  for (const english of ['Claims a refund', 'Wants to know', 'Asks ', 'The ', ' the ']) {
    assert.ok(!text.includes(english), `Today shows English: ${english}`);
  }
  await accessible(page, 'today');

  // Cleared: only my own customer is left, and no complaint.
  await nav(page, 'Ajustes');
  await page.getByRole('button', { name: 'Borrar datos de demostración' }).click();
  await page.getByRole('button', { name: 'Sí, continuar' }).click();
  await page.getByText('Datos de demostración borrados.').waitFor({ timeout: 30000 });
  await nav(page, 'Clientes');
  const customers = page.getByRole('list', { name: 'Lista de clientes' }).getByRole('link');
  await customers.first().waitFor();
  assert.equal(await customers.count(), 1);
  assert.match(await customers.first().innerText(), /^Clienta Propia Real/);
  await accessible(page, 'customers after clearing');
  await nav(page, 'Quejas');
  await page.getByText('Todavía no hay quejas. Regístralas aquí o conviértelas desde un contacto.').waitFor();
  await context.close();
});
