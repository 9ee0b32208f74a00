// The run timeline (docs/timeline.md): every CPU's record of the run, whole while it fits in the cap,
// else the windows around the worst sample and the first deadline misses; the first misses explained (their
// breakdowns); a window asked for on a re-run holds what the whole run holds in it; recording changes no result.
import { describe, expect, it } from 'vitest'
import { VARIANTS, type ProfileInput } from '../../src-shared/profile/schema'
import type { RunResult } from '../../src-shared/results/types'
import { decodeDrainPages } from '../../src-shared/results/drain-pages-columns'
import { TIMELINE_MISS_SAMPLES } from '../../src-main/engine/metrics/miss-samples'
import { TIMELINE_MISS_WINDOWS } from '../../src-main/engine/metrics/run-timeline'
import { periodicTasks, profileOf, run } from './support/engine-profiles'
import { recordsOf, tilingError, type TimelineRecord } from './support/timeline-records'

const ISOLATED = [2, 3]
const HOUSEKEEPING = [0, 1]

/** A 1 kHz control loop on two isolated CPUs that allocates, with housekeeping load and frequent drains. */
const controlLoop = (overrides: Partial<ProfileInput> = {}) => profileOf({
  schemaVersion: 1,
  machine: { cpus: 4, isolated: '2-3' },
  kernel: { antiStarvation: { policy: 'rt-throttling' } },
  rtTasks: periodicTasks(ISOLATED, { periodUs: 1000, runtimeUs: { dist: 'uniform', minUs: 150, maxUs: 250 }, allocsPerJob: 16, initialPcpPages: 400 }),
  housekeeping: { allocRatePagesPerSec: 20_000, freeRatePagesPerSec: 20_000 },
  drainSources: [{ kind: 'reclaim', ratePerSec: 40 }, { kind: 'compaction', ratePerSec: 10 }],
  run: { durationMs: 300, warmupMs: 20 },
  ...overrides
})

function sorted(records: TimelineRecord[]): TimelineRecord[] {
  return [...records].sort((a, b) => a.startNs - b.startNs || a.cpu - b.cpu || a.kind.localeCompare(b.kind) || a.endNs - b.endNs || a.drain - b.drain)
}

function withoutTimeline(r: RunResult): Omit<RunResult, 'timeline'> {
  const { timeline: _timeline, ...rest } = r
  return rest
}

describe('run timeline: none', () => {
  it('a cap of 0 records no timeline and changes no result', () => {
    const none = run(controlLoop(), 'workqueue', 1, { timelineCapRecords: 0 })
    expect(none.timeline).toBeUndefined()
    expect(none).toEqual(withoutTimeline(run(controlLoop(), 'workqueue')))
  })
})

describe('run timeline: the whole run when it fits', () => {
  for (const variant of VARIANTS) {
    it(`${variant}: each isolated CPU's segments tile the run; housekeeping CPUs hold only materialised work`, () => {
      const r = run(controlLoop(), variant)
      const t = r.timeline!
      expect(t.windows).toEqual([{ reason: 'run', fromNs: 0, untilNs: r.simulatedNs, truncated: false }])
      expect(t.cpus).toEqual([...HOUSEKEEPING.map((cpu) => ({ cpu, role: 'housekeeping' })), ...ISOLATED.map((cpu) => ({ cpu, role: 'isolated' }))])
      for (const cpu of ISOLATED) expect(tilingError(t, cpu, 0, r.simulatedNs)).toBeNull()
      const records = recordsOf(t)
      // one release per period (the hrtimer expiries of a periodic task)
      for (const cpu of ISOLATED) expect(records.filter((rec) => rec.cpu === cpu && rec.kind === 'release')).toHaveLength(300)
      // the housekeeping load's bursts are closed form: never a task or idle segment on a housekeeping CPU
      expect(records.some((rec) => HOUSEKEEPING.includes(rec.cpu) && (rec.kind === 'rt' || rec.kind === 'idle'))).toBe(false)
      // every drain request is on the timeline, and the work of each target names its request
      const requests = new Set(records.filter((rec) => rec.kind === 'drain-request').map((rec) => rec.drain))
      expect(requests.size).toBeGreaterThanOrEqual(r.drains.requested)
      const work = records.filter((rec) => rec.kind === 'kworker-drain' || rec.kind === 'remote-drain')
      expect(work.length).toBeGreaterThan(0)
      for (const rec of work) expect(requests.has(rec.drain), `${rec.kind} at ${rec.startNs} for drain ${rec.drain}`).toBe(true)
      for (const rec of records.filter((x) => x.kind === 'drain-done')) expect(requests.has(rec.drain)).toBe(true)
    })
  }

  it('the drain work is the kworker\'s under workqueue and the remote drainer\'s under direct', () => {
    const kinds = (variant: (typeof VARIANTS)[number]) => new Set(recordsOf(run(controlLoop(), variant).timeline!).filter((r) => ISOLATED.includes(r.cpu)).map((r) => r.kind))
    const workqueue = kinds('workqueue')
    expect(workqueue.has('kworker-drain')).toBe(true)
    expect(workqueue.has('ipi')).toBe(true)
    expect(workqueue.has('remote-drain')).toBe(false)
    const direct = kinds('direct')
    expect(direct.has('kworker-drain')).toBe(false)
    expect(direct.has('remote-drain')).toBe(true)
  })
})

// (~2000 records in the whole run) 100 records overflow before the warm-up ends, so every window opens on
// the ring of recent records; 1000 overflow later, so the first windows are filled from the whole run so far
describe.each([100, 1000])('run timeline: past a cap of %i records', (cap) => {
  for (const variant of ['workqueue', 'direct'] as const) {
    it(`${variant}: keeps the worst sample's window, tiled on every isolated CPU, and changes no result`, () => {
      const whole = run(controlLoop(), variant)
      const capped = run(controlLoop(), variant, 1, { timelineCapRecords: cap })
      expect(withoutTimeline(capped)).toEqual(withoutTimeline(whole))
      const t = capped.timeline!
      expect(whole.timeline!.count).toBeGreaterThan(cap)
      expect(t.capRecords).toBe(cap)
      const worst = capped.worst!
      const window = t.windows.find((w) => w.reason === 'worst')!
      expect(window.truncated).toBe(false)
      expect(window.fromNs).toBeLessThanOrEqual(worst.releaseNs)
      expect(window.untilNs).toBeGreaterThan(worst.releaseNs)
      expect(t.windows.every((w) => w.reason !== 'run')).toBe(true)
      for (const cpu of ISOLATED) expect(tilingError(t, cpu, window.fromNs, window.untilNs)).toBeNull()
      // the window's records are the whole run's records in it
      const inWindow = (rec: TimelineRecord) => rec.startNs < window.untilNs && (rec.endNs > window.fromNs || (rec.startNs === rec.endNs && rec.startNs >= window.fromNs))
      expect(sorted(recordsOf(t).filter(inWindow))).toEqual(sorted(recordsOf(whole.timeline!).filter(inWindow)))
    })
  }

  it(`keeps the windows of the first ${TIMELINE_MISS_WINDOWS} deadline misses, each with its miss`, () => {
    // a deadline shorter than most jobs' runtime: nearly every job misses
    const profile = controlLoop({ rtTasks: periodicTasks(ISOLATED, { periodUs: 1000, runtimeUs: 200, deadlineUs: 150, allocsPerJob: 16, initialPcpPages: 400 }) })
    const r = run(profile, 'workqueue', 1, { timelineCapRecords: cap })
    const misses = r.tasks.reduce((n, task) => n + task.misses, 0)
    expect(misses).toBeGreaterThan(TIMELINE_MISS_WINDOWS)
    const t = r.timeline!
    const windows = t.windows.filter((w) => w.reason === 'miss')
    expect(windows).toHaveLength(TIMELINE_MISS_WINDOWS)
    const missAt = recordsOf(t).filter((rec) => rec.kind === 'deadline-miss').map((rec) => rec.startNs)
    for (const w of windows) {
      expect(missAt.some((at) => at >= w.fromNs && at < w.untilNs)).toBe(true)
      for (const cpu of ISOLATED) expect(tilingError(t, cpu, w.fromNs, w.untilNs)).toBeNull()
    }
  })
})

describe('run timeline: zone drains waiting for pcpu_drain_mutex', () => {
  for (const variant of ['workqueue', 'direct'] as const) {
    it(`${variant}: each wait lies on its requester's CPU from the request until the previous drain handed the mutex over; the tiling holds`, () => {
      // drains often enough that compaction's zone requests find the mutex held
      const profile = controlLoop({ drainSources: [{ kind: 'reclaim', ratePerSec: 400 }, { kind: 'compaction', ratePerSec: 200 }] })
      const r = run(profile, variant)
      const t = r.timeline!
      const records = recordsOf(t)
      const waits = records.filter((rec) => rec.kind === 'drain-mutex-wait')
      expect(waits.length).toBeGreaterThan(0)
      const requests = new Map(records.filter((rec) => rec.kind === 'drain-request').map((rec) => [rec.drain, rec]))
      const handovers = new Set(records.filter((rec) => rec.kind === 'drain-done').map((rec) => rec.startNs))
      for (const w of waits) {
        // only drain_all_pages(zone) waits; drain_all_pages(NULL) skips
        expect(t.drainSources[w.drain - 1]).toBe('compaction')
        expect([w.cpu, w.startNs]).toEqual([requests.get(w.drain)!.cpu, requests.get(w.drain)!.startNs])
        expect(handovers.has(w.endNs), `wait of drain ${w.drain} ends at ${w.endNs}`).toBe(true)
      }
      // the longest wait after the warm-up is the one the drain statistics report
      const counted = waits.filter((w) => w.startNs >= profile.run.warmupMs * 1e6).map((w) => w.endNs - w.startNs)
      expect(Math.abs(Math.max(...counted) - r.drains.mutexWaitNs.max)).toBeLessThanOrEqual(1)
      for (const cpu of ISOLATED) expect(tilingError(t, cpu, 0, r.simulatedNs)).toBeNull()
    })
  }
})

describe('run timeline: the pages each drain freed on each CPU', () => {
  for (const variant of ['workqueue', 'direct', 'direct-chunked'] as const) {
    it(`${variant}: given for every drawn drain work's CPU, and summing to the drain statistics' pagesFreed`, () => {
      const r = run(controlLoop(), variant)
      const t = r.timeline!
      expect(t.drainPages).toBeUndefined()
      const pages = decodeDrainPages(t)
      expect(pages.call.length).toBe(t.drainPagesColumns!.count)
      const freed = new Map<string, number>()
      for (let i = 0; i < pages.call.length; i++) freed.set(`${pages.call[i]}:${pages.cpu[i]}`, pages.pages[i])
      // each pair once, ordered by call and CPU
      expect(freed.size).toBe(pages.call.length)
      for (let i = 1; i < pages.call.length; i++) expect(pages.call[i - 1] < pages.call[i] || (pages.call[i - 1] === pages.call[i] && pages.cpu[i - 1] < pages.cpu[i])).toBe(true)
      const records = recordsOf(t)
      // every drawn drain work has its pages, and only (call, CPU) pairs with records have them
      const work = records.filter((rec) => rec.drain > 0 && (rec.kind === 'kworker-drain' || rec.kind === 'remote-drain'))
      for (const rec of work) expect(freed.has(`${rec.drain}:${rec.cpu}`), `${rec.kind} of drain ${rec.drain} on CPU ${rec.cpu}`).toBe(true)
      const drawn = new Set(records.filter((rec) => rec.drain > 0).map((rec) => `${rec.drain}:${rec.cpu}`))
      for (const pair of freed.keys()) expect(drawn.has(pair), pair).toBe(true)
      // the calls the statistics count: requested after the warm-up, completed
      const warmupNs = controlLoop().run.warmupMs * 1e6
      const counted = new Set(records.filter((rec) => rec.kind === 'drain-request' && rec.startNs >= warmupNs).map((rec) => rec.drain))
      const completed = new Set(records.filter((rec) => rec.kind === 'drain-done').map((rec) => rec.drain))
      let sum = 0
      for (const [pair, n] of freed) {
        const drain = Number(pair.split(':')[0])
        if (counted.has(drain) && completed.has(drain)) sum += n
      }
      expect(sum).toBeGreaterThan(0)
      expect(sum).toBe(r.drains.pagesFreed)
    })
  }
})

describe('run timeline: housekeeping ticks', () => {
  /** the work functions a housekeeping kworker runs with IRQs or preemption off */
  const WORK_FUNCTIONS = new Set(['kworker-drain', 'lru-drain', 'vmstat-update', 'memcg-drain', 'slab-flush'])

  it('a tick that fell in a housekeeping kworker\'s work function is drawn right after it, tickNs long, and only then', () => {
    // drains often enough that ticks fall in a few of the kworkers' IRQs-off sections
    const profile = controlLoop({ drainSources: [{ kind: 'reclaim', ratePerSec: 400 }, { kind: 'compaction', ratePerSec: 100 }], run: { durationMs: 2000, warmupMs: 20 } })
    const records = recordsOf(run(profile, 'workqueue').timeline!)
    const periodNs = 1e9 / profile.machine.hz
    const ticked = (rec: TimelineRecord) => Math.floor(rec.endNs / periodNs) > Math.floor(rec.startNs / periodNs)
    const ticks = records.filter((rec) => rec.kind === 'tick')
    expect(ticks.length).toBeGreaterThan(0)
    for (const tick of ticks) {
      expect(HOUSEKEEPING).toContain(tick.cpu)
      expect(tick.endNs - tick.startNs).toBe(profile.kernel.costs.tickNs)
      const work = records.find((rec) => rec.cpu === tick.cpu && rec.endNs === tick.startNs && WORK_FUNCTIONS.has(rec.kind))
      expect(work !== undefined && ticked(work), `the work function before the tick at ${tick.startNs}`).toBe(true)
    }
    const work = records.filter((rec) => HOUSEKEEPING.includes(rec.cpu) && WORK_FUNCTIONS.has(rec.kind))
    expect(ticks).toHaveLength(work.filter(ticked).length)
  })
})

describe('run timeline: a window the user asks for', () => {
  const inWindow = (fromNs: number, untilNs: number) => (rec: TimelineRecord) =>
    rec.startNs < untilNs && (rec.endNs > fromNs || (rec.startNs === rec.endNs && rec.startNs >= fromNs))

  for (const variant of ['workqueue', 'direct'] as const) {
    it(`${variant}: a re-run with timelineWindowNs records exactly the whole run's records in the window, and changes no other result`, () => {
      const whole = run(controlLoop(), variant)
      // past the cap of 100 records the run keeps only its windows; 150.5–180.25 ms lies outside them
      const capped = run(controlLoop(), variant, 1, { timelineCapRecords: 100 })
      const [fromNs, untilNs] = [150_500_000, 180_250_000]
      expect(capped.timeline!.windows.some((w) => w.fromNs < untilNs && w.untilNs > fromNs)).toBe(false)
      const window = run(controlLoop(), variant, 1, { timelineWindowNs: [fromNs, untilNs] })
      expect(JSON.stringify(withoutTimeline(window))).toBe(JSON.stringify(withoutTimeline(whole)))
      const t = window.timeline!
      expect(t.windows).toEqual([{ reason: 'requested', fromNs, untilNs, truncated: false }])
      const expected = recordsOf(whole.timeline!).filter(inWindow(fromNs, untilNs))
      expect(expected.length).toBeGreaterThan(100)
      expect(recordsOf(t)).toEqual(expected)
      expect(t.drainSources).toEqual(whole.timeline!.drainSources)
      expect(t.misses).toEqual(whole.timeline!.misses)
      for (const cpu of ISOLATED) expect(tilingError(t, cpu, fromNs, untilNs)).toBeNull()
    })
  }

  it('a window with more records than the cap keeps the first ones and says it is truncated', () => {
    const whole = run(controlLoop(), 'workqueue')
    const [fromNs, untilNs] = [100_000_000, 200_000_000]
    const t = run(controlLoop(), 'workqueue', 1, { timelineCapRecords: 50, timelineWindowNs: [fromNs, untilNs] }).timeline!
    expect(t.windows).toEqual([{ reason: 'requested', fromNs, untilNs, truncated: true }])
    expect(recordsOf(t)).toEqual(recordsOf(whole.timeline!).filter(inWindow(fromNs, untilNs)).slice(0, 50))
  })

  it('refuses a window that ends before it starts', () => {
    expect(() => run(controlLoop(), 'workqueue', 1, { timelineWindowNs: [2_000_000, 1_000_000] })).toThrow(/timelineWindowNs/)
  })
})

describe('run timeline: the deadline misses explained', () => {
  const sumOf = (parts: Array<{ ns: number }>) => parts.reduce((n, p) => n + p.ns, 0)

  for (const cap of [200_000, 100]) {
    it(`keeps the first ${TIMELINE_MISS_SAMPLES} misses (cap ${cap}), each at a drawn miss, its breakdown summing to its response`, () => {
      // a deadline shorter than most jobs' runtime: nearly every job misses
      const profile = controlLoop({ rtTasks: periodicTasks(ISOLATED, { periodUs: 1000, runtimeUs: 200, deadlineUs: 150, allocsPerJob: 16, initialPcpPages: 400 }) })
      const r = run(profile, 'workqueue', 1, { timelineCapRecords: cap })
      const t = r.timeline!
      const total = r.tasks.reduce((n, task) => n + task.misses, 0)
      expect(total).toBeGreaterThan(TIMELINE_MISS_SAMPLES)
      const misses = t.misses!
      expect(misses.length).toBeGreaterThanOrEqual(TIMELINE_MISS_SAMPLES)
      expect(misses.length).toBeLessThanOrEqual(TIMELINE_MISS_SAMPLES + 1)
      const drawn = new Set(recordsOf(t).filter((rec) => rec.kind === 'deadline-miss').map((rec) => `${rec.cpu}@${rec.startNs}`))
      for (const m of misses) {
        expect(sumOf(m.breakdown)).toBe(m.valueNs)
        expect(m.valueNs).toBeGreaterThan(m.deadlineNs)
        expect(m.breakdown.some((p) => p.source === 'runtime')).toBe(true)
        // past the cap only the first windows are drawn
        if (cap > 1000 || misses.indexOf(m) < TIMELINE_MISS_WINDOWS) expect(drawn.has(`${m.cpu}@${m.releaseNs + m.deadlineNs}`), `miss of ${m.task} released at ${m.releaseNs}`).toBe(true)
      }
    })
  }

  it('a miss the kworker caused under workqueue names its IRQs-off drain and kworker switches; the direct variant has none', () => {
    // the job fits its deadline unless something takes its CPU
    const profile = controlLoop({ rtTasks: periodicTasks(ISOLATED, { periodUs: 1000, runtimeUs: 200, deadlineUs: 230, allocsPerJob: 16, initialPcpPages: 400 }) })
    const [m] = run(profile, 'workqueue').timeline!.misses!
    expect(sumOf(m.breakdown)).toBe(m.valueNs)
    expect(m.breakdown.map((p) => p.source)).toEqual(expect.arrayContaining(['runtime', 'drain-irqoff', 'kworker', 'timer']))
    expect(run(profile, 'direct').timeline!.misses).toBeUndefined()
  })
})
