// CPU time the kernel spends, summed over all CPUs, on drain work (kworkers, IPIs, a remote drainer's
// spins and holds) and on the pcp->lock fast-path overhead of the spinlock designs (model.md §8 points
// 7–8). The one owner of these counters: every component that spends such time adds it here.
import { DOUBLE_ZERO } from '../sim/double-zero'

export class KernelCpuTime {
  private drain = DOUBLE_ZERO
  private fastPathOverhead = DOUBLE_ZERO

  get drainNs(): number {
    return this.drain
  }

  get fastPathOverheadNs(): number {
    return this.fastPathOverhead
  }

  addDrain(ns: number): void {
    this.drain += ns
  }

  addFastPathOverhead(ns: number): void {
    this.fastPathOverhead += ns
  }
}
