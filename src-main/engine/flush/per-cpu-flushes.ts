// The per-CPU flushes other than the pcplist drain (docs/model.md §10): who gets a work item, who waits,
// and what serialises the callers, per kernel function.
// - lru_add_drain_all() / lru_cache_disable() (mm/swap.c __lru_add_drain_all(), 5.19–6.12): under a mutex,
//   lru_add_drain_per_cpu on every CPU for which cpu_needs_drain() holds, flush_work() on each. A caller
//   that read lru_drain_gen before a drain that started later returns once it has the mutex (force_all_cpus,
//   lru_cache_disable(), never does). No isolation check in any release.
// - vmstat_shepherd() (mm/vmstat.c): every sysctl_stat_interval (1 s), vmstat_update on each CPU with
//   differentials to fold and no vmstat_update pending; from 6.5 it passes over cpu_is_isolated() CPUs.
//   vmstat_refresh() (a read of /proc/sys/vm/stat_refresh): schedule_on_each_cpu(refresh_vm_stats), a work item
//   on every online CPU, isolated or not, waited for, in every release (5.19–7.1).
// - drain_all_stock() (mm/memcontrol.c): drain_local_stock on each other CPU caching a charge whose
//   FLUSHING_CACHED_CHARGE bit is clear (the caller's own CPU drains inline); nobody waits; from 6.4 it
//   passes over cpu_is_isolated() CPUs.
// - flush_all() (mm/slub.c flush_all_cpus_locked(), 5.19–6.12): under flush_lock, flush_cpu_slab on every
//   CPU with has_cpu_slab(), flush_work() on each. No isolation check.
// With kernel.pwLocks (the unmerged pw_queue_on() series) the LRU and SLUB flushes lock each target's
// per-CPU state and run its work function on the caller's CPU, one target after the other.
import { PER_CPU_FLUSHES, type PerCpuFlush } from '../../../src-shared/kernel/per-cpu-flush'
import type { VariantTraits } from '../../../src-shared/kernel/variant-traits'
import { flushOfSource } from '../../../src-shared/profile/drain-source-kinds'
import type { DrainSourceKind } from '../../../src-shared/profile/schema'
import { FifoQueue } from '../sim/fifo-queue'
import { RandomStream } from '../sim/random-stream'
import { schedulePeriodic, type PeriodicTick } from '../sim/periodic'
import type { SimContext } from '../sim/sim-context'
import type { CpuModel } from '../sched/cpu-model'
import { FlushCall } from './flush-call'
import { FlushStats } from './flush-stats'
import { FlushWork, flushWorkNs } from './flush-work'
import type { EventHandler } from '../sim/event-queue'

/** sysctl_stat_interval: HZ, one second */
export const VMSTAT_INTERVAL_NS = 1_000_000_000

/** The flushes whose caller takes a mutex and waits for its work items, in PER_CPU_FLUSHES order. */
type WaitedFlush = 'lru' | 'slab'

export class PerCpuFlushes {
  /** the queue's handlers: made once for the class (EventQueue) */
  private static readonly remoteDone: EventHandler<PerCpuFlushes> = (flushes, now, index) => flushes.onRemoteDone(index, now)
  private static readonly shepherdTick: PeriodicTick<PerCpuFlushes> = (flushes, now) => flushes.vmstatShepherd(now)

  readonly stats = new FlushStats()
  /** lru_add_drain_all()'s mutex and flush_all()'s flush_lock: the call holding each, and the calls waiting, in order */
  private readonly holder: Record<WaitedFlush, FlushCall | null> = { lru: null, slab: null }
  private readonly waiting: Record<WaitedFlush, FifoQueue<FlushCall>> = { lru: new FifoQueue(), slab: new FifoQueue() }
  /** release() is handing the mutex on: a call that completes at once inside it returns to that loop */
  private readonly handingOver: Record<WaitedFlush, boolean> = { lru: false, slab: false }
  private lruDrainGen = 0
  /** vmstat_update pending on a CPU (delayed_work_pending()), FLUSHING_CACHED_CHARGE set on a CPU */
  private readonly vmstatPending: Uint8Array
  private readonly memcgFlushing: Uint8Array
  /** calls with work items not yet run, for the end-of-run count of stalled calls */
  private readonly open = new Set<FlushCall>()
  /** event kind (arg: index in PER_CPU_FLUSHES): a pw_queue_on() caller finished its remote work functions */
  private readonly remoteDoneKind: number

  constructor(
    private readonly sim: SimContext & { readonly traits: VariantTraits },
    /** every CPU of the machine, by cpu number */
    private readonly cpus: readonly CpuModel[],
    private readonly pwLocks: boolean,
    private readonly seed: number
  ) {
    this.vmstatPending = new Uint8Array(cpus.length)
    this.memcgFlushing = new Uint8Array(cpus.length)
    this.remoteDoneKind = sim.queue.register(PerCpuFlushes.remoteDone, this)
  }

  /** vmstat_shepherd(): a deferrable timer on a housekeeping CPU, at a phase of its own. */
  start(): void {
    const phase = Math.floor(new RandomStream(this.seed, 'vmstat:shepherd').next() * VMSTAT_INTERVAL_NS)
    schedulePeriodic(this.sim.queue, phase, VMSTAT_INTERVAL_NS, PerCpuFlushes.shepherdTick, this)
  }

  /**
   * A caller on `requesterCpu` calls the flush; `forced`: lru_cache_disable() (lru). A vmstat call is always
   * vmstat_refresh() (the shepherd's passes are vmstatShepherd()'s own) and always forced.
   */
  request(flush: PerCpuFlush, requesterCpu: number, now: number, forced: boolean): void {
    const call = new FlushCall(flush, requesterCpu, now, forced, now >= this.sim.warmupNs)
    if (call.counted) this.stats.of(flush).requested++
    if (flush === 'memcg') {
      this.drainAllStock(call, now)
      return
    }
    if (flush === 'vmstat') {
      this.scheduleOnEachCpu(call, now)
      return
    }
    const waited: WaitedFlush = flush
    if (flush === 'lru') call.generation = this.lruDrainGen
    this.open.add(call)
    if (this.holder[waited] !== null) this.waiting[waited].push(call)
    else this.acquire(waited, call, now)
  }

  /** Calls still waiting for work items at the end (counted ones only). */
  pending(): FlushCall[] {
    return [...this.open].filter((c) => c.counted)
  }

  private acquire(flush: WaitedFlush, call: FlushCall, now: number): void {
    this.holder[flush] = call
    if (flush === 'lru') {
      // (C) in __lru_add_drain_all(): a newer generation was scheduled while this caller waited for the mutex
      if (!call.forced && call.generation !== this.lruDrainGen) {
        if (call.counted) this.stats.of(flush).skipped++
        this.open.delete(call)
        this.release(flush, now)
        return
      }
      this.lruDrainGen++
    }
    if (this.pwLocks) {
      this.flushRemotely(call, now)
      return
    }
    for (const target of this.cpus) {
      if (target.flushStateAt(now).holds(flush)) this.queueOn(target, call, now)
    }
    if (call.outstanding === 0) this.callDone(call, now)
  }

  /** pw_queue_on(): the caller takes each target's per-CPU lock in turn and runs its work function itself. */
  private flushRemotely(call: FlushCall, now: number): void {
    let ns = 0
    for (const target of this.cpus) {
      const state = target.flushStateAt(now)
      if (!state.holds(call.flush)) continue
      ns += flushWorkNs(call.flush, state, this.sim.costs)
      if (call.counted) this.stats.of(call.flush).remoteFlushes++
    }
    if (ns === 0) this.callDone(call, now)
    else this.sim.queue.push(now + ns, this.remoteDoneKind, PER_CPU_FLUSHES.indexOf(call.flush))
  }

  /**
   * mutex_unlock(): the next waiter takes the mutex. One that returns at once (the generation shortcut, no
   * target) hands it on in turn — in a loop, not by recursion: thousands may wait behind a stalled call.
   */
  private release(flush: WaitedFlush, now: number): void {
    this.holder[flush] = null
    if (this.handingOver[flush]) return
    this.handingOver[flush] = true
    const waiting = this.waiting[flush]
    while (this.holder[flush] === null && waiting.length > 0) this.acquire(flush, waiting.shift(), now)
    this.handingOver[flush] = false
  }

  private drainAllStock(call: FlushCall, now: number): void {
    const skipIsolated = this.sim.traits.flushSkipsIsolated.includes('memcg')
    this.open.add(call)
    for (const target of this.cpus) {
      const state = target.flushStateAt(now)
      if (!state.holds('memcg') || this.memcgFlushing[target.cpu] === 1) continue
      // test_and_set_bit(FLUSHING_CACHED_CHARGE) comes first: on an isolated CPU passed over (6.4+) nothing
      // clears it again, so later calls pass the CPU over at the bit and do not count it
      this.memcgFlushing[target.cpu] = 1
      if (target.cpu === call.requesterCpu) {
        // drain_local_stock() inline on the caller's CPU, which clears the bit
        state.take('memcg')
        this.memcgFlushing[target.cpu] = 0
        continue
      }
      if (skipIsolated && target.isolated) {
        if (call.counted) this.stats.of('memcg').isolatedSkipped++
        continue
      }
      this.queueOn(target, call, now)
    }
    if (call.outstanding === 0) this.callDone(call, now)
  }

  /** vmstat_refresh(): refresh_vm_stats on every online CPU (its own work items, not vmstat_work), waited for. */
  private scheduleOnEachCpu(call: FlushCall, now: number): void {
    this.open.add(call)
    for (const target of this.cpus) this.queueOn(target, call, now)
  }

  private vmstatShepherd(now: number): void {
    const call = new FlushCall('vmstat', -1, now, false, now >= this.sim.warmupNs)
    if (call.counted) this.stats.of('vmstat').requested++
    const skipIsolated = this.sim.traits.flushSkipsIsolated.includes('vmstat')
    this.open.add(call)
    for (const target of this.cpus) {
      if (this.vmstatPending[target.cpu] === 1 || !target.flushStateAt(now).holds('vmstat')) continue
      if (skipIsolated && target.isolated) {
        if (call.counted) this.stats.of('vmstat').isolatedSkipped++
        continue
      }
      this.vmstatPending[target.cpu] = 1
      this.queueOn(target, call, now)
    }
    if (call.outstanding === 0) this.callDone(call, now)
  }

  private queueOn(target: CpuModel, call: FlushCall, now: number): void {
    call.outstanding++
    if (call.counted) {
      const s = this.stats.of(call.flush)
      if (target.isolated) s.isolatedWorkItems++
      else s.housekeepingWorkItems++
    }
    const cpu = target.cpu
    target.queueWork(new FlushWork(call.flush, (done) => {
      // a shepherd's vmstat_update, not vmstat_refresh()'s own work item
      if (call.flush === 'vmstat' && !call.forced) this.vmstatPending[cpu] = 0
      else if (call.flush === 'memcg') this.memcgFlushing[cpu] = 0
      if (--call.outstanding === 0) this.callDone(call, done)
    }), now)
  }

  /** drain_all_pages() returned to its caller: alloc_contig_range() (cma) and offline_pages() go on to lru_cache_disable(). */
  drainAllPagesReturned(kind: DrainSourceKind, requesterCpu: number, now: number): void {
    if (flushOfSource(kind) === 'lru') this.request('lru', requesterCpu, now, true)
  }

  /** A pw_queue_on() caller ran the flush's work functions on every target (flushRemotely): its call returns. */
  private onRemoteDone(index: number, now: number): void {
    const flush = PER_CPU_FLUSHES[index] as WaitedFlush
    const call = this.holder[flush]
    if (call !== null) this.callDone(call, now)
  }

  private callDone(call: FlushCall, now: number): void {
    this.open.delete(call)
    this.stats.completed(call, now)
    if ((call.flush === 'lru' || call.flush === 'slab') && this.holder[call.flush] === call) this.release(call.flush, now)
  }
}

