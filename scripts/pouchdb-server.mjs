// Starts pouchdb-server (a CouchDB-compatible server on Node) in memory on
// 127.0.0.1, for the sync tests. Optional dependency: install it with
// `scripts/setup --pouchdb` (kept apart from the main dev packages: ~350
// packages, about a minute).
//
//   import { startPouchServer } from '../../scripts/pouchdb-server.mjs';
//   const couch = await startPouchServer();   // { url, port, close }
//   node scripts/pouchdb-server.mjs [--port 5984]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const POUCHDB_BIN = join(HERE, 'pouchdb', 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

export const pouchServerInstalled = () => existsSync(POUCHDB_BIN);

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

// `dir`: keep the databases in that folder (they survive a restart on the
// same folder, for the server-killed-mid-sync tests); default: in memory.
// `timeoutMs` is only the upper bound: a loaded machine may take a while.
export async function startPouchServer({ port, dir, timeoutMs = 60000, log = false } = {}) {
  if (!pouchServerInstalled()) {
    throw new Error('pouchdb-server is not installed: run `scripts/setup --pouchdb`');
  }
  port = port ?? (await freePort());
  // pouchdb-server writes config.json and log.txt into its working folder.
  const work = dir ?? mkdtempSync(join(tmpdir(), 'ventanilla-pouchdb-'));
  const storage = dir ? ['--dir', dir] : ['--in-memory'];
  const child = spawn(process.execPath, [POUCHDB_BIN, ...storage, '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'], {
    cwd: work,
    stdio: log ? 'inherit' : 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      // A port someone else holds may accept and never answer: ask again.
      const r = await fetch(url + '/', { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      if (!dir) rmSync(work, { recursive: true, force: true });
      throw new Error(`pouchdb-server did not answer on ${url} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    /// Stops the server at once, as a crash would (SIGKILL).
    kill: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode) return ok();
        child.once('exit', () => ok());
        child.kill('SIGKILL');
      }),
    close: () =>
      new Promise((ok) => {
        const done = () => {
          if (!dir) rmSync(work, { recursive: true, force: true });
          ok();
        };
        // Already gone (exited, or killed by `kill`): its 'exit' has fired
        // and will not fire again.
        if (child.exitCode !== null || child.signalCode) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const s = await startPouchServer({ port: i > 0 ? Number(process.argv[i + 1]) : 5984, log: true });
  console.log(`pouchdb-server (in memory) on ${s.url}/ (Ctrl-C to stop)`);
  const stop = async () => { await s.close(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
