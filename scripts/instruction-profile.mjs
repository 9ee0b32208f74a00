#!/usr/bin/env node
// Instructions per JavaScript function, counted rather than sampled: runs a Node command under valgrind's
// callgrind (every instruction, by address) with V8's --perf-basic-prof map (which address range is which
// compiled function), and prints the instructions executed in each function's own code, inlined callees
// included. A shared VM's speed drifts by a fifth within minutes (BENCHMARKS.md), which drowns a 3 % change in
// wall-clock time; an unchanged function's optimised code executes the same count in every run (the total,
// start-up, compiling and garbage collection included, moved by 2.5 % between two runs of one build). Needs
// valgrind (Debian: apt install valgrind); a run takes 40–55× its normal time.
//
//   node scripts/instruction-profile.mjs [--top N] -- [node options] script [args]
//   e.g. node scripts/instruction-profile.mjs -- --single-threaded bin/drainlab.mjs run --preset control-loop-1khz \
//          --variants direct --duration 2s --no-history --out /tmp/profiled-run
//
// A name's first character is V8's tier: `*` optimised (TurboFan), `^` baseline (Sparkplug), `~` interpreted;
// `Builtin:` V8's built-in code; `[native]` C and C++ code by the symbol callgrind found — `[native] ?` is the
// native code it could not name, most of it node's own (V8's compiler and Math functions, OpenSSL), which
// for a short run is most of the total.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const argv = process.argv.slice(2)
const dash = argv.indexOf('--')
if (dash < 0 || dash === argv.length - 1) {
  process.stderr.write('usage: node scripts/instruction-profile.mjs [--top N] -- [node options] script [args]\n')
  process.exit(2)
}
const topAt = argv.indexOf('--top')
const top = topAt >= 0 && topAt < dash ? Number(argv[topAt + 1]) : 40
if (!Number.isInteger(top) || top < 1) {
  process.stderr.write('--top: give a whole number of functions ≥ 1\n')
  process.exit(2)
}

/** [start, end, name] of each compiled function in V8's map, sorted by start */
function readPerfMap(path) {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => {
    const [start, size, ...name] = line.split(' ')
    const from = parseInt(start, 16)
    return [from, from + parseInt(size, 16), name.join(' ')]
  }).sort((a, b) => a[0] - b[0])
}

/** The map entry holding `address`, by binary search; null outside every entry. */
function nameAt(map, address) {
  let lo = 0
  let hi = map.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (map[mid][0] <= address) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found >= 0 && address < map[found][1] ? map[found][2] : null
}

/**
 * Self instructions per function from callgrind's output with --dump-instr=yes: cost lines are `address line
 * count`, the address absolute (0x…) or relative to the previous one (+n, -n, * for the same); the cost line after
 * `calls=` is a call's inclusive cost, not the caller's own, and is left out.
 */
function selfInstructions(callgrindText, map) {
  const fnNames = new Map()
  const self = new Map()
  let fn = '?'
  let address = 0
  let callCost = false
  let total = 0
  for (const line of callgrindText.split('\n')) {
    const fnLine = /^fn=\((\d+)\)(?: (.*))?$/.exec(line)
    if (fnLine !== null) {
      if (fnLine[2] !== undefined) fnNames.set(fnLine[1], fnLine[2])
      fn = fnNames.get(fnLine[1]) ?? '?'
      continue
    }
    if (line.startsWith('calls=')) {
      callCost = true
      continue
    }
    const cost = /^(0x[0-9a-f]+|[+-]\d+|\*)\s+\S+\s+(\d+)/.exec(line)
    if (cost === null) continue
    if (cost[1].startsWith('0x')) address = parseInt(cost[1], 16)
    else if (cost[1] !== '*') address += Number(cost[1])
    if (callCost) {
      callCost = false
      continue
    }
    const count = Number(cost[2])
    total += count
    const name = nameAt(map, address) ?? `[native] ${fn}`
    self.set(name, (self.get(name) ?? 0) + count)
  }
  return { total, self }
}

const dir = mkdtempSync(join(tmpdir(), 'drainlab-instructions-'))
try {
  const out = join(dir, 'callgrind.out')
  const run = spawnSync('valgrind', ['--tool=callgrind', '--dump-instr=yes', '--smc-check=all-non-file', `--callgrind-out-file=${out}`,
    // --perf-basic-prof also turns V8's log on: one log file for all isolates, in the folder removed below, not
    // one isolate-*-v8.log per thread left in the working directory
    process.execPath, '--perf-basic-prof', '--no-logfile-per-isolate', `--logfile=${join(dir, 'v8.log')}`, ...argv.slice(dash + 1)], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
  if (run.error !== undefined) throw new Error(`valgrind could not start (${run.error.message}): install it (Debian: apt install valgrind)`)
  if (run.status !== 0) process.stderr.write(run.stderr)
  const pid = /^==(\d+)==/m.exec(run.stderr)?.[1]
  if (pid === undefined) throw new Error('valgrind printed no process id: no profile')
  const perfMap = join(tmpdir(), `perf-${pid}.map`)
  const { total, self } = selfInstructions(readFileSync(out, 'utf8'), readPerfMap(perfMap))
  // node writes the map beside every process it runs with --perf-basic-prof; this one is ours
  rmSync(perfMap, { force: true })
  process.stdout.write(`${(total / 1e6).toFixed(1)} M instructions in all (exit status ${run.status})\n`)
  for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(count / 1e6).toFixed(1).padStart(9)} M  ${((100 * count) / total).toFixed(1).padStart(5)} %  ${name}\n`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
