// The CLI's live lines name the anti-starvation policy enforced and each isolated CPU's windows (its throttle
// and kworker interference), so a run under rt-throttling says what it did without opening results.json.
import { describe, expect, it } from 'vitest'
import { liveSummaryText } from '../../src-main/cli/live-summary'
import type { ExperimentResults, RunResult } from '../../src-shared/results/types'

function resultsWith(run: Pick<RunResult, 'interference' | 'drains' | 'live'>): ExperimentResults {
  return { jobs: [{ id: 'workqueue-s1', variant: 'workqueue', seed: 1, sweepPoint: null, status: 'completed', result: run as RunResult }] } as unknown as ExperimentResults
}

describe('liveSummaryText', () => {
  it('prints the policy and the throttled and kworker time of each isolated CPU', () => {
    const bySourceNs = { ipi: 0, kworker: 1_500_000, 'drain-irqoff': 0, throttle: 420_000_000, fallback: 0, 'lock-spin': 0, tick: 0, 'cache-refill': 0, 'lru-drain': 0, vmstat: 0, 'memcg-drain': 0, 'slab-flush': 0 }
    const text = liveSummaryText(resultsWith({
      interference: [{ cpu: 1, bySourceNs }],
      drains: { requested: 1, completed: 1, skipped: 0, stalled: 0, oldestPendingNs: 0 } as RunResult['drains'],
      live: {
        host: { platform: 'linux', cpuModel: 'test CPU', cpuCount: 2, online: '0-1', isolated: '', nohzFull: null, cmdline: null },
        clockResolutionNs: 20, mapping: { isolatedOnIsolated: false, note: 'n' }, cpus: [], antiStarvation: 'rt-throttling',
        tokens: { total: 10, inZone: 10, onPcplists: 0, held: 0, lost: 0, duplicated: 0, misplaced: 0 }, workPendingAtEnd: [], terminatedWorkers: 0, notes: []
      }
    }))
    expect(text).toContain('anti-starvation rt-throttling: CPU 1 throttled 420.0 ms, kworker 1.5 ms')
  })
})
