// The deadline line drawn on latency charts: the tightest deadline among the realtime tasks (deadlineUs,
// or the period when unset), in µs as the latency charts' axes are.
import type { Profile } from '@shared/profile/schema'
import type { Threshold } from '../charts/interactive-chart'

/** Which axis carries latency, per chart id; charts not listed get no line. */
const LATENCY_AXIS: Record<string, 'x' | 'y'> = {
  'latency-histogram': 'x',
  'latency-percentiles': 'y',
  'max-per-window': 'y'
}

export function deadlineThreshold(chartId: string, profile: Profile): Threshold | undefined {
  const axis = LATENCY_AXIS[chartId]
  if (!axis || profile.rtTasks.length === 0) return undefined
  const deadlineUs = Math.min(...profile.rtTasks.map((t) => t.deadlineUs ?? t.periodUs))
  return { axis, value: deadlineUs, label: `deadline ${deadlineUs} µs` }
}
