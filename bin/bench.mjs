#!/usr/bin/env node
// npm run bench: runs every benchmark section in scripts/bench/*-bench.ts (registered through tsx, like
// bin/drainlab.mjs), prints them, and appends one dated entry with the machine to BENCHMARKS.md.
// Runs under --single-threaded (re-executing itself) so that CPU time measures one core.
import { register } from 'tsx/esm/api'
import { spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// Measure one core: without V8's background GC threads, process CPU time is the benchmark thread's time,
// which other load on a shared machine does not inflate the way it inflates wall time.
if (!process.execArgv.includes('--single-threaded')) {
  const child = spawnSync(process.execPath, ['--single-threaded', ...process.argv.slice(1)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}

register()
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join(root, 'scripts', 'bench')
const only = process.argv.slice(2)
const files = readdirSync(dir).filter((f) => f.endsWith('-bench.ts')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))

const cpu = cpus()[0]
const machine = `${cpu?.model ?? 'unknown CPU'}, ${cpus().length} logical CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}`
let entry = `\n## ${new Date().toISOString()}\n\nCommand: \`npm run bench${only.length ? ' -- ' + only.join(' ') : ''}\`  \nMachine: ${machine}\n`
for (const file of files) {
  const { runBench } = await import(pathToFileURL(join(dir, file)).href)
  const section = await runBench()
  const text = `\n### ${section.title}\n\n${section.markdown.trim()}\n`
  process.stdout.write(text)
  entry += text
}
const target = join(root, 'BENCHMARKS.md')
if (!existsSync(target)) writeFileSync(target, '# Benchmarks\n\nAppended by `npm run bench` (bin/bench.mjs); newest last. Numbers are measurements of the machine named in each entry.\n')
appendFileSync(target, entry)
process.stdout.write(`\nappended to ${target}\n`)
