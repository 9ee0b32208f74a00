// The per-CPU flush rows of Results → Drains and the HTML report, from real model runs: one row per variant and
// flush, counts summed over seeds, and none for a run without flushes.
import { describe, expect, it } from 'vitest'
import { validateProfile } from '../../src-shared/profile/validate'
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { flushRows } from '../../src-shared/results/flush-rows'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults, type JobResult } from '../../src-shared/results/types'
import { runModel } from '../../src-main/engine/run-model'
import { htmlReport } from '../../src-main/lab/export/html-report'
import { syntheticResults } from './lab-support/synthetic-results'
import { CHARTS } from '../../src-shared/charts/index'
import { tableOf } from '../../src-shared/charts/chart-table'

function experiment(input: Record<string, unknown>): ExperimentResults {
  const checked = validateProfile({ schemaVersion: 1, name: 'Flush rows', machine: { cpus: 4, isolated: '2-3' }, ...input })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  const profile = checked.profile
  const jobs: JobResult[] = profile.kernel.variants.flatMap((variant) => profile.run.seeds.map((seed) => ({
    id: `${variant}-s${seed}`, variant, seed, sweepPoint: null, status: 'completed' as const, result: runModel(profile, variant, seed)
  })))
  return { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'test', profile, jobs, aggregates: aggregateJobs(jobs) }
}

const withFlushes = () => experiment({
  kernel: { variants: ['direct', 'direct-chunked'], antiStarvation: { policy: 'none' } },
  rtTasks: [{ name: 'cyc', cpu: 2, mode: 'periodic', periodUs: 1000, runtimeUs: 100, chargesMemcg: true, lruFoliosPerJob: 2 }],
  drainSources: [{ kind: 'memcg', ratePerSec: 20 }, { kind: 'lru', ratePerSec: 10 }],
  run: { durationMs: 1500, seeds: [1, 2] }
})

describe('per-CPU flush rows', () => {
  it('one row per variant and flush the runs made, counts summed over the seeds', () => {
    const results = withFlushes()
    const rows = flushRows(results)
    expect(rows.map((r) => `${r.variant}/${r.flush}`)).toEqual(['direct/lru', 'direct/vmstat', 'direct/memcg', 'direct-chunked/lru', 'direct-chunked/vmstat', 'direct-chunked/memcg'])
    for (const row of rows) {
      const runs = results.jobs.filter((j) => j.variant === row.variant).map((j) => j.result?.flushes?.[row.flush])
      expect(row.requested, `${row.variant}/${row.flush}`).toBe(runs.reduce((s, f) => s + (f?.requested ?? 0), 0))
      expect(row.isolatedWorkItems).toBe(runs.reduce((s, f) => s + (f?.isolatedWorkItems ?? 0), 0))
    }
    // 6.1 queues the memcg drain on the isolated CPU, 6.12 passes it over
    const memcg = (variant: string) => rows.find((r) => r.variant === variant && r.flush === 'memcg')
    expect(memcg('direct')?.isolatedWorkItems).toBeGreaterThan(0)
    expect(memcg('direct-chunked')?.isolatedWorkItems).toBe(0)
    // the CPU's FLUSHING_CACHED_CHARGE stays set once passed over: counted once per seed at most
    expect(memcg('direct-chunked')?.isolatedSkipped).toBeLessThanOrEqual(2)
    expect(rows[0].label).toBe('LRU drain — lru_add_drain_all() → lru_add_drain_per_cpu')
  })

  it('the Drains tab\'s flush chart: a bar per variant for each flush, the work items it queued on isolated CPUs', () => {
    const results = withFlushes()
    const spec = CHARTS.find((c) => c.id === 'flush-work')!
    expect(spec.available(results)).toBe(true)
    const config = spec.build(results)
    expect(config.data.labels).toEqual(['lru_add_drain_all() → lru_add_drain_per_cpu', 'vmstat_shepherd() → vmstat_update', 'drain_all_stock() → drain_local_stock'])
    const bars = Object.fromEntries(config.data.datasets.map((d) => [d.label, d.data]))
    const rows = flushRows(results)
    expect(bars.direct).toEqual(['lru', 'vmstat', 'memcg'].map((f) => rows.find((r) => r.variant === 'direct' && r.flush === f)?.isolatedWorkItems))
    // 6.12 passes the isolated CPU over for the memcg stock: no bar
    expect((bars['direct-chunked'] as number[])[2]).toBe(0)
    expect(tableOf(config)?.rows).toHaveLength(rows.length)
    expect(spec.available(syntheticResults())).toBe(false)
  })

  it('the HTML report has a Per-CPU flushes table when the runs made flushes, and none for results without them', async () => {
    const report = await htmlReport(withFlushes(), { command: 'drainlab run x' })
    expect(report).toContain('<h2>Per-CPU flushes</h2>')
    expect(report).toContain('drain_all_stock()')
    // results saved by engine 0.5 have no flushes
    const none = syntheticResults()
    expect(flushRows(none)).toEqual([])
    expect(await htmlReport(none, { command: 'drainlab run x' })).not.toContain('Per-CPU flushes')
  })
})
