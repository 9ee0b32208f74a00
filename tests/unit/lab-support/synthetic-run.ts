// A RunResult with made-up numbers for testing charts and exports before (and apart from) the engine:
// every field filled, histograms real HDR encodings. Never used by product code.
import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js'
import type { Variant } from '../../../src-shared/profile/schema'
import type { DistributionNs, RunResult } from '../../../src-shared/results/types'
import { INTERFERENCE_SOURCES } from '../../../src-shared/results/types'

function dist(values: number[]): DistributionNs {
  const h = build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000, numberOfSignificantValueDigits: 3 })
  for (const v of values) h.recordValue(v)
  const at = (p: number) => h.getValueAtPercentile(p)
  return { count: h.totalCount, min: h.minNonZeroValue, mean: h.mean, p50: at(50), p99: at(99), p999: at(99.9), p9999: at(99.99), max: h.maxValue, hdr: encodeIntoCompressedBase64(h) }
}

/** Deterministic pseudo-random numbers (LCG) so the synthetic data is the same every time. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export function syntheticRun(variant: Variant, seed: number, scale = 1): RunResult {
  const rnd = lcg(seed * 7919 + variant.length)
  const latencies = Array.from({ length: 5000 }, () => Math.round((2000 + 3000 * rnd() + (rnd() < 0.01 ? 40_000 * rnd() : 0)) * scale))
  const drains = Array.from({ length: 200 }, () => Math.round((20_000 + 200_000 * rnd() ** 3) * scale))
  const windows = Array.from({ length: 10 }, () => Math.round(5000 + 30_000 * rnd() * scale))
  const misses: number[] = Array.from({ length: 10 }, () => (rnd() < 0.3 ? 1 : 0))
  const bySourceNs = Object.fromEntries(INTERFERENCE_SOURCES.map((s) => [s, Math.round(1000 * rnd() * scale)])) as Record<(typeof INTERFERENCE_SOURCES)[number], number>
  return {
    engineVersion: 'synthetic',
    variant,
    seed,
    pcp: { managedPages: 4_000_000, batch: 63, high: 5000, highMax: 5000, wmarkMin: 1000, wmarkLow: 1250, wmarkHigh: 1500 },
    tasks: [{
      name: 'poller', cpu: 3, mode: 'periodic', deadlineNs: 50_000, activations: 5000, misses: misses.reduce((a, b) => a + b, 0), missRatio: 0.001, longestMissRun: 1,
      latencyNs: dist(latencies), responseNs: dist(latencies.map((v) => v + 10_000)), slackNs: dist(latencies.map((v) => 40_000 - v > 0 ? 40_000 - v : 0)),
      maxLatencyPerWindowNs: { windowNs: 100_000_000, values: windows },
      missesPerWindow: { windowNs: 100_000_000, values: misses },
      fallbacks: 0
    }],
    drains: {
      requested: 200, completed: 200, skipped: 3, stalled: 0, pagesFreed: 10_000,
      durationNs: dist(drains), mutexWaitNs: dist([1, 2, 3]), perTargetNs: dist([100, 200]), targets: dist([4, 4, 4]),
      bySource: {}, overTime: { tNs: drains.map((_, i) => i * 5_000_000), values: drains }, oldestPendingNs: 0
    },
    interference: [{ cpu: 3, bySourceNs }],
    housekeeping: {
      allocFastPathNs: dist([100, 120]), zoneLockWaitNs: dist([10, 14]), fallbacks: 3, fastPathOverheadNs: 50,
      perCpu: [
        { cpu: 0, allocFastPathNs: dist([100]), zoneLockWaitNs: dist([10]), fallbacks: 1, fastPathOverheadNs: 20 },
        { cpu: 1, allocFastPathNs: dist([120]), zoneLockWaitNs: dist([14]), fallbacks: 2, fastPathOverheadNs: 30 }
      ]
    },
    strandedPages: { tNs: [0, 500_000_000, 1_000_000_000], values: [1000, 1500 * scale, 900] },
    zoneFreePages: { tNs: [0, 1_000_000_000], values: [1e6, 1e6] },
    drainCpuNs: 1000,
    worst: {
      task: 'poller', cpu: 3, metric: 'latency', releaseNs: 400_000_000, valueNs: 30_000,
      breakdown: [{ source: 'kworker', ns: 18_000 }, { source: 'drain-irqoff', ns: 10_000 }, { source: 'timer', ns: 2000 }],
      timeline: [
        { cpu: 3, lane: 'rt', startNs: 399_990_000, endNs: 400_000_000, label: 'poller' },
        { cpu: 3, lane: 'kworker', startNs: 400_000_000, endNs: 400_018_000, label: 'kworker/3:1 drain_local_pages_wq' },
        { cpu: 0, lane: 'drain', startNs: 399_995_000, endNs: 400_010_000, label: 'drain_all_pages' }
      ]
    },
    events: 123_456,
    simulatedNs: 1_000_000_000,
    partial: false
  }
}
