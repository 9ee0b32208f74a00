// The engine's results stay byte-identical to the recorded baseline (scripts/engine-identity.json) on
// every identity job: a change that alters a result must bump ENGINE_VERSION and record a new baseline
// (`npx tsx scripts/engine-identity.ts --write`), never pass unnoticed.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { identityJobs } from '../../scripts/engine-identity-jobs'

const baseline = JSON.parse(readFileSync(new URL('../../scripts/engine-identity.json', import.meta.url), 'utf8')) as Record<string, string>

describe('engine results identity', () => {
  const jobs = identityJobs()
  it('has a baseline hash for every job and no stale one', () => {
    expect(jobs.map((j) => j.key).sort()).toEqual(Object.keys(baseline).sort())
  })
  for (const prefix of [...new Set(jobs.map((j) => j.key.split('/')[0]))]) {
    it(`keeps ${prefix} identical for every variant and seed`, () => {
      const changed = jobs.filter((j) => j.key.startsWith(`${prefix}/`)).filter((j) => j.run() !== baseline[j.key]).map((j) => j.key)
      expect(changed).toEqual([])
    })
  }
})
