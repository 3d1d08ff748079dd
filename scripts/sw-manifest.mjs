// trunk post_build hook (Trunk.toml [[hooks]]): writes this build's app-shell
// file list (with trunk's hashed .js/.wasm/.css names) and a version into the
// copied service worker, $TRUNK_STAGING_DIR/sw.js. The version is a SHA-256
// over every shell file's name and bytes, so any change to the shell makes a
// new cache and the old one is dropped on activate.
//
// Runs standalone too, for a dist/ built without the hook:
//   TRUNK_STAGING_DIR=dist node scripts/sw-manifest.mjs
import { readdirSync, readFileSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-manifest: TRUNK_STAGING_DIR is not set (run by trunk, or set it to dist/)');
  process.exit(1);
}
const swPath = join(dir, 'sw.js');
if (!existsSync(swPath)) {
  console.warn('sw-manifest: no sw.js in the build output; nothing to do');
  process.exit(0);
}

// Never precache the worker itself, the connectivity probe (only the
// network may answer it), source maps, or dotfiles.
const skip = (rel) => rel === 'sw.js' || rel === 'online.txt' || rel.endsWith('.map') || rel.split('/').some((p) => p.startsWith('.'));
const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else {
      const rel = relative(dir, p).split(sep).join('/');
      if (!skip(rel)) files.push(rel);
    }
  }
})(dir);
files.sort();
if (!files.includes('index.html')) {
  console.error('sw-manifest: index.html missing from the build output');
  process.exit(1);
}

const hash = createHash('sha256');
for (const f of files) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
const version = hash.digest('hex').slice(0, 16);

const source = readFileSync(swPath, 'utf8');
const versionRe = /^const VERSION = .*\/\/ __VENTANILLA_VERSION__$/m;
const precacheRe = /^const PRECACHE = .*\/\/ __VENTANILLA_PRECACHE__$/m;
if (!versionRe.test(source) || !precacheRe.test(source)) {
  console.error('sw-manifest: placeholders not found in sw.js (lines ending in // __VENTANILLA_VERSION__ and // __VENTANILLA_PRECACHE__)');
  process.exit(1);
}
const out = source
  .replace(versionRe, `const VERSION = '${version}'; // __VENTANILLA_VERSION__`)
  .replace(precacheRe, `const PRECACHE = ${JSON.stringify(files)}; // __VENTANILLA_PRECACHE__`);
writeFileSync(swPath, out);
console.log(`sw-manifest: ${files.length} shell files, cache version ${version}`);
