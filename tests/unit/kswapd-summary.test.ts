// The kswapd line under `drainlab run` / `history show` and in Results → Drains (src-shared/results/kswapd-summary.ts),
// from real model runs: the balances and the share of the measured time with ZONE_RECLAIM_ACTIVE, none without one.
import { describe, expect, it } from 'vitest'
import { validateProfile } from '../../src-shared/profile/validate'
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { kswapdSummaryText } from '../../src-shared/results/kswapd-summary'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults, type JobResult } from '../../src-shared/results/types'
import { runModel } from '../../src-main/engine/run-model'
import { htmlReport } from '../../src-main/lab/export/html-report'

function experiment(drainSources: unknown[]): ExperimentResults {
  const checked = validateProfile({
    schemaVersion: 1, machine: { cpus: 4, isolated: '3' }, kernel: { variants: ['direct'] }, drainSources, run: { durationMs: 1000, warmupMs: 200, seeds: [1, 2] }
  })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  const profile = checked.profile
  const jobs: JobResult[] = profile.run.seeds.map((seed) => ({ id: `direct-s${seed}`, variant: 'direct', seed, sweepPoint: null, status: 'completed' as const, result: runModel(profile, 'direct', seed) }))
  return { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'test', profile, jobs, aggregates: aggregateJobs(jobs) }
}

describe('kswapd summary line', () => {
  it('says how many balances each run had and what share of the measured time the flag was set, here and in the report', async () => {
    const results = experiment([{ kind: 'reclaim', ratePerSec: 20, kswapdBalanceMs: 4 }])
    const runs = results.jobs.map((j) => j.result!)
    const balances = runs.map((r) => r.pcp.kswapdBalances!)
    expect(Math.min(...balances)).toBeGreaterThan(5)
    const shares = runs.map((r) => `${((r.pcp.reclaimActiveNs! / 800e6) * 100).toFixed(1)} %`)
    const text = kswapdSummaryText(results)
    const [lo, hi] = [Math.min(...balances), Math.max(...balances)]
    expect(text).toContain(`kswapd: ${lo === hi ? lo : `${lo}–${hi}`} balances before the reclaim drains per run`)
    for (const share of shares) expect(text).toContain(share)
    expect(text).toContain('at most 252 pages (4 × batch)')
    // and the HTML report carries the same line
    expect(await htmlReport(results, { command: 'drainlab run x' })).toContain(text)
  })

  it('is empty without a balance: no reclaim source, or kswapdBalanceMs 0', () => {
    expect(kswapdSummaryText(experiment([{ kind: 'compaction', ratePerSec: 20 }]))).toBe('')
    expect(kswapdSummaryText(experiment([{ kind: 'reclaim', ratePerSec: 20, kswapdBalanceMs: 0 }]))).toBe('')
  })
})
