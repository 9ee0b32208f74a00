// The per-CPU kworker of a housekeeping CPU running drain_local_pages_wq (workqueue variant): it is
// woken, waits for its turn among the CPU's runnable CFS tasks, then frees its list with IRQs off.
// The CPU's scheduler tick interrupts the wait and, deferred, the IRQs-off drain.
import type { Profile } from '../../../src-shared/profile/schema'
import type { DrainRun } from '../drain/drain-run'
import { drainPagesZone } from '../mm/drain-pages-zone'
import type { PageAllocator } from '../mm/page-allocator'
import { ZoneLockHold } from '../mm/zone-lock-hold'
import type { KernelCpuTime } from '../metrics/kernel-cpu-time'
import type { RunTimelineRecorder } from '../metrics/run-timeline'
import { SEG_KWORKER_DRAIN, SEG_KWORKER_SWITCH } from '../metrics/timeline-kind-index'
import { RandomStream } from '../sim/random-stream'
import type { SimContext } from '../sim/sim-context'
import type { HousekeepingTick } from './housekeeping-tick'
import type { OwnerActivity } from './owner-activity'

export class HousekeepingKworkers {
  private readonly pending: Array<DrainRun | null>
  private readonly cfsStreams: RandomStream[] = []
  private readonly cfsRoundNs: number
  private readonly zoneLock = new ZoneLockHold()
  /** event kinds (arg: cpu): the kworker gets the CPU for drain_local_pages_wq; it finished the work item */
  private readonly runKind: number
  private readonly doneKind: number

  constructor(
    profile: Profile,
    private readonly sim: SimContext & PageAllocator,
    private readonly cpuTime: KernelCpuTime,
    private readonly tick: HousekeepingTick,
    private readonly owners: OwnerActivity,
    private readonly timeline: RunTimelineRecorder,
    seed: number
  ) {
    this.pending = new Array<DrainRun | null>(profile.machine.cpus).fill(null)
    this.runKind = sim.queue.register((now, cpu) => this.onRun(cpu, now))
    this.doneKind = sim.queue.register((now, cpu) => this.onDone(cpu, now))
    for (let cpu = 0; cpu < profile.machine.cpus; cpu++) this.cfsStreams[cpu] = new RandomStream(seed, `hk:${cpu}:cfs`)
    // a woken SCHED_OTHER kworker waits, on average, half a round of the CPU's other runnable CFS tasks
    this.cfsRoundNs = profile.housekeeping.cfsRunnable * profile.housekeeping.cfsSliceUs * 1000
  }

  queueWork(run: DrainRun, cpu: number, now: number): void {
    const half = Math.round(this.sim.costs.kworkerWakeSwitchNs / 2)
    const wait = this.cfsRoundNs > 0 ? Math.round(this.cfsStreams[cpu].next() * this.cfsRoundNs) : 0
    this.pending[cpu] = run
    this.cpuTime.addDrain(half)
    // the wake and switch-in; the CFS wait after it runs the CPU's other tasks, which are not drawn
    this.timeline.segment(cpu, SEG_KWORKER_SWITCH, now, now + half, run.id)
    // switch-in and the CFS wait run with interrupts on: the ticks in them stretch them
    const ticks = this.tick.preemptible(now, half + wait)
    this.sim.queue.push(now + half + wait + ticks, this.runKind, cpu)
  }

  /** drain_local_pages_wq on `cpu`: drain_pages_zone() of the whole list, IRQs off. */
  private onRun(cpu: number, now: number): void {
    const sim = this.sim
    const run = this.pending[cpu]
    if (run === null) return
    // the kworker preempts the CPU's tasks: their bursts before it ran, the later ones find the list drained
    this.owners.catchUp(cpu, now)
    run.pagesFreed += drainPagesZone(sim, cpu, Infinity, sim.costs.tPageLocalNs, now, this.zoneLock)
    this.owners.listsChanged(cpu, now)
    const busy = this.zoneLock.waitNs + this.zoneLock.holdNs
    const switchOut = Math.round(sim.costs.kworkerWakeSwitchNs) - Math.round(sim.costs.kworkerWakeSwitchNs / 2)
    this.cpuTime.addDrain(busy + switchOut)
    // a tick that fell in the IRQs-off drain runs when interrupts come back, before the work item returns
    const done = now + busy + this.tick.deferred(now, now + busy)
    sim.queue.push(done, this.doneKind, cpu)
    this.timeline.segment(cpu, SEG_KWORKER_DRAIN, now, now + busy, run.id)
    this.timeline.segment(cpu, SEG_KWORKER_SWITCH, done, done + switchOut, 0)
  }

  private onDone(cpu: number, now: number): void {
    const run = this.pending[cpu]
    this.pending[cpu] = null
    if (run !== null) run.waiter.workItemDone(run, now)
  }
}
