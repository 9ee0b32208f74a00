// The engine's index of each timeline kind: its position in TIMELINE_KINDS (src-shared/results/timeline-kinds.ts),
// as the typed columns store it.
export const SEG_RT = 0
export const SEG_KWORKER_SWITCH = 1
export const SEG_IPI = 2
export const SEG_KWORKER_DRAIN = 3
export const SEG_REMOTE_DRAIN = 4
export const SEG_THROTTLED = 5
export const SEG_FALLBACK = 6
export const SEG_IDLE = 7
export const SEG_LOCK_SPIN = 8
export const SEG_BOOST = 9
export const INSTANT_RELEASE = 10
export const INSTANT_DEADLINE_MISS = 11
export const INSTANT_DRAIN_REQUEST = 12
export const INSTANT_DRAIN_SKIP = 13
export const INSTANT_DRAIN_DONE = 14
export const SEG_LRU_DRAIN = 15
export const SEG_VMSTAT_UPDATE = 16
export const SEG_MEMCG_DRAIN = 17
export const SEG_SLAB_FLUSH = 18
export const SEG_TICK = 19
export const SEG_DRAIN_MUTEX_WAIT = 20
export const INSTANT_KSWAPD_WAKE = 21
export const INSTANT_KSWAPD_SLEEP = 22
