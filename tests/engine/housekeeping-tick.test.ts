// The scheduler tick (machine.hz, costs.tickNs) on housekeeping CPUs: it stretches a kworker's wait and
// follows an IRQs-off drain; the isolated nohz_full CPUs take none.
import { describe, expect, it } from 'vitest'
import { costsSchema, type Variant } from '../../src-shared/profile/schema'
import { freePcppagesBulkNs } from '../../src-main/engine/mm/free-pcppages-bulk'
import { HousekeepingTick } from '../../src-main/engine/sched/housekeeping-tick'
import { periodicTasks, profileOf, run, sum } from './support/engine-profiles'

const costs = costsSchema.parse({})
const half = Math.round(costs.kworkerWakeSwitchNs / 2)

describe('HousekeepingTick', () => {
  const tick = new HousekeepingTick(1000, 1500)

  it('steals tickNs per tick from preemptible work, counting the ticks its own stretch meets', () => {
    expect(tick.periodNs).toBe(1_000_000)
    expect(tick.preemptible(998_000, 2000)).toBe(0)
    expect(tick.preemptible(998_000, 2001)).toBe(1500)
    // 3 periods of work from just before a tick: the 3 ticks it meets push it past a 4th
    expect(tick.preemptible(999_000, 3_000_000)).toBe(4 * 1500)
    expect(new HousekeepingTick(1000, 0).preemptible(0, 10_000_000)).toBe(0)
  })

  it('runs a tick that fell in an IRQs-off section once, after it', () => {
    expect(tick.deferred(1_000_000, 1_999_999)).toBe(0)
    expect(tick.deferred(999_999, 1_000_000)).toBe(1500)
    expect(tick.deferred(500_000, 3_500_000)).toBe(1500)
  })
})

describe('ticks in drains', () => {
  // a drain requested 2 µs before a tick (HZ 1000): the kworkers' switch-in, or the requester's first
  // lock hold, spans the tick
  const profileWith = (hz: 100 | 1000, tickNs: number) => profileOf({
    schemaVersion: 1,
    machine: { cpus: 2, isolated: '', hz },
    kernel: { costs: { tickNs } },
    housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, initialPcpPages: 100 },
    drainSources: [{ kind: 'once', atMs: 0.998 }],
    run: { durationMs: 5 }
  })
  const duration = (variant: Variant, hz: 100 | 1000, tickNs: number) => run(profileWith(hz, tickNs), variant).drains.durationNs.max
  const local = freePcppagesBulkNs(100, 0, 512, costs.tPageLocalNs, costs)
  const remote = freePcppagesBulkNs(100, 0, 512, costs.tPageRemoteNs, costs)

  it('workqueue: the tick stretches the housekeeping kworkers\' switch-in', () => {
    expect(half).toBeGreaterThan(2000)
    // both kworkers run at once; the second waits for zone->lock behind the first
    expect(duration('workqueue', 100, costs.tickNs)).toBe(half + 2 * local)
    expect(duration('workqueue', 1000, 0)).toBe(half + 2 * local)
    expect(duration('workqueue', 1000, costs.tickNs)).toBe(half + costs.tickNs + 2 * local)
  })

  it('direct variants: a tick that fell in the requester\'s IRQs-off lock hold runs before the next target', () => {
    expect(local).toBeGreaterThan(2000)
    for (const variant of ['direct', 'direct-irqon', 'direct-chunked'] as const) {
      expect(duration(variant, 100, costs.tickNs)).toBe(local + remote)
      expect(duration(variant, 1000, costs.tickNs)).toBe(local + costs.tickNs + remote)
    }
  })

  it('the isolated nohz_full CPUs running a FIFO task take no tick', () => {
    const r = run(profileOf({
      schemaVersion: 1,
      machine: { cpus: 4, isolated: '2-3' },
      rtTasks: periodicTasks([2, 3]),
      drainSources: [{ kind: 'reclaim', ratePerSec: 50 }],
      run: { durationMs: 200 }
    }), 'workqueue')
    expect(r.drains.completed).toBeGreaterThan(0)
    expect(sum(r.interference.map((i) => i.bySourceNs.tick))).toBe(0)
  })
})
