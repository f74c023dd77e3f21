#!/usr/bin/env node
/**
 * Builds the server (nest build → dist/) and the console (vite build → web/dist/) only when their
 * sources changed since the last build: each output keeps a stamp (a hash of its inputs' paths
 * and contents), so `npm start` with nothing changed starts at once instead of recompiling.
 *
 *   node scripts/build.mjs            # build what is stale
 *   node scripts/build.mjs --force    # build both
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

const TARGETS = [
  {
    name: 'server',
    stamp: 'dist/.build-stamp',
    inputs: ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'],
    skip: (path) => path.endsWith('.spec.ts'),
    command: [process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build']],
  },
  {
    name: 'console',
    stamp: 'web/dist/.build-stamp',
    // The console imports the leave-law rules (and what they import) from the server's sources.
    inputs: ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'web/package.json', 'src/leave-gaps', 'src/common', 'src/matching/core', 'package-lock.json'],
    skip: (path) => path.endsWith('.spec.ts'),
    command: [process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: join(root, 'web') }],
  },
];

function filesUnder(path) {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(relative(root, join(absolute, entry.name))));
}

function fingerprint(target) {
  const hash = createHash('sha256');
  for (const file of target.inputs.flatMap(filesUnder).filter((file) => !target.skip(file))) {
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

for (const target of TARGETS) {
  const wanted = fingerprint(target);
  const stampFile = join(root, target.stamp);
  const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && current === wanted) {
    console.log(`${target.name}: up to date (sources unchanged since the last build)`);
    continue;
  }
  console.log(`${target.name}: building…`);
  const started = Date.now();
  const [command, args, options] = target.command;
  execFileSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  writeFileSync(stampFile, `${wanted}\n`);
  console.log(`${target.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
