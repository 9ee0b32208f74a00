// runModel as a whole: progress, cancellation (partial results), determinism, the presets, stalld.
import { describe, expect, it } from 'vitest'
import { costsSchema } from '../../src-shared/profile/schema'
import { PRESETS } from '../../src-shared/profile/presets/index'
import { validateProfile } from '../../src-shared/profile/validate'
import { freePcppagesBulkNs } from '../../src-main/engine/mm/free-pcppages-bulk'
import { runModel } from '../../src-main/engine/run-model'
import { ENGINE_VERSION } from '../../src-main/engine/version'
import { pollingTasks, profileOf, run } from './support/engine-profiles'

const costs = costsSchema.parse({})

describe('runModel', () => {
  const profile = profileOf({
    schemaVersion: 1,
    machine: { cpus: 4, isolated: '2-3' },
    rtTasks: [{ name: 'cyc', cpu: 2, mode: 'periodic', periodUs: 500, runtimeUs: 100, allocsPerJob: 2 }],
    drainSources: [{ kind: 'reclaim', ratePerSec: 50 }],
    run: { durationMs: 400 }
  })

  it('reports progress and can be cancelled: the partial result covers [0, simulatedNs)', () => {
    const seen: number[] = []
    const r = run(profile, 'direct', 1, {
      progressEveryEvents: 100,
      onProgress: (p) => seen.push(p.fraction),
      shouldCancel: () => seen.length >= 3
    })
    expect(r.partial).toBe(true)
    expect(r.simulatedNs).toBeGreaterThan(0)
    expect(r.simulatedNs).toBeLessThan(400_000_000)
    expect(seen.slice(0, 3).every((f, i, a) => f > 0 && f < 1 && (i === 0 || f >= a[i - 1]))).toBe(true)
    // a report at most every 100 events (and every 1 % of simulated time): cancelled at the third
    expect(r.events).toBeLessThanOrEqual(300)
    expect(r.tasks[0].maxLatencyPerWindowNs.values.length).toBeLessThanOrEqual(Math.ceil(r.simulatedNs / r.tasks[0].maxLatencyPerWindowNs.windowNs))
    expect(r.drains.requested).toBe(r.drains.completed + r.drains.skipped + r.drains.stalled)
  })

  it('a finished run reports the whole duration and the engine version', () => {
    const r = run(profile, 'workqueue')
    expect(r.partial).toBe(false)
    expect(r.simulatedNs).toBe(400_000_000)
    expect(r.engineVersion).toBe(ENGINE_VERSION)
    expect(r.pcp).toMatchObject({ batch: 63, high: Math.max(4 * 63, Math.floor(r.pcp.wmarkLow / 4)) })
  })

  it('different seeds give different runs, the same seed the same bytes', () => {
    const a = JSON.stringify(runModel(profile, 'direct-chunked', 1))
    expect(JSON.stringify(runModel(profile, 'direct-chunked', 1))).toBe(a)
    expect(JSON.stringify(runModel(profile, 'direct-chunked', 2))).not.toBe(a)
  })
})

describe('stalld', () => {
  it('boosts the starved kworker after the threshold; a short drain fits the first 20 µs slot', () => {
    const thresholdUs = 100_000
    const p = profileOf({
      schemaVersion: 1,
      machine: { cpus: 3, isolated: '2' },
      kernel: { antiStarvation: { policy: 'stalld', stalldThresholdUs: thresholdUs, stalldBoostRuntimeUs: 20, stalldBoostPeriodUs: 10_000, stalldBoostDurationUs: 30_000 }, ipiOnQueue: 'never' },
      rtTasks: pollingTasks([2], { initialPcpPages: 300 }),
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0 },
      drainSources: [{ kind: 'once', atMs: 10 }],
      run: { durationMs: 300 }
    })
    const r = run(p, 'workqueue')
    const work = Math.round(costs.kworkerWakeSwitchNs / 2) + freePcppagesBulkNs(300, 0, 512, costs.tPageLocalNs, costs)
    expect(work).toBeLessThan(20_000)
    expect(r.drains.completed).toBe(1)
    expect(r.drains.durationNs.max).toBeGreaterThanOrEqual(thresholdUs * 1000)
    expect(r.drains.durationNs.max).toBeLessThanOrEqual(thresholdUs * 1000 + work)
    const i = r.interference[0].bySourceNs
    expect(i.kworker + i['drain-irqoff']).toBe(costs.kworkerWakeSwitchNs + freePcppagesBulkNs(300, 0, 512, costs.tPageLocalNs, costs))
  })

  it('a drain longer than one slot continues in the next slots, one boost period apart', () => {
    const p = profileOf({
      schemaVersion: 1,
      machine: { cpus: 3, isolated: '2' },
      kernel: { antiStarvation: { policy: 'stalld', stalldThresholdUs: 50_000, stalldBoostRuntimeUs: 20, stalldBoostPeriodUs: 10_000, stalldBoostDurationUs: 100_000 }, ipiOnQueue: 'never' },
      rtTasks: pollingTasks([2], { initialPcpPages: 3000 }),
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0 },
      drainSources: [{ kind: 'once', atMs: 10 }],
      run: { durationMs: 300 }
    })
    const r = run(p, 'workqueue')
    // slot 1: switch in (4 µs) + the whole IRQs-off drain (120 µs, not preemptible); slot 2: switch out
    expect(r.drains.completed).toBe(1)
    expect(r.drains.durationNs.max).toBeGreaterThanOrEqual(50_000_000)
    expect(r.drains.durationNs.max).toBeLessThan(50_000_000 + 10_000_000)
  })
})

describe('presets', () => {
  it('every preset validates, describes itself and runs (shortened) with the invariants on', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['polling-rt-throttling-off', 'polling-default-throttling', 'control-loop-1khz', 'cma-heavy-device', 'cma-lru-polling', 'memcg-cgroup-loop', 'big-server-autotune', 'stress-test-series'])
    for (const preset of PRESETS) {
      expect(preset.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(preset.description.length).toBeGreaterThan(80)
      const v = validateProfile(preset.profile)
      expect(v.ok, preset.id).toBe(true)
      if (!v.ok) continue
      const short = { ...v.profile, run: { ...v.profile.run, durationMs: 150 } }
      for (const variant of v.profile.kernel.variants) {
        const r = run(short, variant)
        expect(r.partial).toBe(false)
      }
    }
  })
})
