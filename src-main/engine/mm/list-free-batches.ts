// The SWAP_CLUSTER_MAX (32) page batches of an owner's free_unref_page_list(), per CPU: it drops pcp->lock
// after every batch and takes it again (6.0–6.1: spins for it; 6.2+: trylocks, falling back to the buddy
// allocator), so a remote drainer spinning on the lock gets it between two batches instead of after the
// whole list. Kept as the time each batch unlocks and the pages the list free has added by then (gross of
// bulk frees), in per-CPU buffers that grow with the longest list (not per operation).

/** SWAP_CLUSTER_MAX: pages free_unref_page_list() frees per pcp->lock hold */
export const SWAP_CLUSTER_MAX = 32

export class ListFreeBatches {
  private readonly unlockAt: Float64Array[]
  private readonly addedAt: Int32Array[]
  private readonly length: Int32Array

  constructor(cpus: number) {
    this.unlockAt = Array.from({ length: cpus }, () => new Float64Array(4))
    this.addedAt = Array.from({ length: cpus }, () => new Int32Array(4))
    this.length = new Int32Array(cpus)
  }

  /** A new list free on `cpu` begins. */
  clear(cpu: number): void {
    this.length[cpu] = 0
  }

  /** The list free's next batch drops pcp->lock at `t`, the list free having added `added` pages so far. */
  push(cpu: number, t: number, added: number): void {
    const n = this.length[cpu]
    if (n === this.unlockAt[cpu].length) {
      const times = new Float64Array(n * 2)
      times.set(this.unlockAt[cpu])
      this.unlockAt[cpu] = times
      const added = new Int32Array(n * 2)
      added.set(this.addedAt[cpu])
      this.addedAt[cpu] = added
    }
    this.unlockAt[cpu][n] = t
    this.addedAt[cpu][n] = added
    this.length[cpu] = n + 1
  }

  /**
   * The first unlock between two batches at or after `t`, as an index (-1 when only the last batch,
   * which ends the list, is left).
   */
  unlockBetweenAfter(cpu: number, t: number): number {
    const buf = this.unlockAt[cpu]
    const last = this.length[cpu] - 1
    for (let i = 0; i < last; i++) if (buf[i] >= t) return i
    return -1
  }

  at(cpu: number, index: number): number {
    return this.unlockAt[cpu][index]
  }

  /**
   * Pages the batches after unlock `index` add to the list, gross of their bulk frees: the list free
   * is computed when it starts, so they are on the list already although those batches have not run
   * yet — and a drainer that empties the list at that unlock leaves those batches nothing to bulk free.
   */
  pagesAfter(cpu: number, index: number): number {
    const added = this.addedAt[cpu]
    return added[this.length[cpu] - 1] - added[index]
  }

  /** A remote drainer held pcp->lock for `ns` after unlock `index`: the later batches run that much later. */
  delayAfter(cpu: number, index: number, ns: number): void {
    const buf = this.unlockAt[cpu]
    for (let i = index + 1; i < this.length[cpu]; i++) buf[i] += ns
  }
}
