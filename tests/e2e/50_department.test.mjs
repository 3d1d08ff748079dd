// The department through the UI: a representative asks for two
// days of leave, a department director cannot approve it (R-LV-03 says
// who can), the center director can, and it shows on the roster; two swaps
// approved, a third in the month refused (R-SW-02); a handover written and
// acknowledged by another leader; axe on every department page.
//
// The clock is fixed at Monday 2 June 2025, 10:00 in Madrid, so the dates
// and the weeks on the roster are known.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations, screenshot } from './harness.mjs';
import { nav } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOW = new Date('2025-06-02T08:00:00Z');
const SHIFT = 'Turno de mañana (08:00–15:00)';
const area = (page, href) => page.locator(`nav.dept-nav a[href="${href}"]`).click();
const PAGES = ['/department', '/department/roster', '/department/leave', '/department/swaps', '/department/attendance',
  '/department/handover', '/department/announcements', '/department/meetings', '/department/emergency', '/department/setup'];

async function setUp(page) {
  await page.clock.setFixedTime(NOW);
  await page.goto(server.url);
  await page.getByLabel('Organisation name').fill('Tienda Centro');
  await page.getByLabel('Your name').fill('Ana Directora');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();
}

async function addPerson(page, name, role, team = 'Mañana') {
  await nav(page, 'Team');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Role').selectOption({ label: role });
  await page.getByLabel('Shift / team').fill(team);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('cell', { name, exact: true }).waitFor();
}

async function become(page, name) {
  await page.getByRole('button', { name: 'Change person' }).click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await nav(page, 'Today');
  await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
}

async function toArea(page, href, heading) {
  await nav(page, 'Shifts and leave');
  await area(page, href);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function rosterDay(page, person, day) {
  await page.getByLabel(`Shift for ${person} · ${day}`).selectOption({ label: 'Turno de mañana' });
  await page.getByRole('status').filter({ hasText: 'Roster saved' }).waitFor();
}

async function requestSwap(page, give, take) {
  await page.getByLabel('My shift to give').selectOption({ label: `${give} · ${SHIFT}` });
  await page.getByLabel("Colleague's shift to take").selectOption({ label: `Sara Rep · ${take} · ${SHIFT}` });
  await page.getByRole('button', { name: 'Request a swap' }).click();
}

test('leave at the right level, swaps up to two a month, a handover acknowledged, axe clean', async () => {
  const t0 = Date.now();
  const { context, page, errors } = await newPage(browser, { locale: 'en-US', viewport: { width: 768, height: 1024 } });
  await setUp(page);
  // Before any team exists the roster's heading is the week alone (no
  // "· Week of"), and Setup does not send the reader to Setup.
  await toArea(page, '/department/roster', 'Roster');
  assert.match((await page.locator('#roster-week-h').innerText()).trim(), /^Week of /);
  await toArea(page, '/department/setup', 'Setup');
  await page.getByText('No shifts are defined yet. Add the first one with the form below.').waitFor();
  assert.equal(await page.getByText(/Create them in Setup/).count(), 0);
  await addPerson(page, 'Luis Líder', 'Team leader');
  await addPerson(page, 'Dani Director', 'Department director');
  await addPerson(page, 'Rita Rep', 'Representative');
  await addPerson(page, 'Sara Rep', 'Representative');

  // The team leader defines a shift and rosters Rita and Sara next week.
  await become(page, 'Luis Líder');
  await toArea(page, '/department/setup', 'Setup');
  await page.getByLabel('Shift name').fill('Turno de mañana');
  await page.getByLabel('Starts').fill('08:00');
  await page.getByLabel('Ends').fill('15:00');
  await page.getByRole('button', { name: 'Add shift' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Turno de mañana' }).waitFor();
  await toArea(page, '/department/roster', 'Roster');
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByRole('heading', { name: /Week of 9 Jun 2025/ }).waitFor();
  for (const d of ['Tue 10 Jun 2025', 'Thu 12 Jun 2025', 'Sat 14 Jun 2025']) await rosterDay(page, 'Rita Rep', d);
  for (const d of ['Wed 11 Jun 2025', 'Fri 13 Jun 2025', 'Sun 15 Jun 2025']) await rosterDay(page, 'Sara Rep', d);
  await screenshot(page, 'dept-roster-768');

  // (1) Rita asks for two days of leave this week.
  await become(page, 'Rita Rep');
  await toArea(page, '/department/leave', 'Leave');
  await page.getByLabel('First day').fill('2025-06-04');
  await page.getByLabel('Last day').fill('2025-06-05');
  await page.getByLabel('Reason').fill('Mudanza');
  await page.getByRole('button', { name: 'Request leave' }).click();
  const ritaLeave = page.locator('li').filter({ hasText: 'Rita Rep: Personal leave · Wed 4 Jun 2025 – Thu 5 Jun 2025' });
  await ritaLeave.first().waitFor();
  assert.match(await ritaLeave.first().innerText(), /Pending/);
  await screenshot(page, 'dept-leave-768');

  // The department director may not approve two days: R-LV-03 is named.
  await become(page, 'Dani Director');
  await toArea(page, '/department/leave', 'Leave');
  const card = page.locator('li').filter({ hasText: 'Rita Rep: Personal leave' });
  await card.getByRole('button', { name: 'Approve' }).click();
  const refusal = card.getByRole('alert');
  await refusal.filter({ hasText: 'R-LV-03' }).waitFor();
  assert.match(await refusal.innerText(), /center director/i);
  // The rule id links to its text in the handbook, in a new tab (the
  // page with the refusal stays as it is).
  const ruleLink = refusal.getByRole('link', { name: 'R-LV-03' });
  assert.equal(await ruleLink.getAttribute('href'), '/handbook#R-LV-03');
  const [handbook] = await Promise.all([context.waitForEvent('page'), ruleLink.click()]);
  await handbook.getByRole('heading', { level: 3, name: 'R-LV-03 Who approves, with no level skipped' }).waitFor();
  await handbook.close();

  // The center director can; the leave shows on this week's roster.
  await become(page, 'Ana Directora');
  await toArea(page, '/department/leave', 'Leave');
  const waiting = page.getByRole('list', { name: 'Leave waiting for my decision' });
  await waiting.locator('li').filter({ hasText: 'Rita Rep' }).getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('status').filter({ hasText: 'Decision saved' }).waitFor();
  await page.getByRole('list', { name: 'My leave requests' }).waitFor({ state: 'detached' }).catch(() => {});
  await toArea(page, '/department/roster', 'Roster');
  await page.getByLabel('Shift / team').selectOption('Mañana');
  const ritaRow = page.getByRole('row', { name: /Rita Rep/ });
  await ritaRow.getByText('On leave').first().waitFor();
  assert.equal(await ritaRow.getByText('On leave').count(), 2);
  console.log(`  leave flow: ${Date.now() - t0} ms`);

  // (2) Two swaps, accepted by Sara and approved by Luis; the third refused.
  const t1 = Date.now();
  await become(page, 'Rita Rep');
  await toArea(page, '/department/swaps', 'Shift swaps');
  await requestSwap(page, 'Tue 10 Jun 2025', 'Wed 11 Jun 2025');
  await page.getByRole('status').filter({ hasText: 'Swap requested' }).waitFor();
  // Who is awaited, by name and in words.
  const pending = page.getByRole('list', { name: 'My swaps' }).locator('li').first();
  await pending.getByText('Waiting for: Sara Rep (colleague), Luis Líder (team leader of both).').waitFor();
  await requestSwap(page, 'Thu 12 Jun 2025', 'Fri 13 Jun 2025');
  await page.getByRole('list', { name: 'My swaps' }).locator('li').nth(1).waitFor();

  for (const [who, button] of [['Sara Rep', 'Accept'], ['Luis Líder', 'Approve']]) {
    await become(page, who);
    await toArea(page, '/department/swaps', 'Shift swaps');
    const list = page.getByRole('list', { name: 'Swaps waiting for my decision' });
    for (let i = 0; i < 2; i++) {
      const before = await list.locator('li').count();
      await list.locator('li').first().getByRole('button', { name: button, exact: true }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[aria-labelledby="sw-waiting-h"] > li').length < n, before);
    }
  }
  const mine = page.getByRole('list', { name: 'My swaps' });
  await become(page, 'Rita Rep');
  await toArea(page, '/department/swaps', 'Shift swaps');
  assert.equal(await mine.locator('li').filter({ hasText: 'Approved' }).count(), 2);
  assert.match(await mine.locator('li').first().innerText(), /Agreed: Sara Rep \(colleague\), Luis Líder \(team leader of both\)\./);
  await requestSwap(page, 'Sat 14 Jun 2025', 'Sun 15 Jun 2025');
  const swapError = page.locator('form').getByRole('alert');
  await swapError.filter({ hasText: 'R-SW-02' }).waitFor();
  assert.match(await swapError.innerText(), /Rita Rep already has 2 swaps this month/);
  assert.equal(await mine.locator('li').count(), 2);
  console.log(`  swap flow: ${Date.now() - t1} ms`);

  // (3) Luis writes a handover; Dani, another leader, acknowledges it.
  const t2 = Date.now();
  await become(page, 'Luis Líder');
  await toArea(page, '/department/handover', 'Handover');
  await page.getByLabel('Shift', { exact: true }).selectOption({ label: SHIFT });
  await page.getByLabel('Equipment status').fill('Impresora de tickets atascada; avisado el técnico.');
  await page.getByLabel('Staffing').fill('Sara entra a las 9.');
  await page.getByRole('button', { name: 'Save the handover' }).click();
  const ho = page.getByRole('list', { name: 'Handover log' }).locator('li').first();
  await ho.getByText('Not acknowledged').waitFor();
  assert.equal(await ho.getByRole('button', { name: 'Acknowledge the handover' }).count(), 0, 'the author cannot acknowledge');
  await become(page, 'Dani Director');
  await toArea(page, '/department/handover', 'Handover');
  await ho.getByRole('button', { name: 'Acknowledge the handover' }).click();
  await ho.getByText(/Acknowledged by Dani Director/).waitFor();
  console.log(`  handover flow: ${Date.now() - t2} ms`);

  // (4) axe on every department page, English and Spanish, light and dark.
  const t3 = Date.now();
  await become(page, 'Ana Directora');
  await nav(page, 'Shifts and leave');
  const found = [];
  for (const lang of ['en', 'es']) {
    for (const theme of ['light', 'dark']) {
      const current = await page.locator('html').getAttribute('data-theme');
      if (current !== theme) await page.locator('header .topbar-tools button[aria-pressed]').click();
      for (const href of PAGES) {
        await area(page, href);
        await page.waitForFunction((h) => location.pathname === h, href);
        await page.locator('main h1').waitFor();
        const v = await axeCheck(page);
        if (v.length) found.push(`${lang}/${theme} ${href}:\n${formatViolations(v)}`);
      }
    }
    if (lang === 'en') {
      await page.getByRole('button', { name: 'Español' }).click();
      await page.locator('html[lang="es"]').waitFor();
    }
  }
  console.log(`  axe, 40 scans: ${Date.now() - t3} ms`);
  assert.equal(found.length, 0, found.join('\n\n'));
  assert.deepEqual(errors, []);
  await context.close();
});
