// Results identity of the engine (the jobs: scripts/engine-identity-jobs.ts). A refactoring that must not
// change semantics keeps every hash: `npx tsx scripts/engine-identity.ts --check` compares against
// scripts/engine-identity.json, `--write` records a new baseline (only when the results are meant to change).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { identityJobs } from './engine-identity-jobs'

const BASELINE = join(dirname(fileURLToPath(import.meta.url)), 'engine-identity.json')

function hashes(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const job of identityJobs()) out[job.key] = job.run()
  return out
}

const mode = process.argv[2]
if (mode !== '--check' && mode !== '--write') {
  process.stderr.write('usage: tsx scripts/engine-identity.ts --check | --write\n')
  process.exit(2)
}
const now = hashes()
if (mode === '--write') {
  writeFileSync(BASELINE, JSON.stringify(now, null, 2) + '\n')
  process.stdout.write(`wrote ${Object.keys(now).length} hashes to ${BASELINE}\n`)
  process.exit(0)
}
const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, string>
const keys = new Set([...Object.keys(baseline), ...Object.keys(now)])
const changed = [...keys].filter((k) => baseline[k] !== now[k])
for (const k of changed) process.stdout.write(`CHANGED ${k}\n`)
process.stdout.write(changed.length === 0 ? `identical: ${keys.size} jobs\n` : `${changed.length} of ${keys.size} jobs changed\n`)
process.exit(changed.length === 0 ? 0 : 1)
