// One run of the kernel model: the simulated machine (zone, pcplists, CPUs, workload, drain variant)
// and the discrete-event loop that drives it. A pure function of (profile, variant, seed). The
// constructor is the one place that wires a run together: every component is built after its
// collaborators and gets only the small contexts it uses, never the Simulation.
import type { Profile, Variant } from '../../src-shared/profile/schema'
import { isolatedCpus } from '../../src-shared/profile/cpu-roles'
import { MAX_EVENTS_PER_JOB } from '../../src-shared/profile/estimate'
import { checkEndInvariants, checkEventInvariants } from './invariants'
import type { RunModelOptions } from './run-model-options'
import { EventQueue } from './sim/event-queue'
import { schedulePeriodic, type PeriodicTick } from './sim/periodic'
import { SimClock } from './sim/sim-clock'
import { DOUBLE_ZERO } from './sim/double-zero'
import { deriveDma32PcpParams, derivePcpParams, type DerivedPcp } from './mm/pcp-params'
import { PerCpuPages } from './mm/per-cpu-pages'
import { startFillPages } from './mm/start-fill'
import { Zone } from './mm/zone'
import type { KernelCosts } from './sim/sim-context'
import { antiStarvationPolicy, type AntiStarvationPolicy } from './sched/anti-starvation/policy-params'
import { HousekeepingKworkers } from './sched/housekeeping-kworker'
import { HousekeepingTick } from './sched/housekeeping-tick'
import type { CpuModel } from './sched/cpu-model'
import { HousekeepingCpu } from './sched/housekeeping-cpu'
import { IsolatedCpu } from './sched/isolated-cpu'
import { IsolatedCpuContext } from './sched/isolated-cpu-context'
import type { DrainStrategy } from './drain/drain-strategy'
import { DrainAllPages } from './drain/drain-all-pages'
import { createDrainStrategy } from './drain/create-drain-strategy'
import { pcpTuningOf, VARIANT_TRAITS, type VariantTraits } from '../../src-shared/kernel/variant-traits'
import { DrainSources } from './workload/drain-sources'
import { PerCpuFlushes, VMSTAT_INTERVAL_NS } from './flush/per-cpu-flushes'
import { HousekeepingLoad } from './workload/housekeeping-load'
import { ZoneLoads } from './workload/zone-loads'
import { ZoneMmContext, type ZoneMm } from './mm/zone-mm'
import { KswapdBalances } from './workload/kswapd-balances'
import { rtTaskSpec } from './workload/rt-task-spec'
import { DrainStats } from './metrics/drain-stats'
import { KernelCpuTime } from './metrics/kernel-cpu-time'
import { SampledSeriesRecorder } from './metrics/sampled-series'
import { RunTimelineRecorder } from './metrics/run-timeline'
import { TimelineRecorder } from './metrics/timeline-recorder'
import { WorstSampleTracker } from './metrics/worst-sample'
import { collectRunResult } from './collect-run-result'
import type { SimulatedRun } from './simulated-run'

const DEFAULT_PROGRESS_EVERY = 50_000
/** at most this many samples of stranded / free pages per run */
const SAMPLES_PER_RUN = 1000
/**
 * The last defence against a run that does not end: the profile's estimate keeps every valid run far below
 * this, so a run past it is a model bug (an event re-armed without time passing) and fails its job.
 */
const MAX_EVENTS = 10 * MAX_EVENTS_PER_JOB

export class Simulation {
  /** the periodic events' handlers: made once for the class (EventQueue) */
  private static readonly rtPeriod: PeriodicTick<Simulation> = (sim, now) => sim.onRtPeriod(now)
  private static readonly vmstatDecay: PeriodicTick<Simulation> = (sim, now) => sim.owners.onVmstatDecay(now)
  private static readonly sample: PeriodicTick<Simulation> = (sim, now) => sim.onSample(now)

  readonly queue = new EventQueue(4096)
  readonly clock = new SimClock()
  readonly params: DerivedPcp
  readonly zone: Zone
  readonly pcp: PerCpuPages
  readonly costs: KernelCosts
  readonly traits: VariantTraits
  readonly strategy: DrainStrategy
  readonly policy: AntiStarvationPolicy
  readonly isolated: IsolatedCpu[] = []
  /** ZONE_NORMAL's housekeeping load; `owners` is every zone's */
  readonly hk: HousekeepingLoad
  readonly owners: ZoneLoads
  /** ZONE_DMA32's housekeeping load, with housekeeping.dma32Share */
  private readonly dma32Load: HousekeepingLoad | null
  /** the zones whose pcplists run, as for_each_populated_zone() walks them: ZONE_DMA32 (housekeeping.dma32Share), ZONE_NORMAL */
  readonly nodeZones: readonly ZoneMm[]
  readonly drains: DrainAllPages
  readonly flushes: PerCpuFlushes
  readonly sources: DrainSources
  readonly kswapd: KswapdBalances
  readonly timeline: TimelineRecorder
  readonly runTimeline: RunTimelineRecorder
  readonly worst = new WorstSampleTracker()
  readonly stranded = new SampledSeriesRecorder()
  readonly zoneFree = new SampledSeriesRecorder()
  readonly cpuTime = new KernelCpuTime()
  readonly warmupNs: number
  readonly durationNs: number
  events = 0
  /** pages the profile put on lists at start above what they hold at rest (mm/start-fill.ts) */
  startPagesNotPlaced = 0
  private readonly sampleEveryNs: number

  constructor(readonly profile: Profile, readonly variant: Variant, readonly seed: number, private readonly options: RunModelOptions = {}) {
    this.traits = VARIANT_TRAITS[variant]
    this.params = derivePcpParams(profile, pcpTuningOf(this.traits, profile.kernel.pcp.autotune))
    this.costs = profile.kernel.costs
    this.policy = antiStarvationPolicy(profile, this.traits, seed)
    this.zone = new Zone(this.params.managedPages)
    this.pcp = new PerCpuPages(profile.machine.cpus, this.params.batch, this.params.high, this.params.thpPages)
    this.warmupNs = Math.round(profile.run.warmupMs * 1e6)
    this.durationNs = Math.round(profile.run.durationMs * 1e6)
    this.sampleEveryNs = Math.max(1_000_000, Math.ceil(this.durationNs / SAMPLES_PER_RUN))
    const isolated = isolatedCpus(profile)
    this.runTimeline = new RunTimelineRecorder(options.timelineCapRecords, options.timelineWindowNs)
    this.timeline = new TimelineRecorder(isolated, this.runTimeline)
    // the contexts: the core with the pcp state, then what each kind of component adds to it
    const kernel = new ZoneMmContext(this.queue, this.costs, this.warmupNs, this.zone, this.pcp, this.params, this.traits)
    const dma32Share = profile.housekeeping.dma32Share
    const dma32 = dma32Share > 0 ? this.dma32Mm(kernel) : null
    this.nodeZones = dma32 === null ? [kernel] : [dma32, kernel]
    const isolatedCtx = new IsolatedCpuContext(kernel, {
      nodeZones: this.nodeZones,
      cpuTime: this.cpuTime,
      policy: this.policy,
      timeline: this.timeline,
      worst: this.worst,
      durationNs: this.durationNs,
      seriesWindowNs: Math.max(1, Math.round(profile.run.seriesWindowMs * 1e6)),
      timelineWindowNs: Math.round(profile.run.timelineWindowMs * 1e6),
      ipiOnQueue: profile.kernel.ipiOnQueue,
      llcShared: profile.machine.llcShared,
      preemptRt: profile.kernel.preemptRt
    })
    const cpus = new Array<CpuModel>(profile.machine.cpus)
    isolated.forEach((cpu, index) => {
      const task = profile.rtTasks.find((t) => t.cpu === cpu)
      const iso = new IsolatedCpu(index, cpu, task === undefined ? null : rtTaskSpec(task, seed), isolatedCtx)
      this.isolated.push(iso)
      cpus[cpu] = iso
    })
    const tick = new HousekeepingTick(profile.machine.hz, this.costs.tickNs)
    this.hk = new HousekeepingLoad(profile, kernel, this.cpuTime, seed, this.durationNs, { share: 1 - dma32Share, tag: '' })
    this.zone.watchFlags(this.hk)
    this.dma32Load = null
    if (dma32 !== null) {
      const load = new HousekeepingLoad(profile, dma32, this.cpuTime, seed, this.durationNs, { share: dma32Share, tag: ':dma32', perCpu: this.hk.perCpu })
      dma32.zone.watchFlags(load)
      this.dma32Load = load
    }
    this.owners = new ZoneLoads(this.dma32Load === null ? [this.hk] : [this.dma32Load, this.hk])
    const hkKworkers = new HousekeepingKworkers(profile, kernel, this.nodeZones, this.cpuTime, tick, this.owners, this.runTimeline, seed)
    for (const cpu of this.hk.cpus) cpus[cpu] = new HousekeepingCpu(cpu, hkKworkers, this.hk, this.runTimeline)
    const stats = new DrainStats()
    this.strategy = createDrainStrategy(this.traits, profile.kernel.pcp.batchScaleMax, { sim: kernel, zones: this.nodeZones, cpuTime: this.cpuTime, stats, tick, cpus, owners: this.owners })
    this.flushes = new PerCpuFlushes(kernel, cpus, profile.kernel.pwLocks, seed)
    this.drains = new DrainAllPages(stats, this.strategy, this.nodeZones.map((z) => z.pcp), this.owners, this.warmupNs, this.runTimeline, this.flushes)
    this.kswapd = new KswapdBalances(this.queue, this.nodeZones.map((z) => z.zone), this.params.scaling === 'free-count', this.warmupNs, this.runTimeline, this.hk.cpus[0] ?? 0)
    this.sources = new DrainSources(profile, this.queue, this.drains, this.flushes, this.kswapd, options.onDrainRequest, seed)
  }

  /** ZONE_DMA32's zone and pagesets: the same kernel, that zone's formulas (mm/pcp-params.ts) */
  private dma32Mm(normal: ZoneMm): ZoneMm {
    const params = deriveDma32PcpParams(this.profile, pcpTuningOf(this.traits, this.profile.kernel.pcp.autotune))
    const pcp = new PerCpuPages(this.profile.machine.cpus, params.batch, params.high, params.thpPages)
    return new ZoneMmContext(normal.queue, normal.costs, normal.warmupNs, new Zone(params.managedPages), pcp, params, normal.traits)
  }

  /** Pages on every zone's pcplists. */
  get pcpTotal(): number {
    let total = 0
    for (const z of this.nodeZones) total += z.pcp.total
    return total
  }

  get drainCpuNs(): number {
    return this.cpuTime.drainNs
  }

  get fastPathOverheadNs(): number {
    return this.cpuTime.fastPathOverheadNs
  }

  run(): SimulatedRun {
    this.start()
    const q = this.queue
    const check = this.options.checkInvariants === true || this.profile.run.checkInvariants
    const every = Math.max(1, this.options.progressEveryEvents ?? DEFAULT_PROGRESS_EVERY)
    let countdown = every
    // also report every 1 % of simulated time: fast-forwarded stretches cost few events (a double: sim/double-zero.ts)
    const progressStepNs = Math.max(1, Math.floor(this.durationNs / 100)) + DOUBLE_ZERO
    let nextProgressNs = progressStepNs
    let partial = false
    if (check) checkEventInvariants(this, 0)
    while (q.popBefore(this.durationNs)) {
      const now = q.time
      this.clock.advanceTo(now)
      this.events++
      q.dispatchPopped()
      // not after catching the housekeeping CPUs up: a catch-up draws, and checking must not change the run.
      // Their state is valid as it stands — local bursts move pages between a list and its tasks, within bounds
      if (check) checkEventInvariants(this, now)
      if (--countdown === 0 || now >= nextProgressNs) {
        countdown = every
        if (this.events > MAX_EVENTS) {
          throw new Error(`the simulation passed ${MAX_EVENTS} events at ${now} ns of ${this.durationNs} ns without ending; the model is stuck (please report this profile)`)
        }
        nextProgressNs = now + progressStepNs
        // a double from the first report on (sim/double-zero.ts): past 2^31 ns the report keeps its class
        this.options.onProgress?.({ simulatedNs: now + DOUBLE_ZERO, events: this.events, fraction: now / this.durationNs })
        if (this.options.shouldCancel?.() === true) {
          partial = true
          break
        }
      }
    }
    const endNs = partial ? this.clock.now : this.durationNs
    if (!partial) this.clock.advanceTo(endNs)
    this.owners.finish(endNs)
    for (const iso of this.isolated) iso.finish(endNs)
    const pending = this.drains.pending(endNs)
    if (check) checkEndInvariants(this, pending.length)
    this.options.onProgress?.({ simulatedNs: endNs, events: this.events, fraction: endNs / this.durationNs })
    return collectRunResult(this, endNs, partial, pending)
  }

  private start(): void {
    const p = this.profile
    const ceiling = Math.max(this.params.highMax, this.params.high) + this.params.batch
    for (const iso of this.isolated) {
      const asked = Math.min(iso.task?.initialPcpPages ?? 0, this.zone.freePages)
      const pages = startFillPages(this, iso.cpu, asked)
      this.startPagesNotPlaced += asked - pages
      this.pcp.fill(iso.cpu, pages, p.kernel.pcp.thpFraction, ceiling)
      this.zone.freePages -= pages
    }
    this.startPagesNotPlaced += this.hk.start(p.housekeeping.initialPcpPages, p.kernel.pcp.thpFraction)
    // ZONE_DMA32's lists start half-way between its batch and high: initialPcpPages sizes ZONE_NORMAL's
    if (this.dma32Load !== null) this.startPagesNotPlaced += this.dma32Load.start('auto', p.kernel.pcp.thpFraction)
    for (const iso of this.isolated) iso.start()
    this.sources.start()
    this.flushes.start()
    const q = this.queue
    if (this.policy.kind === 'rt-throttling' && this.isolated.some((i) => i.task !== null)) {
      // sched_rt_period_timer: every RT runqueue's budget is replenished
      schedulePeriodic(q, this.policy.rtPeriodNs, this.policy.rtPeriodNs, Simulation.rtPeriod, this)
    }
    // 6.7+ vmstat interval: refresh_cpu_vm_stats() runs decay_pcp_high() on housekeeping CPUs, auto-tuned or not
    // (with high fixed it frees only a count above high, as a refill on top of THP entries can leave)
    if (this.params.scaling === 'free-count') schedulePeriodic(q, VMSTAT_INTERVAL_NS, VMSTAT_INTERVAL_NS, Simulation.vmstatDecay, this)
    schedulePeriodic(q, 0, this.sampleEveryNs, Simulation.sample, this)
  }

  /** sched_rt_period_timer: every RT runqueue's budget is replenished */
  private onRtPeriod(now: number): void {
    for (const iso of this.isolated) iso.antiStarvation.onRtPeriod(now)
  }

  /** the page samples: the lists and the zone's free pages, the housekeeping CPUs caught up first */
  private onSample(now: number): void {
    this.owners.catchUpAll(now)
    this.stranded.record(now, this.pcpTotal)
    this.zoneFree.record(now, this.zone.freePages)
  }
}
