// Screenshots of every page at tablet portrait (768x1024), landscape
// (1024x768) and desktop (1440x900), in both languages and both themes, for
// a person to look at (not a test: nothing here can fail on looks).
// Usage: node tests/e2e/screenshots.mjs [page-name ...]  -> target/screenshots/*.png
//        (names as in `pages` below; none = all)
import { startServer, launchBrowser, newPage, screenshot } from './harness.mjs';

const SIZES = [[768, 1024], [1024, 768], [1440, 900]];
const server = await startServer();
const browser = await launchBrowser();
try {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.goto(server.url);
  await screenshot(page, 'setup-en');
  await page.getByLabel('Organisation name').fill('Tienda Centro');
  await page.getByLabel('Your name').fill('Ana Directora');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: 'Hello, Ana Directora' }).waitFor();
  await page.goto(server.url + '/settings');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByText('Demo data loaded.').waitFor({ timeout: 30000 });
  await page.goto(server.url + '/customers');
  await page.getByRole('list', { name: 'Customer list' }).getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Contact timeline' }).waitFor();
  const customer = new URL(page.url()).pathname;
  await page.getByRole('list', { name: /Contact timeline/ }).getByRole('link').first().click();
  await page.locator('main h1').waitFor();
  const contact = new URL(page.url()).pathname;
  const pages = [['today', '/'], ['customers', '/customers'], ['customer-new', '/customers/new'], ['customer', customer],
    ['contact', contact], ['contacts', '/contacts'], ['team', '/team'], ['settings', '/settings'], ['sync', '/sync'], ['complaints', '/complaints'], ['complaint-new', '/complaints/new'], ['complaint-stats', '/complaints/stats'],
    ['escalations', '/escalations'], ['visits', '/visits'], ['visit-summary', '/visits/summary'], ['visit-campaigns', '/visits/campaigns'], ['department', '/department'], ['coming', '/quality']];
  const only = process.argv.slice(2);
  const chosen = only.length ? pages.filter(([name]) => only.includes(name)) : pages;
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    for (const theme of ['light', 'dark']) {
      for (const lang of ['es', 'en']) {
        await page.evaluate(([t, l]) => { localStorage.setItem('ventanilla.theme', t); localStorage.setItem('ventanilla.lang', l); }, [theme, lang]);
        for (const [name, path] of chosen) {
          await page.goto(server.url + path);
          await page.locator('main h1').first().waitFor();
          await screenshot(page, `${name}-${w}x${h}-${theme}-${lang}`);
        }
      }
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log('screenshots written to target/screenshots/');
