#!/usr/bin/env node
// `npm test`: every check in order (lint, typecheck, build, unit/component tests, end-to-end tests),
// streaming each one's output, then ONE closing line `N passed, N failed` summed over all of them.
// A failed step does not stop the run, so the closing line always covers everything; the exit code is
// non-zero when anything failed.
import { spawn } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

/**
 * count: 'single' steps count as one check (1 passed or 1 failed); the test runners print their own
 * closing line ("vitest: N passed, N failed, N skipped"), which is summed instead.
 */
const STEPS = [
  { name: 'lint', command: 'npx', args: ['eslint', '.'], count: 'single' },
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'], count: 'single' },
  // the app and out/cli: the end-to-end tests run `drainlab serve` from that build
  { name: 'build', command: 'npm', args: ['run', 'build'], count: 'single' },
  { name: 'vitest', command: 'npm', args: ['run', 'test:unit'], count: /^vitest: (\d+) passed, (\d+) failed, (\d+) skipped$/m },
  { name: 'playwright', command: 'npx', args: ['playwright', 'test'], count: /^playwright: (\d+) passed, (\d+) failed, (\d+) skipped$/m }
]

/** Enough of a step's output to find its closing line (printed last). */
const TAIL_CHARS = 64 * 1024

function runStep(step) {
  return new Promise((resolve) => {
    const started = Date.now()
    process.stdout.write(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}\n`)
    const child = spawn(step.command, step.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      shell: process.platform === 'win32'
    })
    let tail = ''
    const keep = (chunk) => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS)
    }
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      keep(chunk)
    })
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk)
      keep(chunk)
    })
    const finish = (code, spawnError) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      resolve({ step, code, spawnError, seconds, output: stripVTControlCharacters(tail) })
    }
    child.on('error', (error) => finish(-1, error))
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)))
  })
}

/** passed/failed/skipped of one step, and a note when its exit code and its own report disagree. */
function tally({ step, code, spawnError, output }) {
  if (spawnError) return { passed: 0, failed: 1, skipped: 0, note: `could not start: ${spawnError.message}` }
  if (step.count === 'single') return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, note: '' }
  const matches = [...output.matchAll(new RegExp(step.count.source, 'gm'))]
  const last = matches.at(-1)
  if (!last) return { passed: 0, failed: 1, skipped: 0, note: `no closing line (exit code ${code})` }
  const [passed, failed, skipped] = last.slice(1, 4).map(Number)
  // e.g. an unhandled error after all tests passed: the runner fails the run, so must we
  if (code !== 0 && failed === 0) return { passed, failed: 1, skipped, note: `exit code ${code} with no failed test` }
  return { passed, failed, skipped, note: '' }
}

let passed = 0
let failed = 0
const lines = []
for (const step of STEPS) {
  const result = await runStep(step)
  const t = tally(result)
  passed += t.passed
  failed += t.failed
  const verdict = t.failed > 0 ? 'FAILED' : 'ok'
  lines.push(`${step.name.padEnd(11)} ${verdict.padEnd(6)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped (${result.seconds} s)${t.note ? ` — ${t.note}` : ''}`)
}

process.stdout.write(`\n=== summary\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`)
process.exitCode = failed > 0 ? 1 : 0
