// What a person does again and again in the end-to-end specs, written once:
// go to a page, start an organisation, add a customer or a colleague, hand
// the tablet to someone else, edit a customer's notes and read their file.
// Everything is found by role and label, in English (specs use locale en-US).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Clicks a main-navigation link by its exact name. On a tablet or a phone
 * the link may sit in a closed list: then it first taps the visible button
 * that opens that list (the group, or the phone's menu), as a person would.
 * (A closed list is hidden, so the link is looked up hidden or not.)
 */
export async function nav(page, name) {
  const link = mainNav(page).getByRole('link', { name, exact: true, includeHidden: true });
  await link.waitFor({ state: 'attached' });
  if (!(await link.isVisible())) await (await opener(page, link)).click();
  await link.click();
}

/** The main navigation, in either language. */
export const mainNav = (page) => page.getByRole('navigation', { name: /^(Main navigation|Navegación principal)$/ });

/** The visible button whose list (aria-controls) holds `link`. */
export async function opener(page, link) {
  const id = await link.evaluate((a) => {
    const buttons = [...document.querySelectorAll('nav button[aria-controls]')];
    const b = buttons.find((b) => b.checkVisibility() && document.getElementById(b.getAttribute('aria-controls'))?.contains(a));
    return b?.id ?? '';
  });
  if (!id) throw new Error(`no visible button opens the list holding ${await link.textContent()}`);
  return page.locator(`[id="${id}"]`);
}

/** First run: the organisation and its first person (center director), and the device's name when given. */
export async function startOrg(page, url, org, person, { device = '' } = {}) {
  await page.goto(url);
  await page.getByLabel('Organisation name').fill(org);
  await page.getByLabel('Your name').fill(person);
  if (device) await page.getByLabel('Name of this device (optional)').fill(device);
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('heading', { name: `Hello, ${person}` }).waitFor();
}

/** A new customer through the form; ends on their page. */
export async function newCustomer(page, name, phone, { tags = '' } = {}) {
  await nav(page, 'Customers');
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Phones').fill(phone);
  if (tags) await page.getByLabel('Tags').fill(tags);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

/** A colleague added on the Team page (needs a center director). */
export async function addPerson(page, name, role, team = 'Mañana') {
  await nav(page, 'Team');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Role').selectOption({ label: role });
  await page.getByLabel('Shift / team').fill(team);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('cell', { name, exact: true }).waitFor();
}

/** "Change person", pick `name`, land on their Today page. */
export async function become(page, name) {
  await page.getByRole('button', { name: 'Change person' }).click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await nav(page, 'Today');
  await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
}

/** Opens a customer's file by searching for them. */
export async function openCustomer(page, customer) {
  await nav(page, 'Customers');
  await page.getByLabel('Search customers').fill(customer);
  await page.getByRole('link', { name: new RegExp(customer) }).click();
}

export async function editNotes(page, customer, notes) {
  await openCustomer(page, customer);
  await page.getByRole('link', { name: 'Edit customer' }).click();
  await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: customer }).waitFor();
}

/** The facts list of a customer's file, without the audit line. */
export async function customerFacts(page, customer) {
  await openCustomer(page, customer);
  await page.getByRole('heading', { name: 'Contact timeline' }).waitFor();
  return (await page.locator('dl.facts').first().innerText()).replace(/Record[\s\S]*/, '');
}

/**
 * Sync page: clicks an export button; returns the downloaded files' paths
 * (copied out of the browser's download folder, so they outlive its context).
 */
export async function exportFiles(page, button) {
  await nav(page, 'Sync');
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  // The first download, not only the text: the text of an earlier export
  // on this page may still be on screen.
  const first = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await first;
  await page.getByText(/files? downloaded/).waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'ventanilla-export-'));
  const paths = [];
  for (const d of downloads) {
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    paths.push(path);
  }
  page.removeAllListeners('download');
  return paths;
}

/**
 * Chooses files in the import card (Sync page or first run) and waits for
 * the preview; then applies them unless a refusal is expected. Joining
 * (first run) ends on "Who are you?"; otherwise returns what the card says
 * after applying.
 */
export async function importFiles(page, paths, { expectRefusal = false, joining = false } = {}) {
  await page.getByLabel('Choose one or more Ventanilla files').setInputFiles(paths);
  await page.getByRole('table', { name: 'Contents before applying' }).waitFor({ timeout: 10000 }).catch(async () => {
    throw new Error(`no preview; the page says: ${(await page.locator('main').innerText()).slice(0, 1500)}`);
  });
  if (expectRefusal) return '';
  await page.getByRole('button', { name: 'Apply all' }).click();
  // Joining from the first-run screen moves straight on to "Who are you?".
  if (joining) {
    await page.getByRole('heading', { name: 'Who are you?' }).waitFor();
    return '';
  }
  const said = page.getByRole('status').filter({ hasText: /records? updated|Nothing new/ });
  await said.waitFor();
  return (await said.innerText()).trim();
}
