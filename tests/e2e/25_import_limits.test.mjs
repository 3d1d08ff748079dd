// Issue 10, items 1, 2 and 8, as a person meets them on the Sync page:
// a bundle with a value nested too deep, a date far in the future or a
// name far too long, and a file far too large, are each refused with a
// message naming what is wrong; afterwards saving, adding a person and
// exporting everything still work, and the page shows no error. The file
// picker is in the page's language (a button opening the hidden input).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launchBrowser, newPage, axeCheck, formatViolations } from './harness.mjs';
import { nav, startOrg, newCustomer, addPerson, editNotes } from './flows.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Another device's delta setting one field: `value` is JSON text. */
function delta(kind, id, field, value) {
  const ms = Date.now() - 60_000;
  const payload = `[["${kind}","${id}",[["${field}",${value},${ms},0,null]]]]`;
  return JSON.stringify({
    format: 'ventanilla-bundle', version: 1, kind: 'delta', device: '00000000000000bd',
    first: 1, last: 1, prev_sha256: '', schema: 1, created: new Date().toISOString(),
    payload, sha256: createHash('sha256').update(payload, 'utf8').digest('hex'),
  });
}

test('values and files beyond the limits are refused by name, and saving goes on', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en-US' });
  await startOrg(page, server.url, 'Tienda Norte', 'Marta');
  await newCustomer(page, 'Ana Cliente', '600 111 222');

  const dir = mkdtempSync(join(tmpdir(), 'ventanilla-limits-'));
  const nested = '['.repeat(123) + '1' + ']'.repeat(123);
  const cases = [
    ['nested.json', delta('customer', '0000000000000000000000000b', 'x', nested), /field “x”.*nested more than 16 levels deep/],
    ['future.json', delta('meeting', '0000000000000000000000000c', 'scheduled_at', '"+262142-12-31T23:59:59Z"'), /“meeting”.*field “scheduled_at”.*outside the years 1900–2200/],
    ['long-name.json', delta('customer', '0000000000000000000000000d', 'name', JSON.stringify('x'.repeat(1_000_000))), /field “name”.*more than 120 characters/],
    ['huge.json', ' '.repeat(8 * 1024 * 1024 + 1), /a bundle may be at most 8\.0 MB: it was not read/],
  ];
  await nav(page, 'Sync');
  for (const [name, body, message] of cases) {
    const p = join(dir, name);
    writeFileSync(p, body);
    await page.getByLabel('Choose one or more Ventanilla files').setInputFiles([p]);
    const row = page.getByRole('table', { name: 'Contents before applying' }).getByRole('row').filter({ hasText: name });
    const alert = row.getByRole('alert').filter({ hasText: 'Nothing was applied' });
    await alert.waitFor();
    assert.match(await alert.innerText(), message, name);
    assert.equal(await page.getByRole('button', { name: 'Apply all' }).isDisabled(), true, name);
  }

  // Nothing of them was stored: every save still works.
  await editNotes(page, 'Ana Cliente', 'Llamar el lunes');
  await addPerson(page, 'Pablo Rep', 'Representative');
  await nav(page, 'Sync');
  await page.getByRole('button', { name: 'Export everything (snapshot)' }).click();
  await page.getByText(/files? downloaded/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the file picker speaks the page\'s language: its button opens the chooser by keyboard and the chosen names show', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'es-ES' });
  await page.goto(server.url);
  await page.getByLabel('Nombre de la organización').fill('Tienda Idioma');
  await page.getByLabel('Tu nombre').fill('Irene');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('heading', { name: 'Hola, Irene' }).waitFor();
  await page.goto(`${server.url}/sync`);
  const button = page.getByRole('button', { name: 'Elegir archivos…' });
  await button.waitFor();
  await page.getByText('Ningún archivo elegido').waitFor();
  // The browser's own words never show: the native input is hidden.
  assert.equal(await page.getByText(/Choose Files|No file chosen/).count(), 0);
  const box = await page.locator('input[type=file]').boundingBox();
  assert.ok(box.width <= 1 && box.height <= 1, `the native input is visually hidden: ${JSON.stringify(box)}`);
  assert.equal(await page.locator('input[type=file]').getAttribute('tabindex'), '-1', 'only our button takes the focus');

  const dir = mkdtempSync(join(tmpdir(), 'ventanilla-picker-'));
  const one = join(dir, 'copia-lunes.json');
  const two = join(dir, 'copia-martes.json');
  writeFileSync(one, '{}');
  writeFileSync(two, '{}');
  // Focus and Enter in one step: the app may still move the focus to <main>
  // after the route settles, and Enter must reach the button.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.press('Enter')]);
  assert.equal(chooser.isMultiple(), true);
  await chooser.setFiles([one]);
  await page.getByText('copia-lunes.json', { exact: true }).first().waitFor();
  await page.getByRole('table', { name: 'Contenido antes de aplicar' }).waitFor();
  const [again] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await again.setFiles([one, two]);
  await page.getByText('2 archivos elegidos').waitFor();
  const bad = await axeCheck(page);
  assert.equal(bad.length, 0, formatViolations(bad));
  assert.deepEqual(errors, []);
  await context.close();
});
