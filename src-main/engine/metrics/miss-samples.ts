// The deadline misses the run timeline explains (docs/timeline.md): the first TIMELINE_MISS_SAMPLES after the
// warm-up, and the one with the longest response when it came later, each with the breakdown of its response
// (sample-breakdown.ts). Bounded, so a run that misses every period keeps at most TIMELINE_MISS_SAMPLES + 1.
import type { MissSample } from '../../../src-shared/results/types'
import { SRC_CACHE_REFILL, SRC_FALLBACK, SRC_LOCK_SPIN } from './interference-source'
import { sampleBreakdown } from './sample-breakdown'

/** misses explained from the start of the run: enough to step through by hand, ~20 KB in results.json */
export const TIMELINE_MISS_SAMPLES = 64

/** What the task knows of a job that finished past its deadline. */
export interface MissFacts {
  task: string
  cpu: number
  releaseNs: number
  /** release -> finish */
  responseNs: number
  deadlineNs: number
  /** the hrtimer's expiry latency of the job's release */
  timerNs: number
  /** the time the job ran on the CPU (its own work with what it lost inside it: spins, fallbacks, cache refills) */
  ranNs: number
  /** interference charged to the job by source (InterferenceAccount.jobBySource) */
  bySource: Float64Array
}

/** the sources charged inside the job's own run, not while it waited */
const INSIDE_RUN = [SRC_FALLBACK, SRC_LOCK_SPIN, SRC_CACHE_REFILL]

export class MissSamples {
  private readonly first: MissSample[] = []
  /** the longest response among the misses after the first ones */
  private longest: MissSample | null = null

  offer(m: MissFacts): void {
    if (this.first.length < TIMELINE_MISS_SAMPLES) {
      this.first.push(explain(m))
    } else if (m.responseNs > (this.longest?.valueNs ?? 0)) {
      this.longest = explain(m)
    }
  }

  /** The misses kept, in release order (CPU order for the same release). */
  result(): MissSample[] {
    const longestFirst = Math.max(0, ...this.first.map((s) => s.valueNs))
    const kept = this.longest !== null && this.longest.valueNs > longestFirst ? [...this.first, this.longest] : [...this.first]
    return kept.sort((a, b) => a.releaseNs - b.releaseNs || a.cpu - b.cpu)
  }
}

function explain(m: MissFacts): MissSample {
  const valueNs = Math.round(m.responseNs)
  // what the job lost inside its run is in bySource already: its own run is the rest
  const inside = INSIDE_RUN.reduce((sum, i) => sum + m.bySource[i], 0)
  const breakdown = sampleBreakdown(valueNs, m.bySource, m.timerNs, Math.max(0, m.ranNs - inside))
  return { task: m.task, cpu: m.cpu, releaseNs: Math.round(m.releaseNs), valueNs, deadlineNs: Math.round(m.deadlineNs), breakdown }
}
