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
// - gzip when the client accepts it (compressed once per file version, kept
//   in memory), so transfer sizes resemble a real host.
// - Hashed assets (name-0123456789abcdef.ext) are cached for a year,
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
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.map', '.svg', '.txt', '.xml']);
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

export async function serveStatic({ root = 'dist', host = '127.0.0.1', port = 0, spa = true, gzip = true, log = false } = {}) {
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
    let body = null;
    const acceptsGzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip && acceptsGzip && COMPRESSIBLE.has(ext) && s.size > 512) {
      let hit = gzCache.get(file);
      if (!hit || hit.mtimeMs !== s.mtimeMs || hit.size !== s.size) {
        hit = { mtimeMs: s.mtimeMs, size: s.size, body: gzipSync(await readFile(file), { level: 6 }) };
        gzCache.set(file, hit);
      }
      body = hit.body;
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    } else {
      body = await readFile(file);
    }
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
        if (log) console.log(`${req.method} ${req.url} ${res.statusCode}`);
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
