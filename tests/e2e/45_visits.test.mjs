// Return visits through the UI, with a controllable clock: a store visit
// recorded today makes tomorrow's due visit; the specialist works the queue
// through the script to "dissatisfied" with their words, which the summary
// shows; a callback reschedules; a campaign makes visits for a tagged
// segment; axe; the script's greeting follows the hour in the org's zone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, become, newCustomer, startOrg, openCustomer } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a store visit makes tomorrow\'s visit; the call goes to dissatisfied and shows in the summary; a callback reschedules; a campaign reaches its segment', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
  // 10:00 UTC (the browser's zone here): outside the default quiet hours.
  await page.clock.install({ time: new Date('2026-11-23T10:00:00Z') });
  await page.goto(server.url);
  await page.getByLabel('Organisation name').fill('Tienda Visitas');
  await page.getByLabel('Your name').fill('Ana Directora');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();
  await nav(page, 'Team');
  await page.getByLabel('Name').fill('Pablo Especialista');
  await page.getByLabel('Role').selectOption({ label: 'Representative' });
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('cell', { name: 'Pablo Especialista', exact: true }).waitFor();
  await become(page, 'Pablo Especialista');
  await newCustomer(page, 'Lola Tienda', '600 100 200');
  await page.getByRole('button', { name: 'Record a store visit today' }).click();
  await page.getByText('Store visit recorded').waitFor();
  await newCustomer(page, 'Rafa Vuelve', '600 300 400');
  await page.getByRole('button', { name: 'Record a store visit today' }).click();
  await page.getByText('Store visit recorded').last().waitFor();
  await nav(page, 'Return visits');
  await page.getByText('No visits due for you today').waitFor();

  // The next day, both visits are due and in the queue.
  await page.clock.setSystemTime(new Date('2026-11-24T10:00:00Z'));
  await page.reload();
  await page.getByRole('heading', { name: /My call queue/ }).waitFor();
  const queue = page.getByRole('list', { name: /My call queue/ });
  await queue.getByRole('link', { name: 'Lola Tienda' }).waitFor();
  await queue.getByRole('link', { name: 'Rafa Vuelve' }).waitFor();

  // The script, with names filled in, branches on the answer.
  await queue.getByRole('link', { name: 'Lola Tienda' }).click();
  await page.getByRole('heading', { name: 'Follow-up call: Lola Tienda' }).waitFor();
  const script = await page.locator('.script').innerText();
  assert.match(script, /Lola Tienda/);
  // The greeting follows the hour where the organisation is (first run
  // took the browser's zone, UTC here): 10:00 is morning.
  assert.match(await page.locator('.script > p').first().innerText(), /^Good morning, Lola Tienda\./);
  assert.match(script, /Pablo Especialista/);
  assert.ok(await page.getByRole('link', { name: /Call 600 100 200/ }).getAttribute('href').then((h) => h.startsWith('tel:')));
  await page.getByLabel("The customer's answer").selectOption({ label: 'Dissatisfied' });
  await page.locator('.script .branch').first().waitFor();
  // Completing without what they are unhappy with is refused (R-RV-03).
  await page.getByRole('button', { name: 'Save the call' }).click();
  await page.getByRole('alert').filter({ hasText: /unhappy|not satisfied/i }).waitFor();
  await page.getByLabel('What they are unhappy with (their words)').fill('El montaje tardó tres horas');
  await page.getByRole('button', { name: 'Save the call' }).click();
  await page.getByText('Call saved.').waitFor();
  await page.getByText('Visit completed').waitFor();

  // A callback moves the other visit to the agreed time.
  await nav(page, 'Return visits');
  await page.getByRole('link', { name: 'Rafa Vuelve' }).click();
  await page.getByLabel("The customer's answer").selectOption({ label: 'Callback requested' });
  await page.getByLabel('Call back at').fill('2026-11-24T17:30');
  await page.getByRole('button', { name: 'Save the call' }).click();
  await page.getByText('Call saved.').waitFor();
  await nav(page, 'Return visits');
  const rafa = page.getByRole('list', { name: /My call queue/ }).getByRole('listitem').filter({ hasText: 'Rafa Vuelve' });
  await rafa.getByText(/Quiet hours until|17:30/).first().waitFor();

  // The summary shows the dissatisfied customer with their words.
  await page.getByRole('link', { name: 'Return-visit summary' }).click();
  await page.getByText('El montaje tardó tres horas').waitFor();
  assert.match(await page.locator('main').innerText(), /Lola Tienda/);

  // A team leader's campaign reaches the customers with its tag.
  await become(page, 'Ana Directora');
  await newCustomer(page, 'Vera Vip', '600 500 600', { tags: 'vip' });
  await nav(page, 'Return visits');
  await page.getByRole('link', { name: 'Campaigns' }).click();
  await page.getByLabel('Campaign name').fill('Navidad VIP');
  await page.getByLabel("Customers' tag").fill('vip');
  await page.getByLabel('Ends').fill('2026-12-20');
  await page.getByRole('button', { name: 'Create the campaign' }).click();
  await page.getByText('Campaign created').waitFor();
  await nav(page, 'Return visits');
  const team = page.getByRole('table', { name: /open visits/ });
  await team.getByRole('row').filter({ hasText: 'Vera Vip' }).filter({ hasText: 'Campaign' }).waitFor();
  assert.deepEqual(errors, []);

  // Accessibility of every visits page, both languages and themes.
  const callPath = new URL(await page.getByRole('link', { name: 'Vera Vip' }).first().getAttribute('href'), server.url).pathname;
  for (const theme of ['light', 'dark']) {
    for (const lang of ['es', 'en']) {
      await page.evaluate(([t, l]) => { localStorage.setItem('ventanilla.theme', t); localStorage.setItem('ventanilla.lang', l); }, [theme, lang]);
      for (const p of ['/visits', '/visits/summary', '/visits/campaigns', '/visits/scripts', callPath]) {
        await page.goto(server.url + p);
        await page.locator('main h1').first().waitFor();
        const bad = await axeCheck(page);
        assert.equal(bad.length, 0, `${p} (${theme}, ${lang}):\n${formatViolations(bad)}`);
      }
    }
  }

  // At 14:00 there the script says good afternoon, in both languages.
  await page.clock.setSystemTime(new Date('2026-11-24T14:00:00Z'));
  for (const [lang, greeting] of [['en', 'Good afternoon, Vera Vip.'], ['es', 'Buenas tardes, Vera Vip.']]) {
    await page.evaluate((l) => localStorage.setItem('ventanilla.lang', l), lang);
    await page.goto(server.url + callPath);
    const opening = await page.locator('.script > p').first().innerText();
    assert.ok(opening.startsWith(greeting), `${lang}: ${opening}`);
  }
  await context.close();
});

test('alone in the organisation: the store visit shows on the file with its return visit, which lands in my queue', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.clock.install({ time: new Date('2026-11-23T10:00:00Z') });
  await startOrg(page, server.url, 'Tienda Sola', 'Ana Directora');
  await newCustomer(page, 'Lola Sola', '600 700 800');
  const filePath = new URL(page.url()).pathname;
  const card = page.getByRole('heading', { name: 'Last store visit' }).locator('..');
  await card.getByText('Never').waitFor();
  await page.getByRole('button', { name: 'Record a store visit today' }).click();
  await page.getByText('Store visit recorded').waitFor();
  // The file keeps the day and links the return visit it made, with its state and person.
  const facts = page.locator('#store-visit-facts');
  await facts.getByText('23 Nov 2026, 10:00').waitFor();
  const link = facts.getByRole('link', { name: 'Due: 24 Nov 2026' });
  await link.waitFor();
  assert.match(await facts.innerText(), /Open · Owner: Ana Directora/);

  // Today and Return visits say the same: nothing due today, one later, and nobody unassigned.
  await nav(page, 'Today');
  await page.getByRole('heading', { name: /My return visits/ }).waitFor();
  await page.getByText('No visits due for you today').waitFor();
  await page.getByText('1 visit of yours falls due later.').waitFor();
  await nav(page, 'Return visits');
  await page.getByText('1 visit of yours falls due later.').waitFor();
  const team = page.getByRole('table', { name: /open visits/ });
  await team.getByRole('row').filter({ hasText: 'Lola Sola' }).filter({ hasText: 'Ana Directora' }).waitFor();
  assert.equal(await page.getByText('Unassigned').count(), 0);

  // The next day it is due, in my queue, on Today; the file's link opens the call.
  await page.clock.setSystemTime(new Date('2026-11-24T10:00:00Z'));
  await page.reload();
  await page.getByRole('list', { name: /My call queue/ }).getByRole('link', { name: 'Lola Sola' }).waitFor();
  await nav(page, 'Today');
  await page.getByRole('list', { name: /My return visits/ }).getByRole('link', { name: 'Lola Sola' }).waitFor();
  await openCustomer(page, 'Lola Sola');
  await page.locator('#store-visit-facts').getByRole('link', { name: 'Due: 24 Nov 2026' }).click();
  await page.getByRole('heading', { name: 'Follow-up call: Lola Sola' }).waitFor();

  for (const lang of ['es', 'en']) {
    await page.evaluate((l) => localStorage.setItem('ventanilla.lang', l), lang);
    for (const p of ['/', filePath]) {
      await page.goto(server.url + p);
      await page.locator('main h1').first().waitFor();
      const bad = await axeCheck(page);
      assert.equal(bad.length, 0, `${p} (${lang}):\n${formatViolations(bad)}`);
    }
  }
  await context.close();
});
