// Screenshots of every page on a phone (390x844), a tablet in portrait
// (820x1180) and landscape (1180x820), and a desktop (1440x900), in both
// languages and both themes, plus the navigation opened, for a person to
// look at (not a test: nothing here can fail on looks). The
// demo data is loaded in each language in turn (it is written in the
// language on screen when it is loaded), and that language's pages shot.
// Usage: node tests/e2e/screenshots.mjs [page-name ...]  -> target/screenshots/*.png
//        (names as in `pages` below; none = all)
// Narrow it with SHOT_LANGS=es, SHOT_SIZES=1440x900, SHOT_THEMES=light.
import { startServer, launchBrowser, newPage, screenshot } from './harness.mjs';

const list = (name, all) => (process.env[name] ? process.env[name].split(',') : all);
const SIZES = list('SHOT_SIZES', ['390x844', '820x1180', '1180x820', '1440x900']).map((s) => s.split('x').map(Number));
const LANGS = list('SHOT_LANGS', ['es', 'en']);
const THEMES = list('SHOT_THEMES', ['light', 'dark']);
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const lang of LANGS) {
    const { context, page } = await newPage(browser, { locale: 'en-US' });
    await page.goto(server.url);
    await screenshot(page, 'setup-en');
    await page.getByLabel('Organisation name').fill('Tienda Centro');
    await page.getByLabel('Your name').fill('Ana Directora');
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();
    await page.evaluate((l) => localStorage.setItem('ventanilla.lang', l), lang);
    await page.goto(server.url + '/settings');
    await page.getByRole('button', { name: /^(Load demo data|Cargar datos de demostración)$/ }).click();
    await page.getByText(/^(Demo data loaded|Datos de demostración cargados)\.$/).waitFor({ timeout: 30000 });
    await page.goto(server.url + '/customers');
    await page.locator('main ul[aria-label] a').first().click();
    await page.locator('main h1').waitFor();
    const customer = new URL(page.url()).pathname;
    await page.locator('main a[href^="/contacts/"]').first().click();
    await page.locator('main h1').waitFor();
    const contact = new URL(page.url()).pathname;
    await page.goto(server.url + '/complaints');
    await page.locator('main a[href^="/complaints/"]:not([href$="/new"]):not([href$="/stats"])').first().click();
    await page.locator('main h1').waitFor();
    const complaint = new URL(page.url()).pathname;
    const pages = [['today', '/'], ['customers', '/customers'], ['customer-new', '/customers/new'], ['customer', customer], ['customer-edit', `${customer}/edit`],
      ['contact', contact], ['contacts', '/contacts'], ['answers', '/answers'], ['team', '/team'], ['settings', '/settings'], ['sync', '/sync'], ['complaints', '/complaints'], ['complaint', complaint], ['complaint-new', '/complaints/new'], ['complaint-stats', '/complaints/stats'],
      ['escalations', '/escalations'], ['visits', '/visits'], ['visit-summary', '/visits/summary'], ['visit-campaigns', '/visits/campaigns'], ['visit-scripts', '/visits/scripts'], ['department', '/department'],
      ['qa-setup', '/quality/setup'],
      ['roster', '/department/roster'], ['leave', '/department/leave'], ['swaps', '/department/swaps'], ['attendance', '/department/attendance'],
      ['handover', '/department/handover'], ['announcements', '/department/announcements'], ['meetings', '/department/meetings'], ['emergency', '/department/emergency'], ['dept-setup', '/department/setup'], ['quality', '/quality']];
    await page.goto(server.url + '/standards');
    await page.locator('main a[href^="/standards/department/"]').first().click();
    await page.locator('main h1').first().waitFor();
    const stdDept = new URL(page.url()).pathname;
    pages.push(['standards', '/standards'], ['standards-department', stdDept], ['standards-audits', '/standards/audits']);
    pages.push(['quality-week', '/quality/week']);
    pages.push(['quality-month', '/quality/month']);
    pages.push(['reports', '/reports'], ['reports-period', '/reports/period']);
    const only = process.argv.slice(2);
    const chosen = only.length ? pages.filter(([name]) => only.includes(name)) : pages;
    for (const [w, h] of SIZES) {
      await page.setViewportSize({ width: w, height: h });
      for (const theme of THEMES) {
        await page.evaluate(([t, l]) => { localStorage.setItem('ventanilla.theme', t); localStorage.setItem('ventanilla.lang', l); }, [theme, lang]);
        for (const [name, path] of chosen) {
          await page.goto(server.url + path);
          await page.locator('main h1').first().waitFor();
          await screenshot(page, `${name}-${w}x${h}-${theme}-${lang}`);
        }
        // The navigation opened where it folds away: the phone's menu, a
        // tablet's Department group (the longest list).
        const opener = page.locator('nav button[aria-controls]:visible').nth(w < 720 ? 0 : 2);
        if (await opener.count()) {
          await page.goto(server.url + '/customers');
          await page.locator('main h1').first().waitFor();
          await opener.click();
          await screenshot(page, `nav-open-${w}x${h}-${theme}-${lang}`);
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('screenshots written to target/screenshots/');
