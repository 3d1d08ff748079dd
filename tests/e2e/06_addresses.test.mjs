// Addresses as a person uses them: the page an address names (matched by
// `ui/paths.rs`, not the router's route tree), a link from one customer's
// file to another's (only the id changes), Back and Forward, a typed address
// with a trailing slash, an address of no page, and an id that names no one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage } from './harness.mjs';
import { newCustomer, startOrg } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const path = (page) => new URL(page.url()).pathname;

test('every address opens its page; one file to another, Back and Forward follow the address; no page and no one are said plainly', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Tienda del Puerto', 'Pilar Directora');
  await newCustomer(page, 'Ana Uno', '600 111 222');
  const first = path(page);
  await newCustomer(page, 'Ana Dos', '600 111 222');
  const second = path(page);
  assert.match(second, /^\/customers\/[^/]+$/);
  assert.notEqual(first, second);

  // The same phone: the file names the other customer; its link changes
  // only the id in the address, and the page follows.
  const dup = page.getByRole('region', { name: 'Possible duplicate' });
  await dup.getByRole('link', { name: 'Ana Uno' }).click();
  await page.getByRole('heading', { name: 'Ana Uno', level: 1 }).waitFor();
  await page.waitForFunction((p) => location.pathname === p, first);
  await page.getByRole('region', { name: 'Possible duplicate' }).getByRole('link', { name: 'Ana Dos' }).waitFor();

  await page.goBack();
  await page.getByRole('heading', { name: 'Ana Dos', level: 1 }).waitFor();
  assert.equal(path(page), second);
  await page.goForward();
  await page.getByRole('heading', { name: 'Ana Uno', level: 1 }).waitFor();
  assert.equal(path(page), first);

  // Typed addresses: a trailing slash is the same page; an address of no
  // page says so with a way back; an id that names no one says so.
  await page.goto(`${server.url}/customers/`);
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  await page.getByRole('link', { name: /Ana Dos/ }).waitFor();

  await page.goto(`${server.url}/customers/1/2/3`);
  await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
  await page.getByText('No page has this address. Check it, or go back to Today.').waitFor();
  await page.getByRole('link', { name: 'Back to Today' }).click();
  await page.getByRole('heading', { name: 'Hello, Pilar Directora' }).waitFor();
  assert.equal(path(page), '/');

  await page.goto(`${server.url}/customers/not-an-id`);
  await page.getByText('That customer does not exist (or was merged into another).').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
