// The per-CPU kworker of a housekeeping CPU running its queued work items (drain_local_pages_wq under the
// workqueue variant, the per-CPU flushes' work functions): it is woken, waits for its turn among the CPU's
// runnable CFS tasks, then runs the items in order, each with IRQs or preemption off, and sleeps again.
// The CPU's scheduler tick interrupts the wait and, deferred, each work function.
import type { Profile } from '../../../src-shared/profile/schema'
import { HOUSEKEEPING_STATE, PerCpuFlushState } from '../flush/per-cpu-flush-state'
import type { PageAllocator } from '../mm/page-allocator'
import { ZoneLockHold } from '../mm/zone-lock-hold'
import type { ZoneMm } from '../mm/zone-mm'
import type { KernelCpuTime } from '../metrics/kernel-cpu-time'
import type { RunTimelineRecorder } from '../metrics/run-timeline'
import { SEG_KWORKER_SWITCH, SEG_TICK } from '../metrics/timeline-kind-index'
import { RandomStream } from '../sim/random-stream'
import type { SimContext } from '../sim/sim-context'
import type { HousekeepingTick } from './housekeeping-tick'
import type { OwnerActivity } from './owner-activity'
import type { WorkHost, WorkItem } from './work-item'
import type { EventHandler } from '../sim/event-queue'

export class HousekeepingKworkers implements WorkHost {
  /** the queue's handlers: made once for the class (EventQueue) */
  private static readonly run: EventHandler<HousekeepingKworkers> = (kworkers, now, cpu) => kworkers.onRun(cpu, now)
  private static readonly done: EventHandler<HousekeepingKworkers> = (kworkers, now, cpu) => kworkers.onDone(cpu, now)

  /** a busy housekeeping CPU holds every kind of per-CPU state (flush/per-cpu-flush-state.ts): one object serves them all */
  readonly flushState: PerCpuFlushState
  /** each CPU's queued items, the running one first; empty: its kworker sleeps */
  private readonly queued: WorkItem[][]
  private readonly cfsStreams: RandomStream[] = []
  private readonly cfsRoundNs: number
  readonly zoneLock = new ZoneLockHold()
  /** event kinds (arg: cpu): the kworker gets the CPU for drain_local_pages_wq; it finished the work item */
  private readonly runKind: number
  private readonly doneKind: number

  constructor(
    profile: Profile,
    readonly mm: SimContext & PageAllocator,
    readonly zones: readonly ZoneMm[],
    private readonly cpuTime: KernelCpuTime,
    private readonly tick: HousekeepingTick,
    private readonly owners: OwnerActivity,
    private readonly timeline: RunTimelineRecorder,
    seed: number
  ) {
    this.flushState = new PerCpuFlushState(HOUSEKEEPING_STATE, mm.traits.lruBatchFolios)
    this.queued = Array.from({ length: profile.machine.cpus }, () => [])
    this.runKind = mm.queue.register(HousekeepingKworkers.run, this)
    this.doneKind = mm.queue.register(HousekeepingKworkers.done, this)
    for (let cpu = 0; cpu < profile.machine.cpus; cpu++) this.cfsStreams[cpu] = new RandomStream(seed, `hk:${cpu}:cfs`)
    // a woken SCHED_OTHER kworker waits, on average, half a round of the CPU's other runnable CFS tasks
    this.cfsRoundNs = profile.housekeeping.cfsRunnable * profile.housekeeping.cfsSliceUs * 1000
  }

  queueWork(item: WorkItem, cpu: number, now: number): void {
    const queue = this.queued[cpu]
    queue.push(item)
    // an awake kworker takes the item after the ones before it
    if (queue.length > 1) return
    const half = Math.round(this.mm.costs.kworkerWakeSwitchNs / 2)
    const wait = this.cfsRoundNs > 0 ? Math.round(this.cfsStreams[cpu].next() * this.cfsRoundNs) : 0
    this.cpuTime.addDrain(half)
    // the wake and switch-in; the CFS wait after it runs the CPU's other tasks, which are not drawn
    this.timeline.segment(cpu, SEG_KWORKER_SWITCH, now, now + half, item.id)
    // switch-in and the CFS wait run with interrupts on: the ticks in them stretch them
    const ticks = this.tick.preemptible(now, half + wait)
    this.mm.queue.push(now + half + wait + ticks, this.runKind, cpu)
  }

  /** The oldest queued item's work function on `cpu`, IRQs or preemption off. */
  private onRun(cpu: number, now: number): void {
    const item = this.queued[cpu][0]
    // the kworker preempts the CPU's tasks: their bursts before it ran, the later ones find the list drained
    if (item.touchesPcp) this.owners.catchUp(cpu, now)
    const busy = item.execute(this, cpu, now)
    if (item.touchesPcp) this.owners.listsChanged(cpu, now)
    this.cpuTime.addDrain(busy)
    // a tick that fell in the IRQs-off section runs when interrupts come back, before the work item returns
    const done = now + busy + this.tick.deferred(now, now + busy)
    this.mm.queue.push(done, this.doneKind, cpu)
    this.timeline.segment(cpu, item.segment, now, now + busy, item.id)
    // drawn: of the CPU's ticks only those the model places (none when no tick fell in the section)
    this.timeline.segment(cpu, SEG_TICK, now + busy, done, 0)
  }

  private onDone(cpu: number, now: number): void {
    const queue = this.queued[cpu]
    // told while still at the head: work its waiter queues here now finds the kworker awake
    queue[0].finished(now)
    queue.shift()
    if (queue.length > 0) {
      this.onRun(cpu, now)
      return
    }
    const switchOut = Math.round(this.mm.costs.kworkerWakeSwitchNs) - Math.round(this.mm.costs.kworkerWakeSwitchNs / 2)
    this.cpuTime.addDrain(switchOut)
    this.timeline.segment(cpu, SEG_KWORKER_SWITCH, now, now + switchOut, 0)
  }
}
