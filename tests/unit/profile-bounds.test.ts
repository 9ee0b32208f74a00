// Bug 5 ("Nothing lost"): profiles the schema accepted but the kernel could not have and the engine could not
// represent. Each case is refused with its field's path; the largest and smallest accepted values still run.
import { describe, expect, it } from 'vitest'
import { validateProfile, type ProfileValidation } from '../../src-shared/profile/validate'
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { experimentResultsSchema } from '../../src-shared/results/results-schema'
import type { JobResult } from '../../src-shared/results/types'
import { runModel } from '../../src-main/engine/run-model'

const BASE = {
  schemaVersion: 1,
  machine: { cpus: 4, isolated: '3' },
  rtTasks: [{ name: 'cyclic', cpu: 3, mode: 'periodic', periodUs: 1000, runtimeUs: 50, allocsPerJob: 2 }],
  drainSources: [{ kind: 'reclaim', ratePerSec: 50 }],
  run: { durationMs: 20 }
}

function withField(path: string, value: unknown): unknown {
  const doc = structuredClone(BASE) as Record<string, unknown>
  const keys = path.split('.')
  let node = doc
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1]] = value
  return doc
}

function issueAt(checked: ProfileValidation, path: string): string | undefined {
  return checked.ok ? undefined : checked.issues.find((i) => i.path === path)?.message
}

describe('profile bounds', () => {
  it('the base profile is valid', () => {
    expect(validateProfile(BASE).ok).toBe(true)
  })

  it('kernel.pcp.batch and high of 1e15 are refused (they gave negative free pages)', () => {
    expect(issueAt(validateProfile(withField('kernel.pcp.batch', 1e15)), 'kernel.pcp.batch')).toMatch(/at most/)
    expect(issueAt(validateProfile(withField('kernel.pcp.high', 1e15)), 'kernel.pcp.high')).toMatch(/at most/)
  })

  it('initial pcplist pages of INT_MAX are refused (catching up to high took 2^31 steps at batch 1)', () => {
    const doc = withField('rtTasks', [{ ...BASE.rtTasks[0], initialPcpPages: 2 ** 31 - 1 }])
    expect(issueAt(validateProfile(doc), 'rtTasks.0.initialPcpPages')).toMatch(/at most 1048576/)
    expect(issueAt(validateProfile(withField('housekeeping.initialPcpPages', 2 ** 31 - 1)), 'housekeeping.initialPcpPages')).toMatch(/at most 1048576/)
  })

  it('a task period of 1e306 µs is refused (it gave deadlineNs: null)', () => {
    const doc = withField('rtTasks', [{ ...BASE.rtTasks[0], periodUs: 1e306 }])
    expect(issueAt(validateProfile(doc), 'rtTasks.0.periodUs')).toMatch(/at most/)
  })

  it('rt-throttling runtime 1e-301 µs and period 1e-300 µs are refused (the period timer re-armed at the same instant)', () => {
    const doc = withField('kernel.antiStarvation', { policy: 'rt-throttling', runtimeUs: 1e-301, periodUs: 1e-300 })
    const checked = validateProfile(doc)
    expect(issueAt(checked, 'kernel.antiStarvation.runtimeUs')).toBeDefined()
    expect(issueAt(checked, 'kernel.antiStarvation.periodUs')).toBeDefined()
  })

  it('a series window that gives more points than a run may keep is refused (a 5 ms run wrote 190 MB)', () => {
    const doc = withField('run', { durationMs: 5, seriesWindowMs: 1e-6 })
    expect(issueAt(validateProfile(doc), 'run.seriesWindowMs')).toMatch(/points/)
  })

  it('a periodic task whose timer wakes later than its next period runs on (simulated time went backwards)', () => {
    const doc = withField('kernel.costs', { timerLatencyMinNs: 0, timerLatencyMaxNs: 1_000_000 })
    const checked = validateProfile({ ...(doc as object), rtTasks: [{ ...BASE.rtTasks[0], periodUs: 1, runtimeUs: 0.5, allocsPerJob: 0 }] })
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
    expect(runModel(checked.profile, 'workqueue', 1).simulatedNs).toBe(20_000_000)
  })

  it('refuses a manual high equal to batch, naming the field', () => {
    const same = validateProfile(withField('kernel.pcp', { batch: 63, high: 63 }))
    expect(same.ok ? [] : same.issues.map((i) => i.path)).toEqual(['kernel.pcp.high'])
  })

  it('refuses zones below ZONE_NORMAL that take all the memory, naming machine.dmaZonesMiB', () => {
    const doc = withField('machine.dmaZonesMiB', 4096) as { machine: Record<string, unknown> }
    doc.machine.memoryGiB = 4
    expect(issueAt(validateProfile(doc), 'machine.dmaZonesMiB')).toMatch(/leaves ZONE_NORMAL no page/)
    doc.machine.memoryGiB = 4.5
    expect(validateProfile(doc).ok).toBe(true)
    expect(issueAt(validateProfile(withField('machine.dmaZonesMiB', 5000)), 'machine.dmaZonesMiB')).toMatch(/at most 4096/)
  })

  it('the smallest rt-throttling window and the largest pcp values run to the end with valid results', () => {
    const small = validateProfile(withField('kernel.antiStarvation', { policy: 'rt-throttling', runtimeUs: 1, periodUs: 1 }))
    if (!small.ok) throw new Error(JSON.stringify(small.issues))
    const r = runModel(small.profile, 'workqueue', 1)
    expect(r.simulatedNs).toBe(20_000_000)
    // high = batch is refused (nr_pcp_free() would free nothing): the largest high, a page below
    const big = validateProfile(withField('kernel.pcp', { batch: 4_194_304, high: 4_194_303 }))
    if (!big.ok) throw new Error(JSON.stringify(big.issues))
    const b = runModel(big.profile, 'direct', 1)
    expect(Math.min(...b.zoneFreePages.values)).toBeGreaterThanOrEqual(0)
    const jobs: JobResult[] = [{ id: 'j', variant: 'direct', seed: 1, sweepPoint: null, status: 'completed', result: b }]
    const doc: unknown = JSON.parse(JSON.stringify({ schemaVersion: 1, engineVersion: 'test', profile: big.profile, jobs, aggregates: aggregateJobs(jobs) }))
    expect(experimentResultsSchema.safeParse(doc).error).toBeUndefined()
  })
})
