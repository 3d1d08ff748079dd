// Service standards through the UI (R-STD-01..R-STD-03): a department
// director adds a department and sets its standard (first response within
// 30 minutes, target 90 %; a start in the middle of a month is refused in
// the rule's words). Three contacts are forwarded to it, written
// "almacen" without its accent: one answered after 10 minutes, one after
// 45, one still waiting at 45 minutes; the department misses the standard
// (1 of 3 within), and the drill-down lists exactly the two late contacts,
// each a link to its page. A free-text department is adopted from the
// list. An audit of the department records a finding and an improvement
// action for a representative: it is on her Today, she marks it done, the
// auditor finds it on her Today and verifies it; a second action is sent
// back after a confirmation, with a note, and once past its due day it is
// on the director's Today. The service agreement prints on one A4 page.
// axe on every new page in es/en × light/dark. A second test: in Spanish,
// the empty pages say what to do.
//
// The clock is fixed at Wednesday 2 December 2026, 09:00 in Madrid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, startOrg, addPerson, become, newCustomer } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const at = (hhmm) => new Date(`2026-12-02T${hhmm}:00+01:00`);

async function noViolations(page, where = '') {
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], `${where}\n${formatViolations(violations)}`);
}

const said = (page, text) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** A contact on the customer's page, forwarded to `department`; returns its path. */
async function forwardedContact(page, customer, summary, department) {
  await nav(page, 'Customers');
  await page.getByLabel('Search customers').fill(customer);
  await page.getByRole('link', { name: new RegExp(customer) }).click();
  await page.getByLabel('Summary').fill(summary);
  await page.getByRole('button', { name: 'Save contact' }).click();
  const link = page.getByRole('list', { name: /Contact timeline/ }).getByRole('link', { name: summary });
  await link.click();
  await page.getByRole('heading', { name: `Contact: ${summary}` }).waitFor();
  await page.getByRole('textbox', { name: 'Department', exact: true }).fill(department);
  await page.getByLabel('Note for the receiver').fill('Revisar el pedido');
  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  await said(page, 'Contact forwarded');
  return new URL(page.url()).pathname;
}

async function answered(page, path) {
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'The department answered' }).click();
  await said(page, "The department's answer recorded");
  await page.getByRole('button', { name: 'The department answered' }).waitFor({ state: 'detached' });
}

async function openAudits(page) {
  await nav(page, 'Standards');
  await page.getByRole('navigation', { name: 'Parts of service standards' }).getByRole('link', { name: 'Audits' }).click();
  await page.getByRole('heading', { name: 'Audits', level: 1 }).waitFor();
}

test('R-STD-01..03: a standard set, missed by late answers with the records listed, an audit action done and verified', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US', timezoneId: 'Europe/Madrid' });
  await page.clock.setFixedTime(at('09:00'));
  await startOrg(page, server.url, 'Tienda Sol', 'Ana Directora');
  await addPerson(page, 'Rita Rep', 'Representative');
  await addPerson(page, 'Dora Dirección', 'Department director');
  await newCustomer(page, 'Carla Cliente', '600 700 800');

  // The department director: an empty page says what to do.
  await become(page, 'Dora Dirección');
  await nav(page, 'Standards');
  await page.getByRole('heading', { name: 'Standards', level: 1 }).waitFor();
  await page.getByText('No departments yet. Add below the departments contacts are forwarded to').waitFor();
  await noViolations(page, 'standards, empty');
  await page.getByLabel('Department name').fill('Almacén');
  await page.getByRole('button', { name: 'Add department' }).click();
  await said(page, 'Department added');
  const kept = page.getByRole('list', { name: /^The organisation's departments/ });
  await kept.getByRole('link', { name: 'Almacén' }).click();
  await page.getByRole('heading', { name: 'Almacén', level: 1 }).waitFor();
  await page.getByText('This department has no standards yet. Set the first one with the form below.').waitFor();
  const almacen = new URL(page.url()).pathname;

  // A standard: first response within 30 minutes in 90 % of cases, monthly.
  await page.getByLabel('What is measured').selectOption({ label: 'First response' });
  await page.getByLabel('Threshold (minutes)').fill('30');
  await page.getByLabel('Compliance target (% of cases)').fill('90');
  assert.equal(await page.getByLabel('Applies from').inputValue(), '2026-12-01', 'this period by default');
  await page.getByLabel('Applies from').fill('2026-12-15');
  await page.getByRole('button', { name: 'Save the standard' }).click();
  await page.getByRole('alert').filter({ hasText: "Standard's start date: the date is not valid or not plausible" }).waitFor();
  await page.getByLabel('Applies from').fill('2026-12-01');
  await page.getByRole('button', { name: 'Save the standard' }).click();
  await said(page, 'Standard saved');
  const card = page.getByRole('article', { name: 'First response' });
  await card.getByText('Within 30 min, in 90 % of cases · Monthly · from 1 Dec 2026 · set by Dora Dirección, 2 Dec 2026, 09:00').waitFor();
  await card.getByText('No cases yet').waitFor();
  await noViolations(page, 'department with a standard');

  // Rita forwards three contacts to "almacen" and one to "Reparto".
  await become(page, 'Rita Rep');
  const late = await forwardedContact(page, 'Carla Cliente', 'Pedido sin llegar', 'almacen');
  const quick = await forwardedContact(page, 'Carla Cliente', 'Factura duplicada', 'almacen');
  await forwardedContact(page, 'Carla Cliente', 'Mueble con golpe', 'almacen');
  await forwardedContact(page, 'Carla Cliente', 'Cambio de dirección', 'Reparto');
  await page.clock.setFixedTime(at('09:10'));
  await answered(page, quick);
  await page.clock.setFixedTime(at('09:45'));
  await answered(page, late);

  // Rita sees the standing but changes nothing.
  await nav(page, 'Standards');
  await page.getByText('Only a department director or higher changes this list.').waitFor();
  assert.equal(await page.getByRole('button', { name: /Add department|Rename|Make inactive|Add as a department/ }).count(), 0, 'read-only');
  await page.goto(`${server.url}${almacen}`);
  await page.getByText('Only a department director or higher sets standards (Ana Directora, Dora Dirección).').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save the standard' }).count(), 0);

  // The director: Almacén misses it, 1 of 3 within, the two late ones listed.
  await become(page, 'Dora Dirección');
  await nav(page, 'Standards');
  const standing = page.getByRole('list', { name: "This period's compliance" });
  const dept = standing.getByRole('listitem', { name: /Almacén/ });
  await dept.getByText('Overall: Missed').waitFor();
  await dept.getByText('First response — Within 30 min, in 90 % of cases').waitFor();
  await dept.getByText('33.3 % (target 90.0 %) · 1 of 3 cases within the threshold · No figure for the previous period').waitFor();

  // "Reparto" was only written in a contact: adopted as a department.
  const candidates = page.getByRole('list', { name: /^Departments written in contacts and complaints/ });
  const reparto = candidates.getByRole('listitem', { name: 'Reparto' });
  await reparto.getByText('Contacts forwarded: 1 · complaints: 0').waitFor();
  await reparto.getByRole('button', { name: 'Add as a department — Reparto' }).click();
  await said(page, 'Department adopted');
  await page.getByText('Every department written in contacts and complaints is on the list.').waitFor();
  await kept.getByRole('link', { name: 'Reparto' }).waitFor();
  await noViolations(page, 'standing');

  await dept.getByRole('link', { name: 'Almacén' }).click();
  await page.getByRole('heading', { name: 'Almacén', level: 1 }).waitFor();
  await card.getByText('Missed', { exact: true }).waitFor();
  await card.getByText(/This period: 1 Dec 2026 – 31 Dec 2026 · 1 of 3 cases within the threshold/).waitFor();
  await card.getByText('Records that missed (2)').click();
  const missed = card.getByRole('list', { name: 'First response' });
  const links = (await missed.getByRole('link').allInnerTexts()).sort();
  assert.deepEqual(links, ['Mueble con golpe', 'Pedido sin llegar'], 'exactly the late ones');
  await noViolations(page, 'drill-down open');
  await missed.getByRole('link', { name: 'Pedido sin llegar' }).click();
  await page.getByRole('heading', { name: 'Contact: Pedido sin llegar' }).waitFor();
  await page.getByText(/Almacén|almacen/).first().waitFor();

  // The service agreement: one A4 page, the standard and this period's figure.
  await page.goto(`${server.url}${almacen}`);
  await page.getByRole('heading', { name: 'Almacén', level: 1 }).waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.getByText('Service agreement — Almacén').waitFor();
  await page.getByText(/Tienda Sol · printed by Dora Dirección, 2 Dec 2026, 09:45/).waitFor();
  await page.getByRole('cell', { name: /Missed · 33.3 % \(target 90.0 %\) · 1 of 3 cases/ }).waitFor();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, 'the agreement fits one A4 page');
  await page.emulateMedia({ media: 'screen' });

  // An audit of Almacén: a finding and an action for Rita.
  await openAudits(page);
  await page.getByText('No audits yet. Record the first one with the form above.').waitFor();
  await page.getByLabel('Department audited').selectOption({ label: 'Almacén' });
  assert.equal(await page.getByLabel('Audit date').inputValue(), '2026-12-02');
  await page.getByLabel('Summary (optional)').fill('Revisión de los reenvíos de diciembre');
  await page.getByRole('button', { name: 'Save the audit' }).click();
  await said(page, 'Audit saved');
  const audit = page.getByRole('article', { name: 'Almacén · 2 Dec 2026' });
  await audit.getByText('Audited by Dora Dirección').waitFor();
  await audit.getByText('Add a finding').click();
  await audit.getByLabel('Severity').selectOption({ label: 'Serious' });
  await audit.getByLabel('Evidence').fill('Dos contactos esperaron más de 30 minutos');
  await audit.getByRole('button', { name: 'Save the finding' }).click();
  await said(page, 'Finding saved');
  await audit.getByRole('list', { name: /^Findings/ }).getByText('Dos contactos esperaron más de 30 minutos').waitFor();
  await audit.getByText('Add an improvement action').click();
  const addAction = async (text, due) => {
    await audit.getByLabel('Improvement action', { exact: true }).fill(text);
    await audit.getByLabel('Owner', { exact: true }).selectOption({ label: 'Rita Rep' });
    await audit.getByLabel('Due date').fill(due);
    await audit.getByRole('button', { name: 'Save the action' }).click();
    await said(page, 'Improvement action saved');
  };
  await audit.getByLabel('Answers the finding (optional)').selectOption({ label: 'Dos contactos esperaron más de 30 minutos' });
  await addAction('Responder los reenvíos en 30 minutos', '2026-12-09');
  await addAction('Revisar el buzón a mediodía', '2026-12-03');
  const actions = audit.getByRole('list', { name: /^Improvement actions/ });
  const first = actions.getByRole('listitem', { name: 'Responder los reenvíos en 30 minutos' });
  await first.getByText('Owner: Rita Rep · Due: 9 Dec 2026').waitFor();
  await first.getByText('Open', { exact: true }).waitFor();
  await noViolations(page, 'audit with actions');

  // Rita: both on her Today; she marks them done.
  await become(page, 'Rita Rep');
  const mine = page.getByRole('list', { name: 'Your improvement actions (2)' });
  await mine.getByRole('link', { name: 'Responder los reenvíos en 30 minutos' }).click();
  await page.getByRole('heading', { name: 'Audits', level: 1 }).waitFor();
  await first.getByRole('button', { name: 'Mark as done' }).click();
  await said(page, 'Action marked as done');
  await first.getByText('Done by Rita Rep, 2 Dec 2026, 09:45: waiting for verification').waitFor();
  assert.equal(await first.getByRole('button', { name: 'Verify' }).count(), 0, 'nobody verifies their own action');
  const second = actions.getByRole('listitem', { name: 'Revisar el buzón a mediodía' });
  await second.getByRole('button', { name: 'Mark as done' }).click();
  await said(page, 'Action marked as done');
  await nav(page, 'Today');
  assert.equal(await page.getByRole('list', { name: /Your improvement actions/ }).count(), 0, 'done actions leave her Today');

  // The auditor: both to verify on Today; one verified, one sent back.
  await become(page, 'Dora Dirección');
  const toVerify = page.getByRole('list', { name: 'Actions to verify (2)' });
  await toVerify.getByRole('link', { name: 'Responder los reenvíos en 30 minutos' }).click();
  await page.getByRole('heading', { name: 'Audits', level: 1 }).waitFor();
  await first.getByRole('button', { name: 'Verify' }).click();
  await said(page, 'Action verified');
  await first.getByText('Verified by Dora Dirección, 2 Dec 2026, 09:45').waitFor();
  await second.getByRole('button', { name: 'Send back' }).click();
  await second.getByRole('group', { name: /Send the action back to its owner\?/ }).getByRole('button', { name: 'Cancel' }).click();
  await second.getByRole('button', { name: 'Send back' }).click();
  await second.getByRole('button', { name: 'Yes, go ahead' }).click();
  await second.getByRole('alert').filter({ hasText: 'Verification note' }).waitFor();
  await second.getByLabel('Verification note').fill('El buzón seguía sin revisar el jueves');
  await second.getByRole('button', { name: 'Send back' }).click();
  await second.getByRole('button', { name: 'Yes, go ahead' }).click();
  await said(page, 'Action sent back to its owner');
  await second.getByText('Open', { exact: true }).waitFor();
  await second.getByText('El buzón seguía sin revisar el jueves').waitFor();
  await noViolations(page, 'verified and sent back');

  // Past its due day the open action is overdue: on the director's Today.
  await page.clock.setFixedTime(new Date('2026-12-05T10:00:00+01:00'));
  await nav(page, 'Today');
  const overdue = page.getByRole('list', { name: 'Overdue improvement actions (1)' });
  await overdue.getByRole('link', { name: 'Revisar el buzón a mediodía' }).waitFor();
  await overdue.getByText(/Owner: Rita Rep/).waitFor();
  await page.clock.setFixedTime(at('09:45'));

  // axe on every new page in both languages and themes.
  for (const theme of ['light', 'dark']) {
    for (const lang of ['es', 'en']) {
      await page.evaluate(([t, l]) => { localStorage.setItem('ventanilla.theme', t); localStorage.setItem('ventanilla.lang', l); }, [theme, lang]);
      for (const path of ['/standards', almacen, '/standards/audits']) {
        await page.goto(`${server.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.locator('.std-dept, .std-metric, .std-audit').first().waitFor();
        await noViolations(page, `${path} (${theme}, ${lang})`);
      }
    }
  }
  await context.close();
});

test('Spanish: the empty standards and audits pages say what to do', async () => {
  const { context, page } = await newPage(browser, { locale: 'es-ES', timezoneId: 'Europe/Madrid' });
  await page.clock.setFixedTime(at('09:00'));
  await page.goto(server.url);
  await page.getByLabel('Nombre de la organización').fill('Tienda');
  await page.getByLabel('Tu nombre').fill('Eva');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('heading', { name: /Eva/ }).waitFor();
  await page.goto(`${server.url}/standards`);
  await page.getByRole('heading', { name: 'Estándares', level: 1 }).waitFor();
  await page.getByText('Aún no hay departamentos. Añade abajo los departamentos a los que se reenvían los contactos').waitFor();
  await page.getByText('Todos los departamentos escritos en contactos y quejas están en la lista.').waitFor();
  await noViolations(page, 'empty standards, es');
  // An empty name is refused in the rule's words.
  await page.getByRole('button', { name: 'Añadir departamento' }).click();
  await page.getByRole('alert').filter({ hasText: 'Nombre del departamento' }).waitFor();
  await page.goto(`${server.url}/standards/audits`);
  await page.getByRole('heading', { name: 'Auditorías', level: 1 }).waitFor();
  await page.getByText('Para registrar una auditoría, primero añade el departamento en la página de departamentos.').waitFor();
  await page.getByText('Aún no hay auditorías.', { exact: true }).waitFor();
  await noViolations(page, 'empty audits, es');
  await page.goto(`${server.url}/standards/department/123`);
  await page.getByText('Este departamento no existe en este dispositivo.').waitFor();
  await page.getByRole('link', { name: 'Volver a los departamentos' }).click();
  await page.getByRole('heading', { name: 'Estándares', level: 1 }).waitFor();
  await context.close();
});
