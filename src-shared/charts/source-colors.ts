// Colours of interference sources and worst-sample components (stacked bars), apart from the variant
// colours' meaning: Okabe–Ito hues plus greys for the parts that are the task's own time.
import type { InterferenceSource } from '../results/types'

export type BreakdownPart = InterferenceSource | 'timer' | 'runtime' | 'queueing'

export const SOURCE_COLORS: Readonly<Record<BreakdownPart, string>> = {
  ipi: '#56B4E9',
  kworker: '#E69F00',
  'drain-irqoff': '#D55E00',
  throttle: '#CC79A7',
  fallback: '#F0E442',
  'lock-spin': '#0072B2',
  tick: '#999999',
  'cache-refill': '#009E73',
  // the per-CPU flushes' work on the isolated CPU: darker and lighter kin of the drain's vermillion and the kworker's orange
  'lru-drain': '#8C3B00',
  vmstat: '#B8860B',
  'memcg-drain': '#7B4F9E',
  'slab-flush': '#5C7A29',
  timer: '#444444',
  runtime: '#BBBBBB',
  queueing: '#777777'
}
