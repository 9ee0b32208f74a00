// Interference accounting of an isolated CPU (model.md §6): time its realtime task wanted the CPU but
// something else had it, or that its own pcplist operations lost to a drainer, by source. Run totals
// skip the warm-up; the current job's share (for the worst sample's attribution) does not.
import { SOURCE_COUNT } from '../metrics/interference-source'
import { DOUBLE_ZERO } from '../sim/double-zero'

export class InterferenceAccount {
  /** the run's totals by source (interference-source.ts), after the warm-up */
  readonly bySource = new Float64Array(SOURCE_COUNT)
  /** the share of the job that is running or waiting to start */
  readonly jobBySource = new Float64Array(SOURCE_COUNT)
  /** accounted up to this time */
  private accountedTo = DOUBLE_ZERO

  constructor(private readonly warmupNs: number) {}

  /**
   * The stretch since the last call, up to `now`, went to `source` (-1: the task did not want the CPU,
   * or had it); `delaysJob`: a released job was waiting or running in it.
   */
  advance(now: number, source: number, delaysJob: boolean): void {
    const from = this.accountedTo > this.warmupNs ? this.accountedTo : this.warmupNs
    this.accountedTo = now
    if (source < 0 || now <= from) return
    const dt = now - from
    this.bySource[source] += dt
    if (delaysJob) this.jobBySource[source] += dt
  }

  /** `ns` lost to `source` at `now` inside the task's own work (a fallback, a spin, a cache refill). */
  charge(source: number, ns: number, now: number): void {
    if (now >= this.warmupNs) this.bySource[source] += ns
    this.jobBySource[source] += ns
  }

  /** The job finished: the next one starts with nothing charged. */
  jobDone(): void {
    this.jobBySource.fill(0)
  }
}
