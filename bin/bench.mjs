#!/usr/bin/env node
// npm run bench: runs every benchmark section in scripts/bench/*-bench.ts (TypeScript, registered through
// tsx), prints them, and appends one dated entry with the machine to BENCHMARKS.md.
// Each section runs in its own Node process, started with the V8 flags the section exports as
// `nodeFlags` (the engine section asks for --single-threaded so that CPU time measures one core).
// `npm run bench -- engine` runs only the sections whose file name contains "engine".
import { register } from 'tsx/esm/api'
import { spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const MARKER = '@@bench-section@@'
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// the classes compiled as the build compiles them (tsconfig.base.json: useDefineForClassFields)
register({ tsconfig: join(root, 'tsconfig.node.json') })
const dir = join(root, 'scripts', 'bench')
const args = process.argv.slice(2)

if (args[0] === '--run-section') {
  const { runBench } = await import(pathToFileURL(join(dir, args[1])).href)
  const section = await runBench()
  process.stdout.write(`\n${MARKER}${JSON.stringify(section)}\n`)
  process.exit(0)
}

const sections = readdirSync(dir).filter((f) => f.endsWith('-bench.ts')).sort()
const files = sections.filter((f) => args.length === 0 || args.some((o) => f.includes(o)))
// a filter that names no section (a typo, an option) would append an empty entry: nothing runs, nothing is written
if (files.length === 0) {
  process.stderr.write(`bench: no section matches ${args.map((a) => `"${a}"`).join(', ')}; sections: ${sections.map((f) => f.replace(/-bench\.ts$/, '')).join(', ')}\n`)
  process.exit(2)
}
const cpu = cpus()[0]
const machine = `${cpu?.model ?? 'unknown CPU'}, ${cpus().length} logical CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}`
const { ENGINE_VERSION } = await import(pathToFileURL(join(root, 'src-main', 'engine', 'version.ts')).href)
// which code was measured: the engine version, and the commit (with "+changes" when the tree differs from it)
const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' })
const commit = git('rev-parse', '--short', 'HEAD').stdout.trim() || 'unknown'
const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== ''
let entry = `\n## ${new Date().toISOString()}\n\nCommand: \`npm run bench${args.length ? ' -- ' + args.join(' ') : ''}\`  \nMachine: ${machine}  \nCode: engine ${ENGINE_VERSION}, commit ${commit}${dirty ? '+changes' : ''}\n`
for (const file of files) {
  const { nodeFlags = [] } = await import(pathToFileURL(join(dir, file)).href)
  const child = spawnSync(process.execPath, [...nodeFlags, fileURLToPath(import.meta.url), '--run-section', file], {
    stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20
  })
  const out = child.stdout ?? ''
  const at = out.lastIndexOf(MARKER)
  if (child.status !== 0 || at < 0) {
    process.stdout.write(out)
    process.stderr.write(`bench section ${file} failed (exit ${child.status})\n`)
    process.exit(1)
  }
  process.stdout.write(out.slice(0, at))
  const section = JSON.parse(out.slice(at + MARKER.length))
  const text = `\n### ${section.title}\n\n${section.markdown.trim()}\n`
  process.stdout.write(text)
  entry += text
}
const target = join(root, 'BENCHMARKS.md')
if (!existsSync(target)) writeFileSync(target, '# Benchmarks\n\nAppended by `npm run bench` (bin/bench.mjs); newest last. Numbers are measurements of the machine named in each entry.\n')
appendFileSync(target, entry)
process.stdout.write(`\nappended to ${target}\n`)
