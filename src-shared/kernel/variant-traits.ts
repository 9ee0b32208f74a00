// The kernel variants side by side: each is a kernel release, and everything that differs between them
// is data here. mm/ reads the owner's locking rules and the pcp scaling from here, drain/ the way the
// targets are drained; no other code branches on the variant id. The profile may override a release's
// pcp auto-tuning (kernel.pcp.autotune): pcpTuningOf() says what a run of a variant gets.
import type { AntiStarvationPolicy, RunAntiStarvationPolicy, Variant } from '../profile/schema'
import type { PerCpuFlush } from './per-cpu-flush'

export interface VariantTraits {
  /** the release the variant runs as: its pcp code and its defaults */
  readonly kernelRelease: string
  /** the releases that behave the same on every trait below */
  readonly releases: string
  /**
   * where other kernels of these release numbers differ, said once for the user ('' when they do not). Every
   * variant has one, so that the four entries share one hidden class: a run's components hold the variant's
   * traits, and code compiled for one shape deoptimised when a pool worker's next job held the other
   * (tests/engine/run-hidden-classes.test.ts).
   */
  readonly note: string
  /**
   * How __drain_all_pages() drains the targets: 'workqueue' queues drain_local_pages_wq on each
   * target's kworker and flushes it; 'remote' has the requester run drain_pages_zone() on each target.
   */
  readonly drainMechanism: 'workqueue' | 'remote'
  /**
   * The owner's fast-path lock: 'local-lock' = local_lock_irqsave (no atomic, no remote contention);
   * 'pcp-spinlock' = pcp->lock, taken with pcp_spin_trylock on alloc and single free.
   */
  readonly pcpLock: 'local-lock' | 'pcp-spinlock'
  /** the requester takes pcp->lock with spin_lock_irqsave, so it spins on it with IRQs off */
  readonly pcpLockIrqsave: boolean
  /** a failed pcp_spin_trylock sends the allocation or free to the buddy allocator (rmqueue_buddy / free_one_page) */
  readonly trylockFallback: boolean
  /**
   * free_unref_page_list(): 'local-lock' = under the owner's local lock; 'spin' = spins on pcp->lock
   * for every SWAP_CLUSTER_MAX batch; 'trylock-fallback' = trylocks it, the buddy allocator on failure.
   */
  readonly listFree: 'local-lock' | 'spin' | 'trylock-fallback'
  /**
   * Pages one remote pcp->lock hold frees: 'whole-list', or at most batch << CONFIG_PCP_BATCH_SCALE_MAX
   * ('batch-scale-max'), count re-read under the lock for every chunk.
   */
  readonly drainChunk: 'whole-list' | 'batch-scale-max'
  /**
   * How one zone->lock hold scales with consecutive frees and allocations. 'free-factor' (5.14–6.6):
   * nr_pcp_free() frees batch << pcp->free_factor, free_factor grows by one per bulk free and is halved by
   * every allocation; a refill is batch pages. 'free-count' (6.7+): nr_pcp_free() frees pcp->free_count
   * (pages freed since the allocations halved it), nr_pcp_alloc() refills batch << pcp->alloc_factor,
   * and nr_pcp_high() / nr_pcp_alloc() / decay_pcp_high() move high between high_min and high_max.
   */
  readonly pcpScaling: 'free-factor' | 'free-count'
  /** high auto-tunes by default (6.7+: high_min < high_max unless percpu_pagelist_high_fraction or a manual high is set) */
  readonly autotune: boolean
  /**
   * What keeps a FIFO task from starving CFS by default: RT throttling (sched_rt_runtime_us) up to 6.11;
   * from 6.12 the bandwidth code of update_curr_rt() is built only with CONFIG_RT_GROUP_SCHED (default n),
   * and the deferred fair server (50 ms per 1 s) does it.
   */
  readonly antiStarvation: RunAntiStarvationPolicy
  /**
   * The per-CPU flushes whose caller passes over cpu_is_isolated() CPUs (isolcpus= or nohz_full=):
   * drain_all_stock() from 6.4, vmstat_shepherd() from 6.5 (docs/model.md §10.1); lru_add_drain_all()
   * and flush_all() in no release.
   */
  readonly flushSkipsIsolated: readonly PerCpuFlush[]
  /** PAGEVEC_SIZE: folios one LRU batch holds before it is moved to the LRU inline (15 to 6.8, 31 from 6.10) */
  readonly lruBatchFolios: number
}

export const VARIANT_TRAITS: Readonly<Record<Variant, VariantTraits>> = {
  // workqueue (5.19; 5.14–5.19 alike): __drain_all_pages() queues drain_local_pages_wq on every target with
  // queue_work_on(cpu, mm_percpu_wq, …) and waits for each with flush_work(). Each target's kworker
  // drains its own lists with IRQs off. The owner fast path uses local_lock_irqsave: no atomic, no
  // remote contention.
  workqueue: {
    kernelRelease: '5.19',
    releases: '5.14–5.19',
    note: '',
    drainMechanism: 'workqueue',
    pcpLock: 'local-lock',
    pcpLockIrqsave: false,
    trylockFallback: false,
    listFree: 'local-lock',
    drainChunk: 'whole-list',
    pcpScaling: 'free-factor',
    autotune: false,
    antiStarvation: 'rt-throttling',
    flushSkipsIsolated: [],
    lruBatchFolios: 15
  },
  // direct (6.1; 6.0–6.1, "Drain remote per-cpu directly"): the requester drains every target itself with
  // the target's pcp->lock held (spin_lock_irqsave), the whole list per hold. Owners use pcp->lock:
  // trylock on alloc and single free (buddy fallback on failure); a list free spins on the lock, dropping
  // it every SWAP_CLUSTER_MAX pages, so the requester may take it between two batches.
  direct: {
    kernelRelease: '6.1',
    releases: '6.0–6.1',
    note: 'a current 6.1.y stable kernel drains in chunks with IRQs on, like direct-chunked with autotune false but with free_factor scaling (docs/model.md §4)',
    drainMechanism: 'remote',
    pcpLock: 'pcp-spinlock',
    pcpLockIrqsave: true,
    trylockFallback: true,
    listFree: 'spin',
    drainChunk: 'whole-list',
    pcpScaling: 'free-factor',
    autotune: false,
    antiStarvation: 'rt-throttling',
    flushSkipsIsolated: [],
    lruBatchFolios: 15
  },
  // direct-irqon (6.6; 6.2–6.6, 5749077415994eb0 "leave IRQs enabled for per-cpu page allocations"): as
  // direct, but pcp->lock is taken without disabling IRQs and every owner path, list frees included,
  // uses trylock with the buddy fallback.
  'direct-irqon': {
    kernelRelease: '6.6',
    releases: '6.2–6.6',
    note: '6.7–6.9 are this with kernel.pcp.autotune true; a current 6.6.y stable kernel drains in chunks, like direct-chunked with autotune false but with free_factor scaling (docs/model.md §4); 6.2 and 6.3 still queue the memcg and vmstat flushes on isolated CPUs, 6.4 the vmstat one (§10.1)',
    drainMechanism: 'remote',
    pcpLock: 'pcp-spinlock',
    pcpLockIrqsave: false,
    trylockFallback: true,
    listFree: 'trylock-fallback',
    drainChunk: 'whole-list',
    pcpScaling: 'free-factor',
    autotune: false,
    antiStarvation: 'rt-throttling',
    flushSkipsIsolated: ['vmstat', 'memcg'],
    lruBatchFolios: 15
  },
  // direct-chunked (6.12; 6.10+, 55f77df7d715 "control latency caused by zone PCP draining"): as direct-irqon,
  // but one pcp->lock hold frees at most batch << CONFIG_PCP_BATCH_SCALE_MAX pages (63 << 5 = 2016),
  // re-reading count under the lock for every chunk (66eca1021a42).
  'direct-chunked': {
    kernelRelease: '6.12',
    releases: '6.10 and later',
    note: '',
    drainMechanism: 'remote',
    pcpLock: 'pcp-spinlock',
    pcpLockIrqsave: false,
    trylockFallback: true,
    listFree: 'trylock-fallback',
    drainChunk: 'batch-scale-max',
    pcpScaling: 'free-count',
    autotune: true,
    antiStarvation: 'fair-server',
    flushSkipsIsolated: ['vmstat', 'memcg'],
    lruBatchFolios: 31
  }
}

/** Pages one remote pcp->lock hold may free under `traits`. */
export function drainChunkPages(traits: VariantTraits, batch: number, batchScaleMax: number): number {
  // batch << CONFIG_PCP_BATCH_SCALE_MAX, in floating point: a 32-bit shift wraps for a large batch
  return traits.drainChunk === 'batch-scale-max' ? Math.max(1, batch * 2 ** batchScaleMax) : Infinity
}

/** The profile's anti-starvation policy for a run of a variant: "release" is the release's default. */
export function antiStarvationOf(traits: VariantTraits, policy: AntiStarvationPolicy): RunAntiStarvationPolicy {
  return policy === 'release' ? traits.antiStarvation : policy
}

/** What a run of a variant gets of pcp scaling and auto-tuning. */
export interface PcpTuning {
  readonly scaling: VariantTraits['pcpScaling']
  readonly autotune: boolean
}

/**
 * The release's pcp tuning, or the profile's override: "release" keeps the release's; true runs the 6.7+
 * code with auto-tuning on any release (it exists only there); false keeps the release's scaling with
 * high fixed (high_min = high_max, as percpu_pagelist_high_fraction makes it on 6.7+).
 */
export function pcpTuningOf(traits: VariantTraits, autotune: 'release' | boolean): PcpTuning {
  if (autotune === 'release') return { scaling: traits.pcpScaling, autotune: traits.autotune }
  return autotune ? { scaling: 'free-count', autotune: true } : { scaling: traits.pcpScaling, autotune: false }
}
