// The closed complaint loop through the UI: a complaint walked through all
// six stages by the right roles (switching the current person), closed, and
// its return visit appearing; an unfounded complaint closed by the reply; a
// serious complaint on both directors' Today pages; the statistics; each
// printed document on one A4 page; an escalation up the chain; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, addPerson, become } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);

async function register(page, customer, content, asks) {
  await nav(page, 'Complaints');
  await page.getByRole('link', { name: 'New complaint' }).click();
  await page.getByLabel('Complainant').fill(customer.split(' ')[0]);
  await page.getByRole('button', { name: customer }).click();
  await page.getByLabel('What the complaint is about').fill(content);
  await page.getByLabel('What the customer asks for').fill(asks);
  await page.getByRole('button', { name: 'Register the complaint' }).click();
  await page.getByRole('heading', { name: `Complaint from ${customer}` }).waitFor();
  return page.url();
}

async function step(page, button) {
  await page.getByRole('button', { name: button }).click();
  await page.getByText('Step saved.').last().waitFor({ timeout: 10000 }).catch(async () => {
    const alerts = await page.getByRole('alert').allInnerTexts();
    throw new Error(`"${button}" did not save; the page says: ${alerts.filter(Boolean).join(' | ')}`);
  });
}

test('a complaint walks the six stages by the right roles, closes, and its return visit appears', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
  await page.goto(server.url);
  await page.getByLabel('Organisation name').fill('Tienda Centro');
  await page.getByLabel('Your name').fill('Ana Directora');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();
  await addPerson(page, 'Rosa Representante', 'Representative');
  await addPerson(page, 'Tomás Jefe', 'Team leader');
  await addPerson(page, 'Dora Departamento', 'Department director');
  await nav(page, 'Customers');
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Name').fill('Carmen Quejosa');
  await page.getByLabel('Phones').fill('600 555 111');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Carmen Quejosa' }).waitFor();

  // Stage 1 by a representative.
  await become(page, 'Rosa Representante');
  const url = await register(page, 'Carmen Quejosa', 'El sofá llegó roto', 'Que lo cambien');
  // Stage 2: founded, serious, a deadline promised a week ahead.
  await page.getByRole('radio', { name: 'Founded', exact: true }).check();
  await page.getByLabel('Responsible department').fill('Logística');
  await page.getByLabel('Severity').selectOption({ label: 'Serious' });
  await page.getByLabel('Investigation deadline promised to the customer').fill(isoDay(7));
  await step(page, 'Save the judgement');
  // A stage cannot be skipped: the page offers only the next one.
  await page.getByRole('heading', { name: 'Investigation (stage 3)' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Implementation (stage 5)' }).count(), 0);
  await page.getByLabel('Cause category').selectOption({ label: 'Delivery / logistics' });
  await page.getByRole('textbox', { name: 'Cause', exact: true }).fill('Embalaje insuficiente en el transporte');
  await page.getByLabel('Responsible person').fill('Transportes Norte');
  await step(page, 'Save the investigation');
  await page.getByLabel('Proposed plan').fill('Reponer el sofá en 48 horas');
  await step(page, 'Propose this plan');
  await page.getByLabel('Proposed plan').fill('Reembolsar el importe');
  await step(page, 'Propose this plan');
  // A representative cannot choose (R-ROL-02).
  await page.getByRole('button', { name: 'Choose this plan' }).first().click();
  await page.getByRole('alert').filter({ hasText: 'department director' }).waitFor();

  // R-CMP-03: the serious complaint is on both directors' Today pages.
  await become(page, 'Dora Departamento');
  await page.getByRole('heading', { name: /Open serious complaints/ }).waitFor();
  await page.getByRole('link', { name: 'Carmen Quejosa' }).first().waitFor();
  await become(page, 'Ana Directora');
  await page.getByRole('heading', { name: /Open serious complaints/ }).waitFor();
  await become(page, 'Dora Departamento');
  await page.goto(url);
  await page.getByRole('listitem').filter({ hasText: 'Reponer el sofá en 48 horas' }).getByRole('button', { name: 'Choose this plan' }).click();
  await page.getByText('Step saved.').last().waitFor();

  // Stage 5 on a tablet: the customer signs with a finger (here, the mouse).
  await become(page, 'Rosa Representante');
  await page.goto(url);
  await page.getByLabel('What was done').fill('Sofá nuevo entregado y montado');
  const pad = page.getByRole('img', { name: /Signature area/ });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 ? 15 : -15));
  await page.mouse.up();
  assert.equal(await page.getByRole('button', { name: 'Clear the signature' }).isEnabled(), true, 'the drawing was kept');
  await step(page, 'Save the implementation');
  await page.getByLabel('Improvement actions').fill('Revisar el embalaje con Transportes Norte');
  await step(page, 'Evaluate and close the complaint');
  await page.getByText('Complaint closed.').waitFor();
  // R-CMP-04: the return visit, due within 3 days.
  const facts = await page.locator('dl.facts').first().innerText();
  assert.match(facts, /Return visit due/);
  const timeline = await page.getByRole('list', { name: 'Complaint history' }).innerText();
  for (const s of ['Judged', 'Investigated', 'Plan chosen', 'Implemented', 'Evaluated']) assert.match(timeline, new RegExp(s));

  // R-CMP-05: the statistics count it.
  await nav(page, 'Complaints');
  await page.getByRole('link', { name: 'Statistics' }).click();
  const stats = await page.locator('main').innerText();
  assert.match(stats, /Complaints in the period\s*1/);
  assert.match(stats, /Delivery \/ logistics\s*1/);

  // R-CMP-06: each document prints on one A4 page, without the app's chrome.
  for (const doc of ['registration', 'record']) {
    await page.goto(`${url}/print/${doc}`);
    await page.locator('.print-doc').waitFor();
    // The document's own title, not the button that printed it.
    await page.getByRole('heading', { level: 1, name: doc === 'record' ? 'Complaint handling record' : 'Complaint registration form' }).waitFor();
    if (doc === 'record') await page.locator('.print-doc svg').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation').isVisible(), false, 'no navigation on paper');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, `${doc} prints on ${pages} pages`);
    await page.emulateMedia({ media: 'screen' });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unfounded complaint closes once the reply is recorded; an escalation goes up one level', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
  await page.goto(server.url);
  await page.getByLabel('Organisation name').fill('Tienda Sur');
  await page.getByLabel('Your name').fill('Luis Director');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: 'Hello, Luis Director' }).waitFor();
  await addPerson(page, 'Teo Jefe', 'Team leader');
  await addPerson(page, 'Eva Agente', 'Representative');
  await nav(page, 'Customers');
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Name').fill('Mario Prisas');
  await page.getByLabel('Phones').fill('600 777 888');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Mario Prisas' }).waitFor();
  await become(page, 'Eva Agente');
  await register(page, 'Mario Prisas', 'Quiere devolver un producto usado hace dos años', 'Devolución');
  await page.getByRole('radio', { name: 'Unfounded' }).check();
  await step(page, 'Save the judgement');
  await page.getByLabel('Reply given to the customer').fill('La garantía venció; ofrecemos reparación con descuento.');
  await step(page, 'Record the reply and close');
  await page.getByText('Complaint closed.').waitFor();

  // R-ESC-01: raised by a representative, it reaches the team leader first.
  await nav(page, 'Escalations');
  await page.getByLabel('Matter').selectOption({ label: 'A customer deliberately making trouble' });
  await page.getByLabel('What happened').fill('Cliente amenaza en tienda');
  await page.getByRole('button', { name: 'Escalate', exact: true }).click();
  await page.getByText('Matter escalated.').waitFor();
  await become(page, 'Teo Jefe');
  await page.getByRole('link', { name: 'Escalated matters I hold' }).click();
  await page.getByLabel('Instruction').fill('Avisar a seguridad y no discutir');
  await page.getByRole('button', { name: 'Record the instruction' }).click();
  await page.getByText('Avisar a seguridad y no discutir').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('complaint pages have no serious or critical accessibility violations', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.goto(server.url);
  await page.getByLabel('Organisation name').fill('Tienda Axe');
  await page.getByLabel('Your name').fill('Axe Director');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: 'Hello, Axe Director' }).waitFor();
  await nav(page, 'Customers');
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Name').fill('Clara Axe');
  await page.getByLabel('Phones').fill('600 999 000');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Clara Axe' }).waitFor();
  const url = await register(page, 'Clara Axe', 'Producto defectuoso', 'Cambio');
  const paths = ['/complaints', '/complaints/new', '/complaints/stats', '/escalations', new URL(url).pathname, `${new URL(url).pathname}/print/record`];
  for (const theme of ['light', 'dark']) {
    for (const lang of ['es', 'en']) {
      await page.evaluate(([t, l]) => { localStorage.setItem('ventanilla.theme', t); localStorage.setItem('ventanilla.lang', l); }, [theme, lang]);
      for (const p of paths) {
        await page.goto(server.url + p);
        await page.locator('main h1').first().waitFor();
        const bad = await axeCheck(page);
        assert.equal(bad.length, 0, `${p} (${theme}, ${lang}):\n${formatViolations(bad)}`);
      }
    }
  }
  await context.close();
});
