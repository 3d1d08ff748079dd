// Finding your way on any screen a newcomer may hold: a phone (390 px),
// tablets in portrait (768, 820) and landscape (1024, 1180), in English and
// Spanish. Every area is on screen or one tap behind a visible button that
// names its group; tapping the area reaches its page; the current area
// stays in sight; every navigation and header target is at least 44 px
// tall; the organisation and the person working stay visible; axe finds
// nothing serious with a list open. Then the keyboard: Enter opens, Tab
// walks in, Escape closes and gives focus back; a tap outside closes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations, waitReady } from './harness.mjs';
import { mainNav, opener, startOrg } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const ORG = 'Centro de Atención al Cliente de la Plaza Mayor de Valladolid';
const ME = 'Ana María Directora';
const SIZES = [[390, 844], [768, 1024], [820, 1180], [1024, 768], [1180, 820]];
// Each group as a person reads it, with its areas: [path, English, Spanish].
const GROUPS = [
  { en: 'My work', es: 'Mi trabajo', areas: [['/', 'Today', 'Hoy'], ['/customers', 'Customers', 'Clientes'],
    ['/contacts', 'Contacts', 'Contactos'], ['/answers', 'Standard answers', 'Respuestas unificadas'], ['/visits', 'Return visits', 'Visitas de regreso']] },
  { en: 'Cases', es: 'Casos', areas: [['/complaints', 'Complaints', 'Quejas'], ['/escalations', 'Escalations', 'Escalados']] },
  { en: 'Department', es: 'Departamento', areas: [['/department', 'Shifts and leave', 'Turnos y permisos'],
    ['/team', 'Team', 'Equipo'], ['/quality', 'Quality', 'Calidad'], ['/standards', 'Standards', 'Estándares'],
    ['/reports', 'Reports', 'Informes']] },
  { en: 'Device', es: 'Dispositivo', areas: [['/sync', 'Sync', 'Sincronizar'], ['/settings', 'Settings', 'Ajustes']] },
];
const MENU = { en: 'Menu', es: 'Menú' };

/**
 * Whether a person sees `locator` now: rendered, its box inside the
 * viewport (not scrolled away), and nothing covering its middle.
 */
const onScreen = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  if (!el.checkVisibility() || r.width < 1 || r.height < 1) return false;
  const inside = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return inside && hit !== null && (hit === el || el.contains(hit));
});

/** Every visible link and button of the navigation and the header shorter than 44 px. */
const smallTargets = (page) => page.evaluate(() =>
  [...document.querySelectorAll('nav a, nav button, header a, header button')]
    .filter((el) => el.checkVisibility())
    .map((el) => [el.textContent.trim(), Math.round(el.getBoundingClientRect().height)])
    .filter(([, h]) => h < 44));

/** Whether some element of the navigation showing exactly `name` is on screen. */
async function currentShown(page, name) {
  for (const el of await mainNav(page).getByText(name, { exact: true }).all()) {
    if (await onScreen(el)) return true;
  }
  return false;
}

async function walkEveryArea(page, lang, [w, h]) {
  const at = `${lang} ${w}×${h}`;
  await page.setViewportSize({ width: w, height: h });
  await page.goto(server.url + '/');
  await waitReady(page);
  const banner = page.getByRole('banner');
  const org = banner.getByText(ORG, { exact: true });
  assert.ok(await onScreen(org), `${at}: the organisation's name is on screen`);
  assert.equal(await org.getAttribute('title'), ORG, `${at}: the full name in its title`);
  assert.ok(await onScreen(banner.getByText(ME, { exact: true })), `${at}: the person is on screen`);
  assert.deepEqual(await smallTargets(page), [], `${at}: targets under 44 px`);

  let axed = false;
  for (const group of GROUPS) {
    for (const [path, en, es] of group.areas) {
      const name = lang === 'en' ? en : es;
      const link = mainNav(page).getByRole('link', { name, exact: true, includeHidden: true });
      if (!(await onScreen(link))) {
        const button = await opener(page, link);
        assert.ok(await onScreen(button), `${at}: the button opening ${name} is on screen`);
        const says = (await button.textContent()).trim();
        const expected = w < 720 ? MENU[lang] : group[lang];
        assert.ok(says.startsWith(expected), `${at}: the button opening ${name} says "${expected}", not "${says}"`);
        assert.equal(await button.getAttribute('aria-expanded'), 'false');
        await button.tap();
        assert.equal(await button.getAttribute('aria-expanded'), 'true', `${at}: ${expected} opened`);
        assert.ok(await onScreen(link), `${at}: ${name} on screen once ${expected} is open`);
        assert.deepEqual(await smallTargets(page), [], `${at}: targets under 44 px with ${expected} open`);
        if (!axed) {
          const found = await axeCheck(page);
          assert.deepEqual(found, [], `${at}, ${expected} open:\n${formatViolations(found)}`);
          axed = true;
        }
      }
      await link.tap();
      await page.waitForFunction((p) => location.pathname === p, path);
      await page.locator('main h1').first().waitFor();
      assert.equal(await link.getAttribute('aria-current'), 'page', `${at}: ${name} is the current page`);
      assert.equal(await mainNav(page).locator('button[aria-expanded="true"]').count(), 0, `${at}: the list closed after ${name}`);
      assert.ok(await currentShown(page, name), `${at}: the current area ${name} is on screen`);
    }
  }
}

for (const lang of ['en', 'es']) {
  test(`${lang}: every area in reach on a phone, tablets and landscape; where I am stays in sight`, async () => {
    const { context, page } = await newPage(browser, { locale: 'en-US', viewport: { width: 820, height: 1180 }, hasTouch: true });
    await startOrg(page, server.url, ORG, ME);
    if (lang === 'es') {
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('navigation', { name: 'Navegación principal' }).waitFor();
    }
    for (const size of SIZES) await walkEveryArea(page, lang, size);
    // A page deep inside an area still names the area.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(server.url + '/customers/new');
    await page.locator('main h1').first().waitFor();
    assert.ok(await currentShown(page, lang === 'en' ? 'Customers' : 'Clientes'), 'a new customer form is under Customers');
    await context.close();
  });
}

test('keyboard and touch: Enter opens, Escape closes and returns focus, a tap outside closes, dark theme', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US', viewport: { width: 820, height: 1180 }, hasTouch: true });
  await startOrg(page, server.url, 'Tienda Centro', 'Ana Directora');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  const cases = mainNav(page).getByRole('button', { name: 'Cases' });
  const complaints = mainNav(page).getByRole('link', { name: 'Complaints', exact: true });
  await cases.focus();
  await page.keyboard.press('Enter');
  assert.equal(await cases.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Tab');
  assert.equal(await complaints.evaluate((a) => a === document.activeElement), true, 'Tab goes into the open list');
  const found = await axeCheck(page);
  assert.deepEqual(found, [], `dark, Cases open:\n${formatViolations(found)}`);
  await page.keyboard.press('Escape');
  assert.equal(await cases.getAttribute('aria-expanded'), 'false');
  assert.equal(await cases.evaluate((b) => b === document.activeElement), true, 'Escape gives focus back to the button');
  assert.equal(await complaints.isVisible(), false);

  // Enter on a link in the list goes there and closes the list.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname === '/complaints');
  assert.equal(await cases.getAttribute('aria-expanded'), 'false');
  assert.match(await cases.textContent(), /Complaints/, 'the Cases button names the current area');

  // Tabbing past the end of a list closes it.
  await mainNav(page).getByRole('button', { name: 'Device' }).focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.equal(await mainNav(page).locator('button[aria-expanded="true"]').count(), 0, 'focus left the list: it closed');

  // A tap outside closes; opening another group closes the first.
  const dept = mainNav(page).getByRole('button', { name: 'Department' });
  await dept.tap();
  assert.equal(await dept.getAttribute('aria-expanded'), 'true');
  await mainNav(page).getByRole('button', { name: 'My work' }).tap();
  assert.equal(await dept.getAttribute('aria-expanded'), 'false');
  await page.touchscreen.tap(700, 1100);
  assert.equal(await mainNav(page).locator('button[aria-expanded="true"]').count(), 0, 'a tap outside closed it');

  // The phone's menu: Escape closes it and focus returns to it.
  await page.setViewportSize({ width: 390, height: 844 });
  const menu = mainNav(page).getByRole('button', { name: /^Menu/ });
  await menu.tap();
  assert.ok(await onScreen(mainNav(page).getByRole('link', { name: 'Settings' })));
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await menu.evaluate((b) => b === document.activeElement), true);
  await context.close();
});
