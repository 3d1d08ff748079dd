// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9)
// beside every compressible file of a build, so a host sends the small
// form without compressing on each request (scripts/static-server.mjs,
// Caddy's `precompressed`, nginx's `brotli_static` / `gzip_static`).
//
//   node scripts/precompress.mjs [dist]     prints name, raw, gzip, brotli, totals
//   import { precompress } from './scripts/precompress.mjs';
//   const rows = await precompress('dist'); // [{ file, raw, gz, br }] by name
//
// Run it last: a file changed after it (sw.js rewritten, say) leaves a stale
// sidecar, which the static server then ignores.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, gzip, gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { COMPRESSIBLE, MIN_COMPRESS, SIDECAR } from './static-server.mjs';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const GZIP = { level: 9 };

/** Brotli at its best quality, told the size and whether it is text. */
function brotliOptions(bytes, ext) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: ext === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  };
}

/** The sizes of `bytes` as the build's sidecars would be: { raw, gz, br } (the benches print these). */
export function compressedSizes(bytes, ext) {
  return { raw: bytes.length, gz: gzipSync(bytes, GZIP).length, br: brotliCompressSync(bytes, brotliOptions(bytes, ext)).length };
}
const SIDECAR_SUFFIXES = Object.values(SIDECAR);

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** Compresses every compressible file over MIN_COMPRESS bytes under `dir`; returns [{ file, raw, gz, br }] (relative path, byte sizes), sorted by file. */
export async function precompress(dir) {
  const rows = [];
  for (const path of await filesUnder(dir)) {
    const ext = extname(path).toLowerCase();
    if (SIDECAR_SUFFIXES.includes(ext) || !COMPRESSIBLE.has(ext)) continue;
    const bytes = await readFile(path);
    if (bytes.length <= MIN_COMPRESS) continue;
    // One file at a time (brotli 11 on the wasm takes seconds); both forms at once.
    const [b, g] = await Promise.all([brotli(bytes, brotliOptions(bytes, ext)), gz(bytes, GZIP)]);
    await writeFile(path + SIDECAR.br, b);
    await writeFile(path + SIDECAR.gzip, g);
    rows.push({ file: relative(dir, path).split(sep).join('/'), raw: bytes.length, gz: g.length, br: b.length });
  }
  return rows.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const rows = await precompress(dir).catch((err) => {
    console.error(`precompress: ${err.message}`);
    process.exit(1);
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz, br: t.br + r.br }), { raw: 0, gz: 0, br: 0 });
  const width = Math.max(5, ...rows.map((r) => r.file.length));
  const n = (v) => v.toLocaleString('en-US').padStart(12);
  console.log(`${'name'.padEnd(width)} ${'raw'.padStart(12)} ${'gzip'.padStart(12)} ${'brotli'.padStart(12)}`);
  for (const r of rows) console.log(`${r.file.padEnd(width)} ${n(r.raw)} ${n(r.gz)} ${n(r.br)}`);
  console.log(`${'total'.padEnd(width)} ${n(total.raw)} ${n(total.gz)} ${n(total.br)}  (bytes, ${rows.length} files)`);
}
