// The last step of scripts/build: turns the optimised pieces in STAGE into
// the folder a host serves (DIST).
//
//   node scripts/assemble.mjs STAGE DIST
//
// - Every piece gets a content-hashed name (`name-<16 hex>.ext`), so a host
//   may cache it for a year and a release re-downloads only what changed.
//   The two JS glue files import each other (ventanilla.js <-> the split
//   loader), so they share one hash taken over both and the pieces' names.
// - index.html: the source's data-trunk lines replaced by the hashed CSS,
//   the preloads of the main piece, the words files' names and the start
//   script.
// - sw.js gets two lists: SHELL (precached on install: what the first page
//   needs) and PIECES (fetched in the background after the first paint).
// - .br and .gz beside every compressible file (scripts/precompress.mjs).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.mjs';
import { workerFiles, writeWorkerLists } from './sw-manifest.mjs';

const [stage, dist] = process.argv.slice(2);
if (!stage || !dist) {
  console.error('usage: node scripts/assemble.mjs STAGE DIST');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const hash16 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
};
const hashed = (name, h) => name.replace(/(_bg)?\.(\w+)$/, (_, bg, ext) => `-${h}${bg ?? ''}.${ext}`);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// 1. The wasm pieces, each by its own content.
const rename = new Map(); // stage name -> dist name
const pieces = readdirSync(stage).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f)).sort();
for (const f of ['ventanilla_bg.wasm', ...pieces]) {
  const bytes = readFileSync(join(stage, f));
  rename.set(f, hashed(f, hash16(bytes)));
  writeFileSync(join(dist, rename.get(f)), bytes);
}

// 2. The glue: one hash over both files and every piece's name.
const glue = readFileSync(join(stage, 'ventanilla.js'), 'utf8');
const loader = readFileSync(join(stage, '__wasm_split.js'), 'utf8');
const glueHash = hash16(glue, loader, ...rename.values());
const glueName = `ventanilla-${glueHash}.js`;
const loaderName = `__wasm_split-${glueHash}.js`;
const swap = (text, from, to) => {
  const out = text.split(from).join(to);
  if (out === text) throw new Error(`assemble: no reference to ${from} to rewrite`);
  return out;
};
// Only the JS import statements and fetched URLs change: the wasm's own
// import module name ("./__wasm_split.js" as a key in the glue) must stay.
let loaderOut = swap(loader, 'from "./ventanilla.js"', `from "./${glueName}"`);
// A piece that does not arrive (offline, or a fetch cut short because the
// person moved on) is the app's to report: the page says so and offers "Try
// again". The split tool's loader also logs it as a console error; it stays
// in the console as a warning, so an error there still means a fault.
loaderOut = swap(loaderOut, 'console.error(e);',
  'console.warn("Ventanilla: a piece of the app did not arrive; the page offers Try again.", e);');
for (const f of pieces) loaderOut = swap(loaderOut, `new URL("./${f}"`, `new URL("./${rename.get(f)}"`);
writeFileSync(join(dist, loaderName), loaderOut);
writeFileSync(join(dist, glueName), swap(glue, 'from "./__wasm_split.js"', `from "./${loaderName}"`));

// 3. The stylesheet and the PWA files.
const css = readFileSync(join(root, 'style/main.css'));
const cssName = `main-${hash16(css)}.css`;
writeFileSync(join(dist, cssName), css);
for (const f of ['manifest.webmanifest', 'sw.js', 'robots.txt', 'online.txt']) cpSync(join(root, 'pwa', f), join(dist, f));
cpSync(join(root, 'pwa/icons'), join(dist, 'icons'), { recursive: true });
// The rules handbook in both languages: the handbook page fetches its
// language's (src/ui/words/handbook.rs, document_path); in the main piece
// it would ride along with every first load.
const handbooks = { 'handbook-en.txt': 'docs/rules.md', 'handbook-es.txt': 'docs/rules.es.md' };
for (const [name, source] of Object.entries(handbooks)) cpSync(join(root, source), join(dist, name));

// The interface's words, one file per language (src/ui/words/files.rs):
// the start-up loads the person's language, the worker keeps both.
const words = {};
for (const lang of ['es', 'en']) {
  const bytes = readFileSync(join(root, 'pwa/words', `${lang}.json`));
  words[lang] = `words-${lang}-${hash16(bytes)}.json`;
  writeFileSync(join(dist, words[lang]), bytes);
}

// 4. index.html: the same page trunk makes, with the hashed names.
const mainWasm = rename.get('ventanilla_bg.wasm');
const wordsUrls = Object.fromEntries(Object.entries(words).map(([lang, f]) => [lang, `/${f}`]));
const start = `<script>window.ventanillaWords = ${JSON.stringify(wordsUrls)};</script>
    <script type="module">
import init, * as bindings from '/${glueName}';
await init({ module_or_path: '/${mainWasm}' });
window.wasmBindings = bindings;
</script>
    <link rel="stylesheet" href="/${cssName}"/>
    <link rel="modulepreload" href="/${glueName}"/>
    <link rel="preload" href="/${mainWasm}" as="fetch" type="application/wasm" crossorigin/>`;
let html = readFileSync(join(root, 'index.html'), 'utf8');
const trunkLines = /^\s*<link data-trunk [^\n]*\n/gm;
if (!trunkLines.test(html)) throw new Error('assemble: index.html has no data-trunk lines to replace');
html = html.replace(trunkLines, '').replace('</head>', `    ${start}\n  </head>`);
writeFileSync(join(dist, 'index.html'), html);

// 5. The service worker's lists and version (before the precompressed
// copies exist: the browser decodes those, they are never listed).
const files = workerFiles(dist);
const pieceFiles = new Set([...pieces.map((f) => rename.get(f)), ...Object.keys(handbooks)]);
const PIECES = files.filter((f) => pieceFiles.has(f));
const version = writeWorkerLists(dist, { shell: files.filter((f) => !pieceFiles.has(f)), pieces: PIECES });

// 6. Precompressed copies, and a summary.
const sizes = await precompress(dist);
const total = (pred) =>
  sizes.filter((s) => pred(s.file)).reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });
// One language's words: Spanish, the longer.
const firstLoad = total((f) => [glueName, loaderName, mainWasm, cssName, 'index.html', words.es].includes(f));
const allPieces = total((f) => pieceFiles.has(f));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`assemble: ${dist}: first load ${kb(firstLoad.raw)} raw / ${kb(firstLoad.gz)} gzip / ${kb(firstLoad.br)} brotli;`
  + ` ${PIECES.length} pieces ${kb(allPieces.raw)} raw / ${kb(allPieces.gz)} gzip; service worker ${version}`);
if (!existsSync(join(dist, 'index.html'))) process.exit(1);
