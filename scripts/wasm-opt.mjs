// wasm-opt -Oz on every .wasm in a folder, in place, two at a time.
//
//   node scripts/wasm-opt.mjs DIR
//
// Why not one `wasm-opt` per file: the split leaves ~300 small chunks, and
// wasm-opt from npm (binaryen 132) is a 10 MB script that takes about a
// second to start, longer than optimising a chunk. So the large pieces go to
// the wasm-opt command, and the small ones are optimised in one process
// through binaryen's own JS API (same version, same features, -Oz levels).
// The two paths differ by a few bytes per chunk at most (measured: 4 bytes
// on a 360-byte chunk); the pieces people download first use the command.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The features rustc 1.95 enables by default for wasm32; wasm-opt must accept them.
const FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];
const CLI_ARGS = ['-Oz', ...FEATURES.map((f) => `--enable-${f}`), '--strip-debug', '--strip-producers'];
// Under this size, in-process (the command's start-up would dominate).
const SMALL = 128 * 1024;
const PARALLEL = 2; // the machines this runs on have two cores

/** Runs `cmd args`; resolves on exit 0, rejects with its messages otherwise. */
function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      // The split tool writes a name subsection wasm-opt 132 does not know:
      // that warning is dropped, any other message is kept.
      const kept = err.split('\n').filter((l) => l && !l.includes('unknown name subsection')).join('\n');
      if (kept) process.stderr.write(kept + '\n');
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.at(-3) ?? ''} exited with ${code}`));
    });
  });
}

/** The small files, optimised here, one after another. */
async function optimiseInProcess(files) {
  const { default: binaryen } = await import('binaryen');
  const F = binaryen.Features;
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2);
  binaryen.setDebugInfo(false);
  for (const file of files) {
    const module = binaryen.readBinary(readFileSync(file));
    // The command's --enable-bulk-memory also turns on its "opt" half.
    module.setFeatures(module.getFeatures() | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt
      | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue);
    module.optimize();
    module.runPasses(['strip-debug', 'strip-producers']);
    writeFileSync(file, module.emitBinary());
    module.dispose();
  }
}

async function main(argv) {
  if (argv[0] === '--in-process') return optimiseInProcess(argv.slice(1));
  const dir = argv[0];
  if (!dir) throw new Error('usage: node scripts/wasm-opt.mjs DIR');
  const files = readdirSync(dir).filter((f) => f.endsWith('.wasm')).map((f) => join(dir, f))
    .map((path) => ({ path, size: statSync(path).size }))
    .sort((a, b) => b.size - a.size);
  const small = files.filter((f) => f.size < SMALL).map((f) => f.path);
  // Jobs, largest first so the two slots finish together.
  const jobs = files.filter((f) => f.size >= SMALL).map((f) => () => run('wasm-opt', [...CLI_ARGS, f.path, '-o', f.path]));
  if (small.length) jobs.splice(Math.min(1, jobs.length), 0, () => run(process.execPath, [new URL(import.meta.url).pathname, '--in-process', ...small]));
  let next = 0;
  const slot = async () => { while (next < jobs.length) await jobs[next++](); };
  await Promise.all(Array.from({ length: PARALLEL }, slot));
}

main(process.argv.slice(2)).catch((e) => { console.error(`scripts/wasm-opt.mjs: ${e.message}`); process.exit(1); });
