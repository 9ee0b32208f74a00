// What a record of the run timeline (RunTimeline, docs/timeline.md) is: a segment of one of four layers
// of a CPU, or an instant. The engine writes a kind's index; readers look it up here by the name the
// result lists in `kinds`, so a result keeps its meaning if this table grows.
import type { InterferenceSource } from './types'

/**
 * - `cpu`: what the CPU executes; on an isolated CPU these segments tile the run without gaps or overlaps
 * - `pcp-lock`: a remote drainer holds this CPU's pcp->lock (drain_pages_zone), whatever the CPU runs
 * - `owner`: the CPU's own pcplist user spins on pcp->lock or takes the buddy path (inside its `cpu` segment)
 * - `caller`: a task on the CPU in drain_all_pages() sleeps on pcpu_drain_mutex; the CPU runs others meanwhile
 * - `instant`: a point in time (no duration)
 */
export type TimelineLayer = 'cpu' | 'pcp-lock' | 'owner' | 'caller' | 'instant'

export interface TimelineKind {
  name: string
  layer: TimelineLayer
  label: string
  /** the interference source (and its colour in the breakdown legend) this kind is charged to, if any */
  source: InterferenceSource | null
}

/** In the engine's index order (engine/metrics/timeline-kind-index.ts SEG_* and INSTANT_*): new kinds go at the end. */
export const TIMELINE_KINDS: readonly TimelineKind[] = [
  { name: 'rt', layer: 'cpu', label: 'realtime task', source: null },
  { name: 'kworker', layer: 'cpu', label: 'kworker wake / context switch', source: 'kworker' },
  { name: 'ipi', layer: 'cpu', label: 'IPI (queue_work_on)', source: 'ipi' },
  { name: 'kworker-drain', layer: 'cpu', label: 'drain_local_pages_wq: free_pcppages_bulk, IRQs off', source: 'drain-irqoff' },
  { name: 'remote-drain', layer: 'pcp-lock', label: 'remote drain_pages_zone holds pcp->lock', source: null },
  { name: 'throttled', layer: 'cpu', label: 'RT runqueue throttled', source: 'throttle' },
  { name: 'fallback', layer: 'owner', label: 'buddy fallback (pcp trylock failed)', source: 'fallback' },
  { name: 'idle', layer: 'cpu', label: 'idle', source: null },
  { name: 'lock-spin', layer: 'owner', label: 'spinning on pcp->lock (free_unref_page_list)', source: 'lock-spin' },
  { name: 'kworker-boost', layer: 'cpu', label: 'kworker boosted (fair server / stalld)', source: 'kworker' },
  { name: 'release', layer: 'instant', label: 'release (hrtimer expiry)', source: null },
  { name: 'deadline-miss', layer: 'instant', label: 'deadline miss', source: null },
  { name: 'drain-request', layer: 'instant', label: 'drain_all_pages() requested', source: null },
  { name: 'drain-skip', layer: 'instant', label: 'drain_all_pages() skipped (pcpu_drain_mutex held)', source: null },
  { name: 'drain-done', layer: 'instant', label: 'drain_all_pages() completed', source: null },
  { name: 'lru-drain', layer: 'cpu', label: 'lru_add_drain_per_cpu (kworker)', source: 'lru-drain' },
  { name: 'vmstat-update', layer: 'cpu', label: 'vmstat_update (kworker)', source: 'vmstat' },
  { name: 'memcg-drain', layer: 'cpu', label: 'drain_local_stock (kworker)', source: 'memcg-drain' },
  { name: 'slab-flush', layer: 'cpu', label: 'flush_cpu_slab (kworker)', source: 'slab-flush' },
  { name: 'tick', layer: 'cpu', label: 'scheduler tick, deferred by a work function with IRQs off', source: 'tick' },
  { name: 'drain-mutex-wait', layer: 'caller', label: 'drain_all_pages(zone) waiting for pcpu_drain_mutex', source: null },
  { name: 'kswapd-wake', layer: 'instant', label: 'kswapd balance_pgdat() begins: ZONE_RECLAIM_ACTIVE set', source: null },
  { name: 'kswapd-sleep', layer: 'instant', label: 'kswapd balance_pgdat() ends: ZONE_RECLAIM_ACTIVE cleared', source: null }
]
