// Dexie baseline for the customer search: the "obvious" JavaScript way of
// doing what Ventanilla does in Rust. Stores N customers
// {id, name, nameFolded, phone, email} in IndexedDB through Dexie (the app's
// own customers when given as `rows`, else generated ones), then times
//   db.customers.filter(c => c.nameFolded.includes(q)).limit(50).toArray()
// once per keystroke. Loaded by benches/dexie.html; driven by
// benches/browser.mjs via window.dexieBench.run({ n, queries, rows }).
import Dexie from '../node_modules/dexie/dist/dexie.mjs';

const FIRST = ['María', 'José', 'Lucía', 'Juan', 'Ana', 'Pablo', 'Marta', 'Carlos', 'Sofía', 'Javier', 'Elena', 'Miguel',
  'Carmen', 'Antonio', 'Laura', 'Francisco', 'Isabel', 'Manuel', 'Pilar', 'David', 'Raquel', 'Álvaro', 'Nuria', 'Íñigo',
  'Begoña', 'Jesús', 'Rocío', 'Andrés', 'Inés', 'Sergio', 'María José', 'Juan Carlos'];
const LAST = ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández',
  'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez',
  'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Morales', 'Suárez', 'Ortega', 'Núñez', 'Fernández', 'Rodríguez'];

/** Lower case, accents removed (NFD + strip combining marks): the same folding the app uses for search. */
export const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Deterministic pseudo-random generator (mulberry32), so every run stores the same data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function customers(n, seed = 42) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
    const phone = `6${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    const email = `${fold(name).replace(/[^a-z]+/g, '.')}${i}@example.es`;
    out[i] = { id: `c${String(i).padStart(6, '0')}`, name, nameFolded: fold(name), phone, email };
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** The app's customers (hook benchCustomers: {name, phones, email, card, tags}) as Dexie rows. */
export function fromApp(list) {
  return list.map((c, i) => ({ id: `c${String(i).padStart(6, '0')}`, name: c.name, nameFolded: fold(c.name), phone: c.phones[0] ?? '', email: c.email }));
}

async function run({ n = 20000, queries = ['garcia'], rows: given = null, dbName = 'ventanilla-dexie-bench' } = {}) {
  const status = document.getElementById('status');
  status.textContent = `storing ${given ? given.length : n} customers…`;
  await Dexie.delete(dbName);
  const db = new Dexie(dbName);
  db.version(1).stores({ customers: 'id, nameFolded, phone, email' });
  await db.open();

  const rows = given ? fromApp(given) : customers(n);
  let t0 = performance.now();
  await db.customers.bulkAdd(rows);
  const insertMs = performance.now() - t0;

  // Re-open so the first query does not profit from the insert's warm state.
  db.close();
  await db.open();
  t0 = performance.now();
  const count = await db.customers.count();
  const openCountMs = performance.now() - t0;

  status.textContent = `searching (${queries.length} keystrokes)…`;
  const times = [];
  const hits = [];
  for (const q of queries) {
    const needle = fold(q);
    const start = performance.now();
    const found = await db.customers.filter((c) => c.nameFolded.includes(needle)).limit(50).toArray();
    times.push(performance.now() - start);
    hits.push(found.length);
  }
  db.close();
  await Dexie.delete(dbName);
  status.textContent = `done: median ${median(times).toFixed(2)} ms per keystroke`;
  return { n, count, insertMs, openCountMs, times, hits, dexie: Dexie.semVer };
}

window.dexieBench = { run, customers, fromApp, fold };
document.getElementById('status').textContent = 'ready';
