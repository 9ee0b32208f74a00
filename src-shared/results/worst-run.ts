// The run of a variant that the timeline views and the trace export show: the one with the worst latency
// sample (its first run when none has one), where "why was this late" has the most to show.
import type { RunResult } from './types'

export function worstRun(runs: readonly RunResult[]): RunResult {
  return runs.reduce((a, b) => ((b.worst?.valueNs ?? -1) > (a.worst?.valueNs ?? -1) ? b : a))
}
