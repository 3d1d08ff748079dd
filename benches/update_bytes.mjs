// What an update downloads: compares two release builds (scripts/build) and
// prints the files a device that holds OLD fetches to get NEW. The service
// worker copies every content-hashed file whose name is unchanged from its
// old cache (pwa/sw.js), so only new names travel, plus the unhashed files
// it always revalidates (index.html, sw.js, the manifest).
//
//   node benches/update_bytes.mjs OLD_DIST NEW_DIST
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { compressedSizes } from '../scripts/precompress.mjs';
import { HASHED } from '../scripts/static-server.mjs';

const [oldDist, newDist] = process.argv.slice(2);
if (!oldDist || !newDist || !existsSync(join(oldDist, 'index.html')) || !existsSync(join(newDist, 'index.html'))) {
  console.error('usage: node benches/update_bytes.mjs OLD_DIST NEW_DIST (two folders made by scripts/build)');
  process.exit(2);
}
const list = (dir) => {
  const out = [];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.(br|gz)$/.test(name)) out.push(relative(dir, p).split(sep).join('/'));
    }
  })(dir);
  return out.sort();
};
const before = new Set(list(oldDist));
const after = list(newDist);
const fetched = after.filter((f) => !HASHED.test(f) || !before.has(f));
const sizes = (f) => compressedSizes(readFileSync(join(newDist, f)), extname(f));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = { raw: 0, gz: 0, br: 0 };
let all = { raw: 0, gz: 0, br: 0 };
for (const f of after) {
  const s = sizes(f);
  all = { raw: all.raw + s.raw, gz: all.gz + s.gz, br: all.br + s.br };
  if (!fetched.includes(f)) continue;
  total = { raw: total.raw + s.raw, gz: total.gz + s.gz, br: total.br + s.br };
  console.log(`${f.padEnd(48)} ${kb(s.raw).padStart(10)} raw ${kb(s.gz).padStart(10)} gzip ${kb(s.br).padStart(10)} brotli`);
}
console.log(`update: ${fetched.length} of ${after.length} files, ${kb(total.raw)} raw / ${kb(total.gz)} gzip / ${kb(total.br)} brotli`
  + ` (the whole build: ${kb(all.raw)} / ${kb(all.gz)} / ${kb(all.br)}; ${((100 * total.gz) / all.gz).toFixed(1)} % of it by gzip)`);
