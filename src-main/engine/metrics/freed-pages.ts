// The pages each drain_all_pages() call freed of each CPU's pcplist, for the timeline's chains (docs/timeline.md),
// in typed columns appended in run order: calls are serialised by pcpu_drain_mutex and a 6.10+ drainer frees a
// CPU's list in consecutive chunks, so a pair's frees arrive together and the next pair is a new entry. A Map of
// every pair cost the heavy scenario a fifth of its engine time (160 000 pairs); this costs an append.
import type { DrainPagesArrays } from '../../../src-shared/results/drain-pages-columns'

/**
 * The (call, CPU) pairs to keep: a bit per pair, `recorded[drain * cpus + cpu]`, for calls up to `calls` and CPUs
 * below `cpus`. Data rather than a predicate: a closure made per run was a new call target in every job, and
 * V8 threw away columns()'s code for it at the second job (EventQueue says more).
 */
export interface PairSet {
  calls: number
  cpus: number
  recorded: Uint8Array
}

export class FreedPages {
  // sized to the cap at once, as TimelineColumns are (timeline-columns.ts says why)
  private readonly drain: Int32Array
  private readonly cpu: Int32Array
  private readonly pages: Float64Array
  private length = 0

  /** `capPairs`: at most this many (call, CPU) pairs; later ones are not kept (their chains say nothing of pages) */
  constructor(private readonly capPairs: number) {
    this.drain = new Int32Array(capPairs)
    this.cpu = new Int32Array(capPairs)
    this.pages = new Float64Array(capPairs)
  }

  add(drain: number, cpu: number, pages: number): void {
    const last = this.length - 1
    if (last >= 0 && this.drain[last] === drain && this.cpu[last] === cpu) {
      this.pages[last] += pages
      return
    }
    if (this.length >= this.capPairs) return
    this.drain[this.length] = drain
    this.cpu[this.length] = cpu
    this.pages[this.length] = pages
    this.length++
  }

  /**
   * The pairs as columns ordered by call and CPU, each pair once; `keep`: only the pairs in it (the pairs with
   * records in the kept windows), none: every pair. Typed from the start: a number array of the heavy
   * scenario's 160 000 pairs cost the worker ~60 ms.
   */
  columns(keep?: PairSet): DrainPagesArrays {
    const order = this.ordered()
    const call = new Uint32Array(this.length)
    const cpus = new Uint16Array(this.length)
    const pages = new Float64Array(this.length)
    let n = 0
    for (const i of order) {
      const drain = this.drain[i]
      const cpu = this.cpu[i]
      if (keep !== undefined && !(drain <= keep.calls && cpu < keep.cpus && keep.recorded[drain * keep.cpus + cpu] === 1)) continue
      // the same pair twice (frees of one CPU interleaved with another's): one entry, the sum
      if (n > 0 && call[n - 1] === drain && cpus[n - 1] === cpu) {
        pages[n - 1] += this.pages[i]
        continue
      }
      call[n] = drain
      cpus[n] = cpu
      pages[n] = this.pages[i]
      n++
    }
    return { call: call.subarray(0, n), cpu: cpus.subarray(0, n), pages: pages.subarray(0, n) }
  }

  /**
   * Entry indices by call, then CPU. Calls arrive in id order (one holds pcpu_drain_mutex at a time), so only
   * each call's few CPUs need sorting — a sort of every pair took longer than the rest of the timeline.
   */
  private ordered(): Uint32Array {
    const order = new Uint32Array(this.length)
    for (let i = 0; i < this.length; i++) order[i] = i
    let start = 0
    for (let i = 1; i <= this.length; i++) {
      if (i < this.length && this.drain[i] === this.drain[start]) continue
      if (i < this.length && this.drain[i] < this.drain[start]) {
        // not in call order after all: sort everything
        return order.sort((a, b) => this.drain[a] - this.drain[b] || this.cpu[a] - this.cpu[b])
      }
      // insertion sort of one call's entries by CPU
      for (let j = start + 1; j < i; j++) {
        const e = order[j]
        let k = j - 1
        while (k >= start && this.cpu[order[k]] > this.cpu[e]) {
          order[k + 1] = order[k]
          k--
        }
        order[k + 1] = e
      }
      start = i
    }
    return order
  }
}
