// trunk post_build hook: writes the hashed asset names of this build into
// the service worker's precache list, and a version derived from them so a
// new build replaces the old cache.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) { console.error('TRUNK_STAGING_DIR is not set'); process.exit(1); }

const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push('/' + relative(dir, p).split('\\').join('/'));
  }
})(dir);

const shell = ['/', ...files.filter((f) => f !== '/sw.js').sort()];
const hash = createHash('sha256');
for (const f of shell.slice(1)) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 12);

const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace(/const VERSION = '[^']*';/, `const VERSION = '${version}';`)
  .replace(/const SHELL = \[[^\]]*\];/, `const SHELL = ${JSON.stringify(shell)};`);
writeFileSync(swPath, sw);
console.log(`service worker: ${shell.length} files, version ${version}`);
