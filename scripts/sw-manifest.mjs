// Writes a build's file lists and a version into its service worker
// (`sw.js`, lines ending in // __VENTANILLA_VERSION__, // __VENTANILLA_PRECACHE__
// and // __VENTANILLA_PIECES__). The version is a SHA-256 over every listed
// file's name and bytes, so any change makes a new cache and the old one is
// dropped on activate.
//
// - The release build (scripts/assemble.mjs) imports `workerFiles` and
//   `writeWorkerLists`, and passes the area pieces apart from the shell.
// - The dev build runs it as trunk's post_build hook (Trunk.toml [[hooks]]):
//   every file is shell, there are no pieces. Standalone too:
//     TRUNK_STAGING_DIR=dist node scripts/sw-manifest.mjs
import { readdirSync, readFileSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * Every file under `dir` the worker may cache, sorted. Never the worker
 * itself, the connectivity probe (only the network may answer it), source
 * maps, dotfiles, or the precompressed copies (the browser decodes those).
 */
export function workerFiles(dir) {
  const skip = (rel) =>
    rel === 'sw.js' || rel === 'online.txt' || /\.(map|br|gz)$/.test(rel) || rel.split('/').some((p) => p.startsWith('.'));
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
  return files.sort();
}

/** Writes `shell`, `pieces` and their version into `dir`/sw.js; returns the version. */
export function writeWorkerLists(dir, { shell, pieces = [] }) {
  const hash = createHash('sha256');
  for (const f of [...shell, ...pieces]) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  const swPath = join(dir, 'sw.js');
  let sw = readFileSync(swPath, 'utf8');
  const lines = [
    [/^const VERSION = .*\/\/ __VENTANILLA_VERSION__$/m, `const VERSION = '${version}'; // __VENTANILLA_VERSION__`],
    [/^const PRECACHE = .*\/\/ __VENTANILLA_PRECACHE__$/m, `const PRECACHE = ${JSON.stringify(shell)}; // __VENTANILLA_PRECACHE__`],
    [/^const PIECES = .*\/\/ __VENTANILLA_PIECES__$/m, `const PIECES = ${JSON.stringify(pieces)}; // __VENTANILLA_PIECES__`],
  ];
  for (const [re, line] of lines) {
    if (!re.test(sw)) throw new Error(`sw-manifest: placeholder ${re} not found in sw.js`);
    sw = sw.replace(re, line);
  }
  writeFileSync(swPath, sw);
  return version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('sw-manifest: TRUNK_STAGING_DIR is not set (run by trunk, or set it to dist/)');
    process.exit(1);
  }
  if (!existsSync(join(dir, 'sw.js'))) {
    console.warn('sw-manifest: no sw.js in the build output; nothing to do');
    process.exit(0);
  }
  const shell = workerFiles(dir);
  if (!shell.includes('index.html')) {
    console.error('sw-manifest: index.html missing from the build output');
    process.exit(1);
  }
  const version = writeWorkerLists(dir, { shell });
  console.log(`sw-manifest: ${shell.length} shell files, cache version ${version}`);
}
