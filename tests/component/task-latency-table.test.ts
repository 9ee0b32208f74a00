// @vitest-environment happy-dom
// Per task and CPU min / avg / p50 / p99 / max (issue 15, point 6): the Results view showed only per-variant
// headline figures, where cyclictest prints Min/Avg/Max per thread.
import { mount } from '@vue/test-utils'
import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js'
import { describe, expect, it } from 'vitest'
import TaskLatencyTable from '../../src-renderer/src/components/TaskLatencyTable.vue'
import { taskLatencyRows } from '../../src-renderer/src/results/task-latency-rows'
import type { Variant } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import { RESULTS_SCHEMA_VERSION, type DistributionNs, type ExperimentResults, type JobResult, type RunResult, type TaskResult } from '../../src-shared/results/types'

function dist(values: number[]): DistributionNs {
  const h = build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 1e12, numberOfSignificantValueDigits: 3, useWebAssembly: false })
  for (const v of values) h.recordValue(v)
  const at = (p: number) => h.getValueAtPercentile(p)
  return { count: h.totalCount, min: Math.min(...values), mean: h.mean, p50: at(50), p99: at(99), p999: at(99.9), p9999: at(99.99), max: h.maxValue, hdr: encodeIntoCompressedBase64(h) }
}

function task(name: string, cpu: number, latencies: number[], misses: number): TaskResult {
  const d = dist(latencies)
  return {
    name, cpu, mode: 'periodic', deadlineNs: 100_000, activations: latencies.length, misses, missRatio: 0, longestMissRun: 0,
    latencyNs: d, responseNs: d, slackNs: d, maxLatencyPerWindowNs: { windowNs: 1e8, values: [] }, missesPerWindow: { windowNs: 1e8, values: [] }, fallbacks: 0
  }
}

/** Only the tasks matter here: rt0 on CPU 2 and rt1 on CPU 3, seed 2 slower than seed 1, direct twice as slow. */
function results(): ExperimentResults {
  const checked = validateProfile({ schemaVersion: 1, machine: { cpus: 4, isolated: '2-3' }, kernel: { variants: ['workqueue', 'direct'] }, run: { seeds: [1, 2] } })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  const none = dist([1])
  const run = (variant: Variant, seed: number): RunResult => {
    const k = (variant === 'direct' ? 2 : 1) * seed
    return {
      engineVersion: 'test', variant, seed,
      pcp: { managedPages: 1000, batch: 63, high: 378, highMax: 378, wmarkMin: 10, wmarkLow: 12, wmarkHigh: 15 },
      tasks: [task('rt0', 2, [1000 * k, 2000 * k, 3000 * k, 40_000 * k], seed), task('rt1', 3, [500, 600 * k], 0)],
      drains: { requested: 0, completed: 0, skipped: 0, stalled: 0, pagesFreed: 0, durationNs: none, mutexWaitNs: none, perTargetNs: none, targets: none, bySource: {}, overTime: { tNs: [], values: [] }, oldestPendingNs: 0 },
      interference: [], housekeeping: { allocFastPathNs: none, zoneLockWaitNs: none, fallbacks: 0, fastPathOverheadNs: 0 },
      strandedPages: { tNs: [], values: [] }, zoneFreePages: { tNs: [], values: [] }, drainCpuNs: 0, worst: null, events: 1, simulatedNs: 1e9, partial: false
    }
  }
  const jobs: JobResult[] = (['workqueue', 'direct'] as const).flatMap((variant) => [1, 2].map((seed) => ({ id: `${variant}-s${seed}`, variant, seed, sweepPoint: null, status: 'completed' as const, result: run(variant, seed) })))
  return { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'test', profile: checked.profile, jobs, aggregates: [] }
}

describe('task latency rows', () => {
  it('one row per task and variant, all seeds together: exact min and max, count-weighted mean, merged percentiles', () => {
    const rows = taskLatencyRows(results(), {})
    expect(rows.map((r) => [r.task, r.cpu, r.variant, r.seeds])).toEqual([['rt0', 2, 'workqueue', 2], ['rt1', 3, 'workqueue', 2], ['rt0', 2, 'direct', 2], ['rt1', 3, 'direct', 2]])
    const rt0 = rows[0]
    expect(rt0.latency).toMatchObject({ count: 8, min: 1000, max: 80_000 })
    // (1+2+3+40 + 2+4+6+80) µs over 8 samples, to the histograms' 3 significant digits
    expect(Math.abs(rt0.latency.mean - 138_000 / 8) / (138_000 / 8)).toBeLessThan(0.001)
    expect(rt0.latency.p50).toBeGreaterThanOrEqual(2000)
    expect(rt0.latency.p50).toBeLessThanOrEqual(4000)
    expect(rt0.latency.p99).toBeGreaterThanOrEqual(40_000)
    expect(rt0.misses).toBe(1.5)
  })
})

describe('TaskLatencyTable', () => {
  it('shows Min, Avg, p50, p99 and Max per task, CPU and variant', () => {
    const wrapper = mount(TaskLatencyTable, { props: { results: results(), sweepIndex: 0 } })
    const headers = wrapper.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(expect.arrayContaining(['Task', 'CPU', 'Variant', 'Min', 'Avg', 'p50', 'p99', 'Max']))
    const rows = wrapper.findAll('tbody tr').map((r) => r.text())
    expect(rows).toHaveLength(4)
    // sorted by CPU: both variants of rt0 first
    expect(rows[0]).toMatch(/^rt0\s*2\s*workqueue/)
    expect(rows[1]).toMatch(/^rt0\s*2\s*direct/)
    expect(wrapper.text()).toContain('2 seeds together')
  })
})
