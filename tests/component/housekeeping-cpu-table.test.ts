// @vitest-environment happy-dom
// The Results view's per-housekeeping-CPU table: one row per CPU for the picked variant, seeds together;
// results saved before housekeeping.perCpu existed say so instead of showing an empty table.
import { mount } from '@vue/test-utils'
import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js'
import { describe, expect, it } from 'vitest'
import type { Variant } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import { INTERFERENCE_SOURCES, RESULTS_SCHEMA_VERSION, type DistributionNs, type ExperimentResults, type JobResult, type RunResult } from '../../src-shared/results/types'
import HousekeepingCpuTable from '../../src-renderer/src/components/HousekeepingCpuTable.vue'
import { housekeepingCpuRows, variantsWithHousekeepingCpus } from '../../src-renderer/src/results/housekeeping-cpu-rows'

function dist(values: number[]): DistributionNs {
  const h = build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 1e12, numberOfSignificantValueDigits: 3, useWebAssembly: false })
  for (const v of values) h.recordValue(v)
  const at = (p: number) => h.getValueAtPercentile(p)
  return { count: h.totalCount, min: h.minNonZeroValue, mean: h.mean, p50: at(50), p99: at(99), p999: at(99.9), p9999: at(99.99), max: h.maxValue, hdr: encodeIntoCompressedBase64(h) }
}

/** A run whose only meaningful part is housekeeping: CPU 0 and CPU 1, CPU 1 slower and falling back. */
function run(variant: Variant, seed: number): RunResult {
  const none = dist([1])
  return {
    engineVersion: 'test', variant, seed,
    pcp: { managedPages: 1000, batch: 63, high: 378, highMax: 378, wmarkMin: 10, wmarkLow: 12, wmarkHigh: 15 },
    tasks: [],
    drains: { requested: 0, completed: 0, skipped: 0, stalled: 0, pagesFreed: 0, durationNs: none, mutexWaitNs: none, perTargetNs: none, targets: none, bySource: {}, overTime: { tNs: [], values: [] }, oldestPendingNs: 0 },
    interference: [{ cpu: 3, bySourceNs: Object.fromEntries(INTERFERENCE_SOURCES.map((s) => [s, 0])) as RunResult['interference'][number]['bySourceNs'] }],
    housekeeping: {
      allocFastPathNs: dist([100, 120]), zoneLockWaitNs: dist([10, 14]), fallbacks: 3, fastPathOverheadNs: 50,
      perCpu: [
        { cpu: 0, allocFastPathNs: dist([100]), zoneLockWaitNs: dist([10]), fallbacks: 1, fastPathOverheadNs: 20 },
        { cpu: 1, allocFastPathNs: dist([120]), zoneLockWaitNs: dist([14]), fallbacks: 2, fastPathOverheadNs: 30 }
      ]
    },
    strandedPages: { tNs: [], values: [] }, zoneFreePages: { tNs: [], values: [] },
    drainCpuNs: 0, worst: null, events: 1, simulatedNs: 1e9, partial: false
  }
}

function syntheticResults(): ExperimentResults {
  const checked = validateProfile({ schemaVersion: 1, machine: { cpus: 4, isolated: '2-3' }, kernel: { variants: ['workqueue', 'direct'] }, run: { seeds: [1, 2] } })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  const jobs: JobResult[] = (['workqueue', 'direct'] as const).flatMap((variant) => [1, 2].map((seed) => ({ id: `${variant}-s${seed}`, variant, seed, sweepPoint: null, status: 'completed' as const, result: run(variant, seed) })))
  return { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'test', profile: checked.profile, jobs, aggregates: [] }
}

describe('housekeeping CPU rows', () => {
  const results = syntheticResults()

  it('one row per CPU, ascending; one seed keeps the saved figures, several merge the histograms', () => {
    const single = syntheticResults()
    single.jobs = single.jobs.filter((j) => j.seed === 1)
    const saved = single.jobs.find((j) => j.variant === 'direct')!.result!.housekeeping.perCpu!
    const [cpu0, cpu1] = housekeepingCpuRows(single, 'direct', {})
    expect([cpu0.cpu, cpu1.cpu]).toEqual([0, 1])
    expect(cpu1).toEqual({ cpu: 1, fastPath: { count: 1, min: 120, mean: 120, p50: saved[1].allocFastPathNs.p50, p99: saved[1].allocFastPathNs.p99, max: 120 }, zoneLockWait: { count: 1, min: 14, mean: 14, p50: 14, p99: 14, max: 14 }, fallbacks: 2, overheadNs: 30 })
    // two seeds with the same synthetic housekeeping figures: counts add, percentiles and means stay
    const both = housekeepingCpuRows(results, 'direct', {})
    expect(both[1]).toEqual({ ...cpu1, fastPath: { ...cpu1.fastPath, count: 2 }, zoneLockWait: { ...cpu1.zoneLockWait, count: 2 } })
  })

  it('no variant offers per-CPU rows when the document predates them', () => {
    const old = syntheticResults()
    for (const j of old.jobs) delete j.result!.housekeeping.perCpu
    expect(variantsWithHousekeepingCpus(old, {})).toEqual([])
    expect(housekeepingCpuRows(old, 'direct', {})).toEqual([])
  })
})

describe('HousekeepingCpuTable', () => {
  it('shows a row per housekeeping CPU of the first variant', () => {
    const wrapper = mount(HousekeepingCpuTable, { props: { results: syntheticResults(), sweepIndex: 0 } })
    const rows = wrapper.findAll('tbody tr')
    expect(rows.map((r) => r.find('td').text())).toEqual(['0', '1'])
    expect(rows[1].text()).toContain('120 ns')
    expect(wrapper.text()).toContain('2 seeds together')
  })

  it('says when the results have no per-CPU figures', () => {
    const old = syntheticResults()
    for (const j of old.jobs) delete j.result!.housekeeping.perCpu
    const wrapper = mount(HousekeepingCpuTable, { props: { results: old, sweepIndex: 0 } })
    expect(wrapper.find('tbody tr').exists()).toBe(false)
    expect(wrapper.text()).toContain('No per-CPU housekeeping figures')
  })
})
