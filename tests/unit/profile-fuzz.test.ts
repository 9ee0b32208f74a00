// Fuzz: random and mutated profiles through validate and the loader. Each must either validate or come back
// with clear issues (a path and a message); none may throw or hang.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseProfileJson, loadProfileDocument } from '../../src-shared/profile/load'
import { validateProfile, type ProfileValidation } from '../../src-shared/profile/validate'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import { readProfileFile } from '../../src-main/store/profile-file'

const BASE = {
  schemaVersion: 1,
  name: 'fuzz base',
  machine: { cpus: 8, isolated: '4-7', memoryGiB: 16 },
  kernel: { variants: ['workqueue', 'direct'], antiStarvation: { policy: 'none' }, pcp: { high: 'auto' } },
  rtTasks: [{ name: 'poll', cpu: 4, mode: 'polling', periodUs: 1000, runtimeUs: { dist: 'uniform', minUs: 10, maxUs: 20 }, allocsPerJob: 2 }],
  housekeeping: { allocRatePagesPerSec: 1000, perCpu: [{ cpu: 0, allocRatePagesPerSec: 5 }] },
  drainSources: [{ kind: 'reclaim', ratePerSec: 10 }, { kind: 'once', atMs: 5 }],
  run: { durationMs: 100, seeds: [1, 2] },
  sweep: { parameters: [{ path: 'kernel.pcp.high', values: [100, 200] }] }
}

/** Every path in the base document, objects and leaves, as key lists. */
function paths(node: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof node !== 'object' || node === null) return [prefix]
  const entries = Array.isArray(node) ? node.map((v, i) => [i, v] as const) : Object.entries(node)
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))]
}
const ALL_PATHS = paths(BASE).filter((p) => p.length > 0)

type Mutation = { kind: 'set'; path: number; value: unknown } | { kind: 'delete'; path: number } | { kind: 'extra'; path: number; key: string }

function mutate(doc: unknown, m: Mutation): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>
  const path = ALL_PATHS[m.path % ALL_PATHS.length]
  let node: Record<string | number, unknown> = copy
  for (const k of path.slice(0, -1)) {
    const next = node[k]
    if (typeof next !== 'object' || next === null) return copy
    node = next as Record<string | number, unknown>
  }
  const last = path[path.length - 1]
  if (m.kind === 'set') node[last] = m.value
  else if (m.kind === 'delete') delete node[last]
  else if (typeof node[last] === 'object' && node[last] !== null && !Array.isArray(node[last])) (node[last] as Record<string, unknown>)[m.key] = 1
  return copy
}

const interesting = fc.oneof(
  fc.anything(),
  fc.integer({ min: -5, max: 5000 }),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, Number.NaN, '', 'auto', '0-3', '1-2:0', '9999', null, [], {}, true, 'direct', 'none', 'once'),
  fc.string()
)
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.nat(), value: interesting }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('extra' as const), path: fc.nat(), key: fc.string({ minLength: 1, maxLength: 8 }) })
)

function expectClear(r: ProfileValidation): void {
  if (r.ok) {
    expect(r.profile.schemaVersion).toBe(1)
    return
  }
  expect(r.issues.length).toBeGreaterThan(0)
  for (const issue of r.issues) {
    expect(typeof issue.path).toBe('string')
    expect(typeof issue.message).toBe('string')
    expect(issue.message.length).toBeGreaterThan(0)
  }
}

describe('profile fuzz', () => {
  it('the base document is valid', () => {
    expect(validateProfile(BASE).ok).toBe(true)
  })

  it('3000 random JSON values', () => {
    const started = Date.now()
    fc.assert(fc.property(fc.jsonValue(), (doc) => {
      expectClear(loadProfileDocument(doc))
      expectClear(validateProfile(doc))
    }), { numRuns: 3000, seed: 42 })
    expect(Date.now() - started).toBeLessThan(60_000)
  })

  it('3000 mutated profiles (1–4 mutations each: wrong types, deletions, unknown keys)', () => {
    let valid = 0
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      const doc = ms.reduce<unknown>((d, m) => mutate(d, m), BASE)
      const r = loadProfileDocument(doc)
      if (r.ok) {
        valid++
        // a valid profile's sweep grid is re-validated per point: that must not throw either
        const plan = planExperiment(r.profile)
        if (!plan.ok) for (const issue of plan.issues) expect(issue.message.length).toBeGreaterThan(0)
      }
      expectClear(r)
    }), { numRuns: 3000, seed: 7 })
    // the mutations must also leave some profiles valid, or the test only exercises the error path
    expect(valid).toBeGreaterThan(0)
  })

  it('1000 damaged texts through the JSON loader, and 200 through the file loader', async () => {
    const text = JSON.stringify(BASE, null, 2)
    const edits = fc.array(fc.record({ at: fc.nat({ max: text.length }), cut: fc.nat({ max: 5 }), insert: fc.string({ maxLength: 4 }) }), { minLength: 1, maxLength: 3 })
    const damaged = (es: Array<{ at: number; cut: number; insert: string }>) => es.reduce((t, e) => t.slice(0, e.at) + e.insert + t.slice(e.at + e.cut), text)
    fc.assert(fc.property(edits, (es) => expectClear(parseProfileJson(damaged(es)))), { numRuns: 1000, seed: 3 })
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-fuzz-'))
    const samples = fc.sample(edits, { numRuns: 200, seed: 5 })
    for (const [i, es] of samples.entries()) {
      const file = join(dir, `f${i}.drainlab.json`)
      writeFileSync(file, damaged(es))
      expectClear(await readProfileFile(file))
    }
  })
})
