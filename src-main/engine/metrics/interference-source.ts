// Indices of the interference sources of model.md §6 (INTERFERENCE_SOURCES order) for typed-array accounting.
import { INTERFERENCE_SOURCES, type BySource } from '../../../src-shared/results/types'

export const SRC_IPI = 0
export const SRC_KWORKER = 1
export const SRC_DRAIN_IRQOFF = 2
export const SRC_THROTTLE = 3
export const SRC_FALLBACK = 4
export const SRC_LOCK_SPIN = 5
export const SRC_TICK = 6
export const SRC_CACHE_REFILL = 7
/** the per-CPU flushes' work functions run by the CPU's kworker (flush/) */
export const SRC_LRU_DRAIN = 8
export const SRC_VMSTAT = 9
export const SRC_MEMCG_DRAIN = 10
export const SRC_SLAB_FLUSH = 11
export const SOURCE_COUNT = INTERFERENCE_SOURCES.length

export function bySourceOf(values: Float64Array): BySource {
  const out = {} as BySource
  INTERFERENCE_SOURCES.forEach((name, i) => { out[name] = Math.round(values[i]) })
  return out
}
