// A complaint from someone who is not a customer yet, registered end to end
// from the complaint form: the customer picker finds nobody, "New customer"
// opens a short form in place (by keyboard), Enter in it creates the
// customer (not the complaint) and picks them; the complaint is registered
// and the new customer's file shows it. The same picker on the contact
// form, by touch; a duplicate phone offers the existing customer; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, startOrg, openCustomer } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a complaint from a new caller is registered from the complaint form, and their file shows it', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Tienda Nueva', 'Nora Directora');
  await nav(page, 'Complaints');
  await page.getByRole('link', { name: 'New complaint' }).click();
  await page.getByLabel('Complainant').fill('Julia Nueva');
  await page.getByText('No customer matches the search.').waitFor();

  // Keyboard only: Tab to "New customer", Enter opens the short form.
  const open = page.getByRole('button', { name: 'New customer' });
  await open.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('group', { name: 'New customer' });
  await form.waitFor();
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  const name = form.getByLabel('Name');
  assert.equal(await name.inputValue(), 'Julia Nueva', 'what was searched starts the name');
  await page.waitForFunction(() => document.activeElement?.id === 'new-customer-name');

  // The customer form's own checks: a bad phone is refused beside its field.
  await form.getByLabel('Phones').fill('12');
  await page.keyboard.press('Enter');
  await form.getByText('each phone needs 6 to 15 digits').waitFor();
  assert.match(new URL(page.url()).pathname, /\/complaints\/new$/, 'Enter did not send the complaint');
  await form.getByLabel('Phones').fill('600 222 333');
  await page.keyboard.press('Enter');
  await page.getByText('Selected: Julia Nueva').waitFor();
  assert.equal(await form.count(), 0, 'the short form closes once the customer is picked');
  assert.match(new URL(page.url()).pathname, /\/complaints\/new$/);

  await page.getByLabel('What the complaint is about').fill('La lavadora pierde agua');
  await page.getByLabel('What the customer asks for').fill('Que la reparen');
  await page.getByRole('button', { name: 'Register the complaint' }).click();
  await page.getByRole('heading', { name: 'Complaint from Julia Nueva' }).waitFor();

  // The new customer's file: the phone as typed, and the complaint.
  await openCustomer(page, 'Julia Nueva');
  await page.getByRole('heading', { name: 'Julia Nueva' }).waitFor();
  assert.match(await page.locator('dl.facts').first().innerText(), /600 222 333/);
  const list = page.getByRole('list', { name: /Complaints/ });
  await list.getByRole('link', { name: 'La lavadora pierde agua' }).click();
  await page.getByRole('heading', { name: 'Complaint from Julia Nueva' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the contact form offers a new customer too, by touch, in Spanish; a known phone offers the existing one', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'es-ES', hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await page.goto(server.url);
  await page.getByLabel('Nombre de la organización').fill('Tienda Táctil');
  await page.getByLabel('Tu nombre').fill('Tere Directora');
  await page.getByRole('button', { name: 'Empezar' }).tap();
  await page.getByRole('heading', { name: 'Hola, Tere Directora' }).waitFor();
  await page.goto(`${server.url}/contacts`);
  await page.getByLabel('Cliente (opcional)').fill('600 444 555');
  await page.getByRole('button', { name: 'Nuevo cliente' }).tap();
  const form = page.getByRole('group', { name: 'Nuevo cliente' });
  assert.equal(await form.getByLabel('Teléfonos').inputValue(), '600 444 555', 'a searched phone starts the phones');
  await form.getByLabel('Nombre').fill('Pedro Táctil');
  await form.getByRole('button', { name: 'Crear el cliente y elegirlo' }).tap();
  await page.getByText('Elegido: Pedro Táctil').waitFor();

  // Someone with the same phone: the form offers Pedro instead.
  await page.getByRole('button', { name: 'Nuevo cliente' }).tap();
  await form.getByLabel('Nombre').fill('Pedro T.');
  await form.getByLabel('Teléfonos').fill('600444555');
  await form.getByText('Posible duplicado').waitFor();
  await form.getByRole('button', { name: 'Pedro Táctil' }).tap();
  await page.getByText('Elegido: Pedro Táctil').waitFor();
  assert.equal(await form.count(), 0);
  await page.getByLabel('Resumen').fill('Pregunta por el horario');
  await page.getByRole('button', { name: 'Guardar contacto' }).tap();
  await page.getByText('Contacto registrado').first().waitFor();
  await page.goto(`${server.url}/customers`);
  await page.getByLabel('Buscar clientes').fill('Pedro');
  const found = page.getByRole('link', { name: /Pedro Táctil/ });
  assert.equal(await found.count(), 1, 'one Pedro: the duplicate was not created');
  await found.tap();
  await page.getByText('Pregunta por el horario').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the open short form and a customer file with a complaint have no serious or critical accessibility violations', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Tienda Axe', 'Axe Director');
  await nav(page, 'Complaints');
  await page.getByRole('link', { name: 'New complaint' }).click();
  await page.getByLabel('Complainant').fill('Clara Axe');
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByRole('button', { name: 'Create the customer and choose them' }).click();
  await page.getByText('Selected: Clara Axe').waitFor();
  await page.getByLabel('What the complaint is about').fill('Producto defectuoso');
  await page.getByLabel('What the customer asks for').fill('Cambio');
  await page.getByRole('button', { name: 'Register the complaint' }).click();
  await page.getByRole('heading', { name: 'Complaint from Clara Axe' }).waitFor();
  await openCustomer(page, 'Clara Axe');
  await page.getByRole('heading', { name: 'Clara Axe' }).waitFor();
  const file = new URL(page.url()).pathname;
  for (const theme of ['light', 'dark']) {
    for (const lang of ['es', 'en']) {
      await page.evaluate(([t, l]) => { localStorage.setItem('ventanilla.theme', t); localStorage.setItem('ventanilla.lang', l); }, [theme, lang]);
      await page.goto(`${server.url}/complaints/new`);
      await page.locator('main h1').first().waitFor();
      await page.getByRole('button', { name: lang === 'es' ? 'Nuevo cliente' : 'New customer' }).click();
      await page.locator('#new-customer-name').waitFor();
      let bad = await axeCheck(page);
      assert.equal(bad.length, 0, `new complaint with the short form open (${theme}, ${lang}):\n${formatViolations(bad)}`);
      await page.goto(server.url + file);
      await page.locator('#customer-complaints').waitFor();
      bad = await axeCheck(page);
      assert.equal(bad.length, 0, `customer file with a complaint (${theme}, ${lang}):\n${formatViolations(bad)}`);
    }
  }
  await context.close();
});
