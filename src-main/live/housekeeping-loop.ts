// A housekeeping CPU's worker: allocation and free bursts of unit = ⌈batch/2⌉ pages as two Poisson processes
// at the profile's rates (model.md §5), through the owner's fast path, and, between bursts, this CPU's
// kworker: queued drain work runs while the worker would otherwise sleep. The drain sources placed on this
// CPU are tasks of their own (drainer-loop.ts), pinned here too.
import { RandomStream } from '../engine/sim/random-stream'
import type { Clock } from './live-clock'
import { HELD_COUNT, PCP_BATCH, type LiveState } from './live-state'
import type { OwnerFastPath } from './owner-fast-path'
import { runPendingWork, sleepForWork } from './work-queue'
import type { CpuRole, WorkerReport } from './worker-protocol'

/** The longest single sleep, so a stop is seen within it. */
const MAX_SLEEP_MS = 20

type HousekeepingRole = Extract<CpuRole, { kind: 'housekeeping' }>

export function runHousekeeping(s: LiveState, cpu: number, role: HousekeepingRole, seed: number, fast: OwnerFastPath, now: Clock, report: WorkerReport): void {
  const unit = Math.max(1, Math.ceil(s.field(cpu, PCP_BATCH) / 2))
  const bursts = new RandomStream(seed, `live-hk-${cpu}`)
  const allocRate = role.allocPagesPerSec / unit
  const burstRate = allocRate + role.freePagesPerSec / unit
  const nextBurstAfter = (t: number) => (burstRate > 0 ? t + bursts.exponential(1e9 / burstRate) : Infinity)
  let nextBurst = nextBurstAfter(now())
  const heldRoom = s.heldList(cpu).length

  while (!s.stopped()) {
    const t = now()
    if (t >= nextBurst) {
      // an allocation burst with probability λa / (λa + λf), else a free burst; a full hand frees instead
      const alloc = bursts.next() * burstRate < allocRate && s.field(cpu, HELD_COUNT) + unit <= heldRoom
      const b0 = now()
      let pages = 0
      for (let i = 0; i < unit; i++) if (alloc ? fast.allocPage() : fast.freePage()) pages++
      if (pages > 0) report.fastPathNsPerPage.push((now() - b0) / pages)
      report.operations++
      nextBurst = nextBurstAfter(t)
    }
    const w0 = now()
    if (runPendingWork(s, cpu) >= 0) {
      report.workItems++
      report.workNs.push(now() - w0)
    }
    sleepForWork(s, cpu, Math.min(MAX_SLEEP_MS, (nextBurst - now()) / 1e6))
  }
}
