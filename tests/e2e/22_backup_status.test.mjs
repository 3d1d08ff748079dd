// "Export everything" is a backup and counts as one: after first run and a
// customer, the line under the header says the changes exist only here and,
// days later, reminds; a full export (the file downloaded) turns it into
// "Backed up: everything up to … (full export to a file)" with no reminder;
// the next change is "1 change not yet copied". An export whose download
// never started counts for nothing. axe on the Sync page, both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, startOrg, newCustomer, exportFiles, editNotes } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const line = (page) => page.locator('.backup-line');
const REMINDER = 'they have had no copy for over 3 days';

test('a full export counts as a backup of everything up to it; the next change is one not yet copied', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US', timezoneId: 'Europe/Madrid' });
  await page.clock.install({ time: new Date('2026-11-20T09:00:00Z') });
  await startOrg(page, server.url, 'Tienda Copia', 'Marta Directora');
  await newCustomer(page, 'Lucía Copia', '600 111 000');
  await line(page).getByRole('link', { name: /^Not backed up: \d+ changes only on this device$/ }).waitFor();

  // Four days later the line reminds.
  await page.clock.setSystemTime(new Date('2026-11-24T11:40:00Z'));
  await page.reload();
  await line(page).getByText(REMINDER).waitFor();

  // An export whose download the browser never starts counts for nothing.
  await nav(page, 'Sync');
  // (Here the page cannot make the download link: the browser was never handed the file.)
  await page.evaluate(() => {
    const make = document.createElement;
    document.createElement = function (tag, ...rest) {
      if (String(tag).toLowerCase() === 'a') throw new Error('no link for the download');
      return make.call(this, tag, ...rest);
    };
    window.__restoreCreate = () => { document.createElement = make; };
  });
  await page.getByRole('button', { name: 'Export everything (snapshot)' }).click();
  await page.getByRole('status').filter({ hasText: 'The browser did not start the download' }).waitFor();
  await page.evaluate(() => window.__restoreCreate());
  await line(page).getByText(REMINDER).waitFor();
  assert.match(await line(page).innerText(), /^Not backed up/);

  // Sync → Export everything: the file is downloaded, and it counts.
  const files = await exportFiles(page, 'Export everything (snapshot)');
  assert.equal(files.length, 1);
  assert.match(files[0], /snapshot/);
  await page.getByText('It counts as a copy of everything up to now.').waitFor();
  const backedUp = line(page).getByRole('link', { name: 'Backed up: everything up to 12:40 today (full export to a file)' });
  await backedUp.waitFor();
  assert.equal(await line(page).getByText(REMINDER).count(), 0, 'the reminder is gone');
  await page.locator('.backup-state').getByText('Backed up: everything up to 12:40 today (full export to a file)').waitFor();
  const facts = page.locator('dl.facts').first();
  assert.match(await facts.innerText(), /Changes not copied yet\s+0/);
  assert.match(await facts.innerText(), /Last changes file\s+Never/);
  assert.match(await facts.innerText(), /Last full export\s+24 Nov 2026, 12:40/);

  // It is still said after a reload (kept with the data, not in the page).
  await page.reload();
  await backedUp.waitFor();

  // A new change: one not yet copied, the backup still said.
  await editNotes(page, 'Lucía Copia', 'Prefiere llamadas por la tarde');
  await line(page).getByRole('link', { name: '1 change not yet copied · Backed up: everything up to 12:40 today (full export to a file)' }).waitFor();

  // The Sync page in both languages passes axe.
  for (const lang of ['es', 'en']) {
    await page.evaluate((l) => localStorage.setItem('ventanilla.lang', l), lang);
    await page.goto(server.url + '/sync');
    await page.locator('main h1').first().waitFor();
    if (lang === 'es') {
      await line(page).getByRole('link', { name: /^1 cambio aún sin copiar · Copia hecha: todo hasta hoy a las 12:40 \(exportación completa a archivo\)$/ }).waitFor();
    }
    const bad = await axeCheck(page);
    assert.equal(bad.length, 0, `/sync (${lang}):\n${formatViolations(bad)}`);
  }
  await context.close();
});
