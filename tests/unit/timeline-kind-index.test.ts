// The engine writes a kind's index (engine/metrics/timeline-kind-index.ts); results saved earlier name their
// kinds, but a reader of the columns and the engine must agree on the table: each constant is its kind's
// position in TIMELINE_KINDS, and new kinds were appended, never inserted.
import { describe, expect, it } from 'vitest'
import * as index from '../../src-main/engine/metrics/timeline-kind-index'
import { TIMELINE_KINDS } from '../../src-shared/results/timeline-kinds'

/** the table as engine 0.6 shipped it: a result's `kinds` may be this list */
const SHIPPED = ['rt', 'kworker', 'ipi', 'kworker-drain', 'remote-drain', 'throttled', 'fallback', 'idle', 'lock-spin', 'kworker-boost',
  'release', 'deadline-miss', 'drain-request', 'drain-skip', 'drain-done', 'lru-drain', 'vmstat-update', 'memcg-drain', 'slab-flush']

describe('timeline kinds', () => {
  it('keeps the shipped kinds in their places and appends the new ones', () => {
    expect(TIMELINE_KINDS.slice(0, SHIPPED.length).map((k) => k.name)).toEqual(SHIPPED)
    expect(new Set(TIMELINE_KINDS.map((k) => k.name)).size).toBe(TIMELINE_KINDS.length)
  })

  it('names each engine index after its kind', () => {
    const names: Record<string, string> = {
      SEG_RT: 'rt', SEG_KWORKER_SWITCH: 'kworker', SEG_IPI: 'ipi', SEG_KWORKER_DRAIN: 'kworker-drain', SEG_REMOTE_DRAIN: 'remote-drain',
      SEG_THROTTLED: 'throttled', SEG_FALLBACK: 'fallback', SEG_IDLE: 'idle', SEG_LOCK_SPIN: 'lock-spin', SEG_BOOST: 'kworker-boost',
      INSTANT_RELEASE: 'release', INSTANT_DEADLINE_MISS: 'deadline-miss', INSTANT_DRAIN_REQUEST: 'drain-request', INSTANT_DRAIN_SKIP: 'drain-skip',
      INSTANT_DRAIN_DONE: 'drain-done', SEG_LRU_DRAIN: 'lru-drain', SEG_VMSTAT_UPDATE: 'vmstat-update', SEG_MEMCG_DRAIN: 'memcg-drain',
      SEG_SLAB_FLUSH: 'slab-flush', SEG_TICK: 'tick', SEG_DRAIN_MUTEX_WAIT: 'drain-mutex-wait',
      INSTANT_KSWAPD_WAKE: 'kswapd-wake', INSTANT_KSWAPD_SLEEP: 'kswapd-sleep'
    }
    expect(Object.keys(index).sort()).toEqual(Object.keys(names).sort())
    for (const [constant, name] of Object.entries(names)) expect(TIMELINE_KINDS[(index as Record<string, number>)[constant]].name, constant).toBe(name)
  })
})
