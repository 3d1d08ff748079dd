// Turning the tablet round: on every page of the app the
// viewport goes 820×1180 → 1180×820 → 390×844 → 820×1180, moving between
// pages inside the app (no reload), so an observer, timer or listener left
// behind by a page that is gone would fire against its disposed state. Any
// panic or page error fails the test (the harness checks after each test;
// here also after each page, to name it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage } from './harness.mjs';
import { nav, startOrg, newCustomer, addPerson } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const PORTRAIT = { width: 820, height: 1180 };
const TURNS = [{ width: 1180, height: 820 }, { width: 390, height: 844 }, PORTRAIT];

/** Lets resize observers and listeners run: two animation frames. */
const settle = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

async function rotate(page, errors, where) {
  for (const size of TURNS) {
    await page.setViewportSize(size);
    await settle(page);
    assert.deepEqual(errors, [], `${where} at ${size.width}×${size.height}`);
  }
  await page.locator('h1').first().waitFor();
}

/** Moves to `path` inside the app, as a link does (the router handles it; no reload). */
async function goInside(page, path) {
  await page.evaluate((p) => {
    const a = document.createElement('a');
    a.href = p;
    a.textContent = p;
    document.body.append(a);
    a.click();
    a.remove();
  }, path);
  await page.waitForFunction((p) => location.pathname === p, path);
  await page.locator('h1').first().waitFor();
}

test('the reported gesture: a customer open, Customers visited, the tablet turned: no panic', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US', viewport: PORTRAIT });
  await startOrg(page, server.url, 'Tienda Giro', 'Ana Directora');
  await newCustomer(page, 'Cliente Girado', '600 123 456');
  await nav(page, 'Customers');
  await page.getByRole('list', { name: 'Customer list' }).getByRole('link', { name: /Cliente Girado/ }).click();
  await page.getByRole('heading', { name: 'Cliente Girado' }).waitFor();
  await page.setViewportSize({ width: 1180, height: 820 });
  await settle(page);
  await page.getByRole('heading', { name: 'Cliente Girado' }).waitFor();
  // The app still works after the turn.
  await nav(page, 'Customers');
  await page.getByRole('list', { name: 'Customer list' }).getByRole('link', { name: /Cliente Girado/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('every page survives turning the tablet round, moving between pages inside the app', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US', viewport: PORTRAIT });
  await page.goto(server.url);
  await page.getByLabel('Organisation name').waitFor();
  await rotate(page, errors, 'first run');
  await startOrg(page, server.url, 'Tienda Vueltas', 'Ana Directora');
  await addPerson(page, 'Teo Jefe', 'Team leader');
  await nav(page, 'Settings');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByText('Demo data loaded.').waitFor({ timeout: 20000 });

  // A customer with a contact, a complaint, an escalation and a campaign
  // visit, so every kind of page has something to show.
  await newCustomer(page, 'Vera Vip', '600 500 600', { tags: 'vip' });
  const customer = new URL(page.url()).pathname;
  await page.getByLabel('Summary').fill('Pregunta por su pedido');
  await page.getByRole('button', { name: 'Save contact' }).click();
  const contactLink = page.getByRole('list', { name: /Contact timeline/ }).getByRole('link', { name: 'Pregunta por su pedido' });
  await contactLink.waitFor();
  const contact = new URL(await contactLink.getAttribute('href'), server.url).pathname;
  await nav(page, 'Complaints');
  await page.getByRole('link', { name: 'New complaint' }).click();
  await page.getByLabel('Complainant').fill('Vera');
  await page.getByRole('button', { name: 'Vera Vip' }).click();
  await page.getByLabel('What the complaint is about').fill('Entrega tardía');
  await page.getByLabel('What the customer asks for').fill('Descuento');
  await page.getByRole('button', { name: 'Register the complaint' }).click();
  await page.getByRole('heading', { name: 'Complaint from Vera Vip' }).waitFor();
  const complaint = new URL(page.url()).pathname;
  await nav(page, 'Return visits');
  await page.getByRole('link', { name: 'Campaigns' }).click();
  await page.getByLabel('Campaign name').fill('Giro VIP');
  await page.getByLabel("Customers' tag").fill('vip');
  await page.getByLabel('Ends').fill(new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Create the campaign' }).click();
  await page.getByText('Campaign created').waitFor();
  await nav(page, 'Return visits');
  const call = new URL(await page.getByRole('link', { name: 'Vera Vip' }).first().getAttribute('href'), server.url).pathname;

  const paths = ['/', '/customers', '/customers/new', customer, `${customer}/edit`, '/contacts', contact,
    '/complaints', '/complaints/new', '/complaints/stats', complaint, `${complaint}/print/registration`, `${complaint}/print/record`,
    '/escalations', '/visits', '/visits/summary', '/visits/campaigns', '/visits/scripts', call,
    '/department', '/department/roster', '/department/leave', '/department/swaps', '/department/attendance',
    '/department/handover', '/department/announcements', '/department/meetings', '/department/emergency', '/department/setup',
    '/team', '/quality', '/standards', '/reports', '/reports/period', '/sync', '/settings', '/no-such-page',
    // Back to the long lists after everything else, so leftovers of every page are still around.
    '/customers', customer, '/contacts'];
  for (const path of paths) {
    await goInside(page, path);
    await rotate(page, errors, path);
  }
  // The person picker (another person takes the tablet).
  await page.getByRole('button', { name: 'Change person' }).click();
  await page.getByRole('heading', { name: 'Who are you?' }).waitFor();
  await rotate(page, errors, 'who are you');
  await page.getByRole('button', { name: /Teo Jefe/ }).click();
  await nav(page, 'Customers');
  await rotate(page, errors, 'customers, as Teo');
  console.log(`  ${paths.length + 3} pages turned ${TURNS.length} times each`);
  await context.close();
});
