// The kernel variants side by side: everything that differs between them, as data. mm/ reads the
// owner's locking rules from here, drain/ the way the targets are drained; no other code branches on
// the variant id.
import type { Variant } from '../../src-shared/profile/schema'

export interface VariantTraits {
  /** the kernel releases the variant models */
  readonly kernelRelease: string
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
}

export const VARIANT_TRAITS: Readonly<Record<Variant, VariantTraits>> = {
  // workqueue (≤ 5.19): __drain_all_pages() queues drain_local_pages_wq on every target with
  // queue_work_on(cpu, mm_percpu_wq, …) and waits for each with flush_work(). Each target's kworker
  // drains its own lists with IRQs off. The owner fast path uses local_lock_irqsave: no atomic, no
  // remote contention.
  workqueue: {
    kernelRelease: '≤ 5.19',
    drainMechanism: 'workqueue',
    pcpLock: 'local-lock',
    pcpLockIrqsave: false,
    trylockFallback: false,
    listFree: 'local-lock',
    drainChunk: 'whole-list'
  },
  // direct (6.0–6.1, "Drain remote per-cpu directly"): the requester drains every target itself with
  // the target's pcp->lock held (spin_lock_irqsave), the whole list per hold. Owners use pcp->lock:
  // trylock on alloc and single free (buddy fallback on failure); a list free spins on the lock, dropping
  // it every SWAP_CLUSTER_MAX pages, so the requester may take it between two batches.
  direct: {
    kernelRelease: '6.0–6.1',
    drainMechanism: 'remote',
    pcpLock: 'pcp-spinlock',
    pcpLockIrqsave: true,
    trylockFallback: true,
    listFree: 'spin',
    drainChunk: 'whole-list'
  },
  // direct-irqon (6.2–6.9, 5749077415994eb0 "leave IRQs enabled for per-cpu page allocations"): as
  // direct, but pcp->lock is taken without disabling IRQs and every owner path, list frees included,
  // uses trylock with the buddy fallback.
  'direct-irqon': {
    kernelRelease: '6.2–6.9',
    drainMechanism: 'remote',
    pcpLock: 'pcp-spinlock',
    pcpLockIrqsave: false,
    trylockFallback: true,
    listFree: 'trylock-fallback',
    drainChunk: 'whole-list'
  },
  // direct-chunked (6.10+, 55f77df7d715 "control latency caused by zone PCP draining"): as direct-irqon,
  // but one pcp->lock hold frees at most batch << CONFIG_PCP_BATCH_SCALE_MAX pages (63 << 5 = 2016),
  // re-reading count under the lock for every chunk (66eca1021a42).
  'direct-chunked': {
    kernelRelease: '6.10+',
    drainMechanism: 'remote',
    pcpLock: 'pcp-spinlock',
    pcpLockIrqsave: false,
    trylockFallback: true,
    listFree: 'trylock-fallback',
    drainChunk: 'batch-scale-max'
  }
}

/** Pages one remote pcp->lock hold may free under `traits`. */
export function drainChunkPages(traits: VariantTraits, batch: number, batchScaleMax: number): number {
  // batch << CONFIG_PCP_BATCH_SCALE_MAX, in floating point: a 32-bit shift wraps for a large batch
  return traits.drainChunk === 'batch-scale-max' ? Math.max(1, batch * 2 ** batchScaleMax) : Infinity
}
