// A tiny static server for the built app (dist/), with no dependencies.
//
//   node scripts/static-server.mjs [--root dist] [--host 127.0.0.1] [--port 8080]
//   import { serveStatic } from './scripts/static-server.mjs';
//   const { url, port, close } = await serveStatic({ root: 'dist', port: 0 });
//
// - Correct MIME types (application/wasm for streaming compilation,
//   application/manifest+json, text/javascript, ...).
// - SPA fallback: a path whose last segment has no extension and is not a
//   file gets index.html (the router handles it); a missing asset is a 404.
// - Compression by Accept-Encoding (q=0 refuses a coding): a precompressed
//   `<file>.br`, else `<file>.gz`, written beside the file by
//   scripts/precompress.mjs and used only when not older than the file; else
//   gzip on the fly (once per file version, kept in memory); else identity.
//   Content-Type is always the original file's; `Vary: Accept-Encoding` on
//   every compressible type. A `.br`/`.gz` asked for by name is plain bytes
//   (application/octet-stream, no Content-Encoding).
// - Hashed assets (name-<12 to 16 hex digits>.ext) are cached for a year,
//   everything else (index.html, sw.js, manifest) is revalidated.
// - Only GET and HEAD; never leaves `root` (no path traversal); 127.0.0.1 only
//   by default.
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { resolve, join, extname, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
};
/** Extensions worth compressing (scripts/precompress.mjs uses the same set). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.map', '.svg', '.txt', '.xml']);
/** Files this small or smaller are sent as they are: compressing saves next to nothing. */
export const MIN_COMPRESS = 512;
/** The precompressed file beside an asset, by Content-Encoding, best first. */
export const SIDECAR = { br: '.br', gzip: '.gz' };
// trunk names an asset `name-<hash>.ext` with its 64-bit hash in hex without
// leading zeros, so 15 digits are as common as 1 in 16 (icon-192.png is no hash).
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;

/**
 * The q value `header` (an Accept-Encoding) gives `coding`: 0 means refused.
 * An unlisted coding takes the q of `*`, else 0; `x-gzip` counts as gzip.
 */
export function acceptQ(header, coding) {
  let star = 0;
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*(.*)$/.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!(q >= 0 && q <= 1)) q = 0; // a malformed q refuses rather than guesses
    const n = name === 'x-gzip' ? 'gzip' : name;
    if (n === coding) return q;
    if (n === '*') star = q;
  }
  return star;
}

/** The codings of SIDECAR the client takes, best first (higher q; br before gzip on a tie). */
function preferred(header) {
  return Object.keys(SIDECAR)
    .map((coding, i) => ({ coding, q: acceptQ(header, coding), i }))
    .filter((c) => c.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((c) => c.coding);
}

export async function serveStatic({
  root = 'dist',
  host = '127.0.0.1',
  port = 0,
  spa = true,
  precompressed = true,
  gzip = true,
  log = false,
} = {}) {
  const base = resolve(root);
  const gzCache = new Map(); // path -> { mtimeMs, size, body }

  async function fileAt(p) {
    try {
      const s = await stat(p);
      return s.isFile() ? s : null;
    } catch {
      return null;
    }
  }

  // The best encoded body of `file` (stat `s`) the client takes: a sidecar
  // not older than the file, else gzip made here; null means send it as it is.
  async function encoded(file, s, accept) {
    const codings = preferred(accept);
    if (precompressed) {
      for (const coding of codings) {
        const side = file + SIDECAR[coding];
        const ss = await fileAt(side);
        if (ss && ss.mtimeMs >= s.mtimeMs) return { coding, body: await readFile(side) };
      }
    }
    if (gzip && codings.includes('gzip') && s.size > MIN_COMPRESS) {
      let hit = gzCache.get(file);
      if (!hit || hit.mtimeMs !== s.mtimeMs || hit.size !== s.size) {
        hit = { mtimeMs: s.mtimeMs, size: s.size, body: gzipSync(await readFile(file), { level: 6 }) };
        gzCache.set(file, hit);
      }
      return { coding: 'gzip', body: hit.body };
    }
    return null;
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (pathname.includes('\0')) {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = resolve(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let s = await fileAt(file);
    if (!s) {
      const dirIndex = join(file, 'index.html');
      s = await fileAt(dirIndex);
      if (s) file = dirIndex;
    }
    if (!s && spa) {
      const last = pathname.split('/').pop();
      if (!last.includes('.')) {
        file = join(base, 'index.html');
        s = await fileAt(file);
      }
    }
    if (!s) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const ext = extname(file).toLowerCase();
    const headers = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Last-Modified': s.mtime.toUTCString(),
    };
    if (file.endsWith(`${sep}sw.js`)) headers['Service-Worker-Allowed'] = '/';
    // Revalidation (`no-cache` files, the service worker's checks): an
    // unchanged file is a 304 with no body. HTTP dates have whole seconds.
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (!Number.isNaN(since) && Math.floor(s.mtimeMs / 1000) * 1000 <= since) {
      if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';
      res.writeHead(304, headers).end();
      return;
    }
    let body = null;
    if (COMPRESSIBLE.has(ext)) {
      headers.Vary = 'Accept-Encoding';
      const enc = await encoded(file, s, req.headers['accept-encoding']);
      if (enc) {
        headers['Content-Encoding'] = enc.coding;
        body = enc.body;
      }
    }
    body ??= await readFile(file);
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .catch((err) => {
        if (!res.headersSent) res.writeHead(500).end(String(err));
        else res.destroy(err);
      })
      .finally(() => {
        // `log`: true prints each request; a function receives
        // { method, url, status } (the e2e specs count what travelled).
        if (typeof log === 'function') log({ method: req.method, url: req.url, status: res.statusCode });
        else if (log) console.log(`${req.method} ${req.url} ${res.statusCode}`);
      });
  });
  // Keep-alive sockets would hold close() open; track and end them.
  const sockets = new Set();
  server.on('connection', (sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    root: base,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        for (const sock of sockets) sock.destroy();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const root = opt('root', 'dist');
  const server = await serveStatic({
    root,
    host: opt('host', '127.0.0.1'),
    port: Number(opt('port', process.env.PORT ?? 8080)),
    log: args.includes('--log'),
  });
  console.log(`Serving ${server.root} on ${server.url}/ (Ctrl-C to stop)`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
