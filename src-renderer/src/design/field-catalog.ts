// Every profile field the Design form shows: label, unit, the kernel's name for it (so a kernel
// engineer recognises the knob), a one-line explanation, and how it is edited. Defaults are not
// repeated here: they are read from the schema itself (field-defaults.ts), so they cannot drift.
import { ANTI_STARVATION_POLICIES, DRAIN_SOURCE_KINDS, RUN_ENGINES, VARIANTS, type DrainSourceKind } from '@shared/profile/schema'
import { KSWAPD_BALANCE_DEFAULT_MS } from '@shared/kernel/kswapd-balance'

export type FieldKind =
  | { type: 'number'; integer?: boolean; step?: number }
  /** "auto" or a number: pcp->batch, pcp->high, housekeeping initialPcpPages */
  | { type: 'auto-number' }
  /** `labels`: what an option shows when its value alone does not say it */
  | { type: 'select'; options: readonly (string | number | boolean)[]; labels?: Readonly<Record<string, string>> }
  | { type: 'multi'; options: readonly string[] }
  | { type: 'bool' }
  | { type: 'text'; multiline?: boolean }
  | { type: 'cpulist' }
  | { type: 'number-list' }

export interface FieldSpec {
  /** dotted path; `*` stands for a list index (rtTasks.*.cpu) */
  path: string
  label: string
  kind: FieldKind
  unit?: string
  kernel?: string
  help: string
  /** the help for the value chosen, where the options differ more than one line can say (a drain source's kind); `help` otherwise */
  helpFor?: (value: unknown) => string | undefined
  /** shown only under "more settings" */
  advanced?: boolean
  /** what an empty optional field means, when the schema has no plain default for it */
  whenEmpty?: string
}

const num = (integer = false): FieldKind => ({ type: 'number', integer })

/** What each drain source calls, said under its row for the kind chosen (drain-source-kinds.ts has the kernel paths). */
const DRAIN_SOURCE_HELP: Readonly<Record<DrainSourceKind, string>> = {
  reclaim: 'reclaim: a global drain_all_pages() from direct reclaim, each preceded by a kswapd balance (its lead and length beside; 0 turns it off).',
  cma: 'cma: alloc_contig_range() drains the zone\'s pcplists, then lru_cache_disable() flushes every CPU\'s LRU batches.',
  compaction: 'compaction: a zone drain_all_pages() from compaction.',
  offline: 'offline: offline_pages() drains the zone (forced), then lru_cache_disable().',
  once: 'once: a single global drain at "At".',
  lru: 'lru: lru_add_drain_all() (khugepaged, compact_memory, fadvise DONTNEED): the LRU flush only.',
  memcg: 'memcg: drain_all_stock(), a memory cgroup at its limit: the memcg stock flush only.',
  slab: 'slab: flush_all() (kmem_cache_shrink, a cache destroyed): the SLUB per-CPU flush only.',
  'stat-refresh': 'stat-refresh: a read of /proc/sys/vm/stat_refresh: refresh_vm_stats() on every CPU.'
}

/** The help a field shows for its value `value`. */
export function helpOf(spec: FieldSpec, value: unknown): string {
  return spec.helpFor?.(value) ?? spec.help
}

export const MACHINE_FIELDS: FieldSpec[] = [
  { path: 'name', label: 'Experiment name', kind: { type: 'text' }, help: 'Shown in History and used as the file name when saving.' },
  { path: 'description', label: 'Description', kind: { type: 'text', multiline: true }, help: 'What this experiment asks; kept in the profile file.' },
  { path: 'machine.cpus', label: 'CPUs', kind: num(true), unit: 'CPUs', kernel: 'nr_cpu_ids', help: 'Number of CPUs of the simulated machine (one NUMA node).' },
  { path: 'machine.isolated', label: 'Isolated CPUs', kind: { type: 'cpulist' }, unit: 'cpulist', kernel: 'isolcpus= nohz_full=', help: 'CPUs reserved for realtime tasks, kernel cpulist syntax (0-3,8,10-15:2). Or click the CPU map.' },
  { path: 'machine.memoryGiB', label: 'Memory', kind: num(), unit: 'GiB', kernel: 'zone->managed_pages', help: 'Managed memory of the node, every zone together; ZONE_NORMAL\'s share sets batch, high and the watermarks.' },
  { path: 'machine.dmaZonesMiB', label: 'ZONE_DMA + ZONE_DMA32', kind: num(), unit: 'MiB', kernel: 'ZONE_DMA32', help: 'Of that memory, what the zones below ZONE_NORMAL manage (x86-64: up to 4 GiB less the PCI hole; drainlab probe prints it); 0 = one ZONE_NORMAL. They share min_free_kbytes by size.', advanced: true },
  { path: 'machine.pageSizeKiB', label: 'Page size', kind: { type: 'select', options: [4, 16, 64] }, unit: 'KiB', kernel: 'PAGE_SIZE', help: 'Base page size; 4 KiB on x86, 16/64 KiB on some arm64 kernels.' },
  { path: 'machine.hz', label: 'Tick rate', kind: { type: 'select', options: [100, 250, 300, 1000] }, unit: 'Hz', kernel: 'CONFIG_HZ', help: 'Scheduler tick on the housekeeping CPUs (an isolated nohz_full CPU running a FIFO task has none): it delays housekeeping kworkers and remote drains.' },
  { path: 'machine.llcShared', label: 'Shared last-level cache', kind: { type: 'bool' }, kernel: 'cpus_share_cache()', help: 'Housekeeping and isolated CPUs share an LLC: queue_work_on may then skip the IPI (ttwu_queue_cond).' }
]

export const KERNEL_FIELDS: FieldSpec[] = [
  { path: 'kernel.variants', label: 'Drain variants to compare', kind: { type: 'multi', options: VARIANTS }, kernel: 'drain_all_pages()', help: 'workqueue ≤5.19 (kworker per CPU); direct 6.0–6.1 (remote drain under pcp->lock, IRQs off); direct-irqon 6.2–6.9; direct-chunked 6.10+.' },
  { path: 'kernel.antiStarvation.policy', label: 'Anti-starvation policy', kind: { type: 'select', options: ANTI_STARVATION_POLICIES }, help: 'How a starved kworker gets CPU time under a FIFO hog: as each release (RT throttling up to 6.11, charged by the 1 Hz remote tick on nohz_full; the fair server from 6.12), none (sched_rt_runtime_us = -1), RT throttling, the 6.12+ fair server, or stalld.' },
  { path: 'kernel.antiStarvation.runtimeUs', label: 'RT runtime', kind: num(), unit: 'µs', kernel: 'sched_rt_runtime_us', help: 'RT tasks may run this long per period before the RT runqueue is throttled (rt-throttling).' },
  { path: 'kernel.antiStarvation.periodUs', label: 'RT period', kind: num(), unit: 'µs', kernel: 'sched_rt_period_us', help: 'The throttling accounting period (rt-throttling).' },
  { path: 'kernel.antiStarvation.fairServerRuntimeUs', label: 'Fair server runtime', kind: num(), unit: 'µs', kernel: 'fair_server/cpuN/runtime', help: 'CFS time per period granted by the 6.12+ deadline server once CFS has starved (fair-server).', advanced: true },
  { path: 'kernel.antiStarvation.fairServerPeriodUs', label: 'Fair server period', kind: num(), unit: 'µs', kernel: 'fair_server/cpuN/period', help: 'Period of the fair server (fair-server).', advanced: true },
  { path: 'kernel.antiStarvation.stalldThresholdUs', label: 'stalld threshold', kind: num(), unit: 'µs', kernel: 'stalld -t', help: 'How long a thread starves before stalld boosts it (stalld).', advanced: true },
  { path: 'kernel.antiStarvation.stalldBoostRuntimeUs', label: 'stalld boost runtime', kind: num(), unit: 'µs', kernel: 'stalld -r', help: 'SCHED_DEADLINE runtime of the boost per boost period (stalld).', advanced: true },
  { path: 'kernel.antiStarvation.stalldBoostPeriodUs', label: 'stalld boost period', kind: num(), unit: 'µs', kernel: 'stalld -p', help: 'SCHED_DEADLINE period of the boost (stalld).', advanced: true },
  { path: 'kernel.antiStarvation.stalldBoostDurationUs', label: 'stalld boost duration', kind: num(), unit: 'µs', kernel: 'stalld -d', help: 'How long the boost lasts (stalld).', advanced: true },
  { path: 'kernel.pcp.batch', label: 'pcp batch', kind: { type: 'auto-number' }, unit: 'pages', kernel: 'pcp->batch', help: 'Pages moved per refill or free to the zone; auto = zone_batchsize() (63 above 1 GiB).' },
  { path: 'kernel.pcp.high', label: 'pcp high', kind: { type: 'auto-number' }, unit: 'pages', kernel: 'pcp->high', help: 'A CPU frees pages to the zone above this count; auto = zone_highsize().' },
  { path: 'kernel.pcp.highFraction', label: 'High fraction', kind: num(true), kernel: 'vm.percpu_pagelist_high_fraction', help: '0 = off; else high = managed pages / fraction (at least 8).' },
  { path: 'kernel.pcp.autotune', label: 'Auto-tune high (6.7+)', kind: { type: 'select', options: ['release', true, false], labels: { release: 'as each variant\'s release', true: 'on for every variant', false: 'off for every variant' } }, kernel: 'pcp->high_min/high_max', help: 'As the release (on from 6.7: direct-chunked), or forced: high grows through refills (nr_pcp_alloc) and to free_count + batch on frees (nr_pcp_high), and decays each vmstat interval (decay_pcp_high).' },
  { path: 'kernel.pcp.batchScaleMax', label: 'Batch scale max', kind: num(true), kernel: 'CONFIG_PCP_BATCH_SCALE_MAX', help: '0..6: caps 6.7+ free_count and alloc_factor, and a 6.10+ chunked remote drain, at batch << this.' },
  { path: 'kernel.pcp.thpFraction', label: 'THP share of lists', kind: { type: 'number', step: 0.05 }, unit: 'fraction', kernel: 'PCP THP lists (order 9)', help: 'Share of pcplist pages held as THP-sized entries; drain cost scales with entries.' },
  { path: 'kernel.ipiOnQueue', label: 'IPI on queue_work_on', kind: { type: 'select', options: ['always', 'cross-llc', 'never'] }, kernel: 'ttwu_queue_cond()', help: 'Whether queueing a drain work item IPIs the isolated CPU.' },
  { path: 'kernel.thp', label: 'Transparent huge pages', kind: { type: 'bool' }, kernel: 'set_recommended_min_free_kbytes()', help: 'transparent_hugepage always or madvise: khugepaged raises min_free_kbytes to 11 pageblocks per populated zone, raising every watermark and high_min.' },
  { path: 'kernel.preemptRt', label: 'PREEMPT_RT kernel', kind: { type: 'bool' }, kernel: 'CONFIG_PREEMPT_RT', help: 'Sleeping local_lock and spinlock_t with priority inheritance, IRQs kept on: a kworker\'s work on an isolated CPU yields to the realtime task, unless the task\'s job needs the lock the kworker holds.' },
  { path: 'kernel.pwLocks', label: 'Remote per-CPU work (pw_queue_on)', kind: { type: 'bool' }, kernel: 'pw_queue_on() (PATCH v4, 2026, not merged)', help: 'The proposed Per-CPU Work helpers: LRU and SLUB flushes lock the target CPU\'s state and do its work remotely instead of queueing a kworker there.' }
]

export const COST_FIELDS: FieldSpec[] = ([
  { path: 'kernel.costs.tPageLocalNs', label: 'Free a page, local', kind: num(), unit: 'ns', kernel: 'free_pcppages_bulk()', help: 'Per order-0 page freed by its own CPU (workqueue drain).' },
  { path: 'kernel.costs.tPageRemoteNs', label: 'Free a page, remote', kind: num(), unit: 'ns', kernel: 'free_pcppages_bulk()', help: 'Per order-0 page freed by another CPU (cold cache lines).' },
  { path: 'kernel.costs.tThpEntryNs', label: 'Free a THP entry', kind: num(), unit: 'ns', help: 'Per THP-sized list entry freed.' },
  { path: 'kernel.costs.ipiNs', label: 'IPI', kind: num(), unit: 'ns', kernel: 'smp_call_function', help: 'IPI delivery and handler on the target CPU.' },
  { path: 'kernel.costs.kworkerWakeSwitchNs', label: 'kworker wake + switches', kind: num(), unit: 'ns', kernel: 'mm_percpu_wq', help: 'Wake-up, two context switches and work dispatch on the target CPU.' },
  { path: 'kernel.costs.cacheRefillNs', label: 'Cache refill penalty', kind: num(), unit: 'ns', help: 'Extra time for the RT task after a kworker ran on its CPU (estimate, 0–5 µs).' },
  { path: 'kernel.costs.fastPathOverhead', label: 'Fast-path overhead', kind: { type: 'number', step: 0.001 }, unit: 'fraction', kernel: 'pcp->lock', help: 'Added to every owner alloc/free by the spinlock designs (0.005 = 0.5 %).' },
  { path: 'kernel.costs.ownerCriticalSectionNs', label: 'Owner critical section', kind: num(), unit: 'ns', help: 'Owner pcp alloc/free critical section.' },
  { path: 'kernel.costs.zoneLockNs', label: 'zone->lock acquire+release', kind: num(), unit: 'ns', kernel: 'zone->lock', help: 'Uncontended acquire and release.' },
  { path: 'kernel.costs.rmqueueBulkNs', label: 'Refill a batch', kind: num(), unit: 'ns', kernel: 'rmqueue_bulk()', help: 'Refill of batch pages from the buddy allocator.' },
  { path: 'kernel.costs.buddyOpNs', label: 'Buddy operation', kind: num(), unit: 'ns', kernel: '__rmqueue()', help: 'One buddy alloc or free (the fallback path).' },
  { path: 'kernel.costs.tickNs', label: 'Tick', kind: num(), unit: 'ns', kernel: 'tick_sched_timer', help: 'Cost of one scheduler tick on a housekeeping CPU; it adds to drain times, not to the isolated CPUs.' },
  { path: 'kernel.costs.timerLatencyMinNs', label: 'Timer latency min', kind: num(), unit: 'ns', kernel: 'hrtimer', help: 'Lower bound of the baseline timer wake-up latency.' },
  { path: 'kernel.costs.timerLatencyMaxNs', label: 'Timer latency max', kind: num(), unit: 'ns', kernel: 'hrtimer', help: 'Upper bound of the baseline timer wake-up latency.' },
  { path: 'kernel.costs.lruDrainNs', label: 'LRU drain, empty', kind: num(), unit: 'ns', kernel: 'lru_add_drain_per_cpu', help: 'The LRU drain work function with no folios to move.' },
  { path: 'kernel.costs.lruFolioNs', label: 'LRU drain, per folio', kind: num(), unit: 'ns', kernel: 'folio_batch_move_lru()', help: 'Each folio the LRU drain moves from the CPU\'s batch to the LRU.' },
  { path: 'kernel.costs.vmstatUpdateNs', label: 'vmstat update', kind: num(), unit: 'ns', kernel: 'vmstat_update', help: 'Folding a CPU\'s vmstat differentials (refresh_cpu_vm_stats).' },
  { path: 'kernel.costs.memcgDrainNs', label: 'memcg stock drain', kind: num(), unit: 'ns', kernel: 'drain_local_stock', help: 'Returning a CPU\'s memcg charge stock.' },
  { path: 'kernel.costs.slabFlushNs', label: 'SLUB CPU slab flush', kind: num(), unit: 'ns', kernel: 'flush_cpu_slab', help: 'Returning a CPU\'s CPU slab and partial list of one cache.' }
] satisfies FieldSpec[]).map((f) => ({ ...f, advanced: true }))

export const TASK_FIELDS: FieldSpec[] = [
  { path: 'rtTasks.*.name', label: 'Name', kind: { type: 'text' }, kernel: 'comm', help: 'Unique name of the task.' },
  { path: 'rtTasks.*.mode', label: 'Mode', kind: { type: 'select', options: ['periodic', 'polling'] }, help: 'periodic: cyclictest-like, sleeps between jobs; polling: oslat/DPDK-like, never sleeps.' },
  { path: 'rtTasks.*.priority', label: 'Priority', kind: num(true), kernel: 'SCHED_FIFO sched_priority', help: 'FIFO priority 1..99.' },
  { path: 'rtTasks.*.periodUs', label: 'Period', kind: num(), unit: 'µs', help: 'Release period (periodic) or work arrival interval (polling).' },
  { path: 'rtTasks.*.runtimeUs', label: 'Runtime', kind: num(), unit: 'µs', help: 'Execution time per job: a fixed value or a distribution.' },
  { path: 'rtTasks.*.deadlineUs', label: 'Deadline', kind: num(), unit: 'µs', help: 'Relative to release; empty = the period.', whenEmpty: 'the period' },
  { path: 'rtTasks.*.allocsPerJob', label: 'Allocations per job', kind: num(true), unit: 'pages', kernel: 'alloc_pages()', help: 'Page allocations and frees per job; 0 = a task that does not allocate.' },
  { path: 'rtTasks.*.initialPcpPages', label: 'pcplist pages at start', kind: num(true), unit: 'pages', kernel: 'pcp->count', help: 'Pages left on this CPU\'s pcplist when the task started: what a drain must free.' },
  { path: 'rtTasks.*.missPolicy', label: 'On a missed deadline', kind: { type: 'select', options: ['continue', 'skip-next', 'abort-job'] }, help: 'continue the late job, skip the next release, or abort the job.' },
  { path: 'rtTasks.*.lruFoliosPerJob', label: 'LRU folios per job', kind: num(true), unit: 'folios', kernel: 'folio_batch_add_and_move()', help: 'Folios each job adds to its CPU\'s LRU batches (faults on new anonymous memory, mlock): the CPU becomes a target of lru_add_drain_all().', advanced: true },
  { path: 'rtTasks.*.dirtiesVmstat', label: 'Dirties vmstat counters', kind: { type: 'bool' }, kernel: 'vm_stat_diff', help: 'Each job changes vmstat counters (syscalls, faults): vmstat_shepherd() queues vmstat_update on the CPU (to 6.4; skipped on isolated CPUs from 6.5).', advanced: true },
  { path: 'rtTasks.*.chargesMemcg', label: 'Charges a memory cgroup', kind: { type: 'bool' }, kernel: 'memcg_stock', help: 'The task charges memory in a cgroup: drain_all_stock() queues work on its CPU (to 6.3; skipped on isolated CPUs from 6.4).', advanced: true },
  { path: 'rtTasks.*.allocatesSlab', label: 'Allocates slab objects', kind: { type: 'bool' }, kernel: 'kmem_cache_cpu', help: 'Each job allocates slab objects: its CPU holds a CPU slab that flush_all() flushes with a work item.', advanced: true }
]

export const HOUSEKEEPING_FIELDS: FieldSpec[] = [
  { path: 'housekeeping.allocRatePagesPerSec', label: 'Allocation rate', kind: num(), unit: 'pages/s per CPU', kernel: 'alloc_pages()', help: 'Page allocations on each housekeeping CPU.' },
  { path: 'housekeeping.freeRatePagesPerSec', label: 'Free rate', kind: num(), unit: 'pages/s per CPU', kernel: 'free_unref_page()', help: 'Page frees on each housekeeping CPU.' },
  { path: 'housekeeping.initialPcpPages', label: 'pcplist pages at start', kind: { type: 'auto-number' }, unit: 'pages', kernel: 'pcp->count', help: 'On each housekeeping CPU; auto = halfway between batch and high.' },
  { path: 'housekeeping.dma32Share', label: 'Share in ZONE_DMA32', kind: { type: 'number', step: 0.05 }, unit: 'fraction', kernel: 'for_each_populated_zone()', help: 'Share of each housekeeping CPU\'s allocations and frees that are ZONE_DMA32 pages: their lists, drained with ZONE_NORMAL\'s by drain_all_pages(NULL). Needs ZONE_DMA + ZONE_DMA32 above 16 MiB; drainlab probe shows what a machine keeps there.', advanced: true }
]

export const DRAIN_SOURCE_FIELDS: FieldSpec[] = [
  { path: 'drainSources.*.kind', label: 'Source', kind: { type: 'select', options: DRAIN_SOURCE_KINDS }, kernel: 'drain_all_pages()', help: 'What requests the drain or the per-CPU flush.', helpFor: (kind) => DRAIN_SOURCE_HELP[kind as DrainSourceKind] },
  { path: 'drainSources.*.ratePerSec', label: 'Rate', kind: num(), unit: '/s', help: 'Poisson arrival rate (not for "once"); the series\' stress test used 100/s.', whenEmpty: 'needed (not once)' },
  { path: 'drainSources.*.atMs', label: 'At', kind: num(), unit: 'ms', help: 'When a "once" drain fires.', whenEmpty: 'once only' },
  { path: 'drainSources.*.cpu', label: 'On CPU', kind: num(true), help: 'The housekeeping CPU requesting the drain; empty = the first housekeeping CPU.', whenEmpty: 'first housekeeping' },
  { path: 'drainSources.*.kswapdLeadMs', label: 'kswapd lead', kind: num(), unit: 'ms', kernel: 'balance_pgdat()', help: 'reclaim only: how long before each drain kswapd\'s balance begins (measured here: 27.7 ms, median of 217 drains).', whenEmpty: `${KSWAPD_BALANCE_DEFAULT_MS.lead} (measured)`, advanced: true },
  { path: 'drainSources.*.kswapdBalanceMs', label: 'kswapd balance', kind: { type: 'number', step: 0.1 }, unit: 'ms', kernel: 'ZONE_RECLAIM_ACTIVE', help: 'reclaim only: how long the balance holds ZONE_RECLAIM_ACTIVE: a CPU that frees keeps at most 4 × batch pages then, and 6.7+ lowers its high to high_min. 0: no balance.', whenEmpty: `${KSWAPD_BALANCE_DEFAULT_MS.balance} (measured)`, advanced: true }
]

export const RUN_FIELDS: FieldSpec[] = [
  { path: 'run.durationMs', label: 'Duration', kind: num(), unit: 'ms', help: 'Simulated time per job (variant × seed).' },
  { path: 'run.warmupMs', label: 'Warm-up', kind: num(), unit: 'ms', help: 'Simulated time discarded before measuring.' },
  { path: 'run.seeds', label: 'Seeds', kind: { type: 'number-list' }, help: 'One job per seed and variant; the same seed gives the same result.' },
  { path: 'run.seriesWindowMs', label: 'Series window', kind: num(), unit: 'ms', help: 'Window of the max-per-window and misses-per-window series (OSADL plots use 1 s or more).' },
  { path: 'run.timelineWindowMs', label: 'Timeline window', kind: num(), unit: 'ms', help: 'Width of the timeline excerpt around the worst sample.' },
  { path: 'run.engine', label: 'Engine', kind: { type: 'select', options: RUN_ENGINES }, help: 'model: the simulation. live: real worker threads pinned to this machine\'s CPUs and real spinlocks, at most 10 s, one job at a time (docs/live-engine.md).' },
  { path: 'run.liveFifo', label: 'Live: SCHED_FIFO loops', kind: { type: 'bool' }, kernel: 'chrt -f', help: 'Live engine only: run the realtime loops SCHED_FIFO at their priority where the host permits; the results say what it got.' },
  { path: 'run.liveRequirePinning', label: 'Live: require pinning', kind: { type: 'bool' }, kernel: 'taskset / chrt -f', help: 'Live engine only: fail the run before it starts if the host refuses to pin a worker or to run a loop SCHED_FIFO (as asked); off, it runs with what the host allows and says so.' },
  { path: 'run.checkInvariants', label: 'Check invariants', kind: { type: 'bool' }, help: 'Check page conservation and the other model invariants after every event (slower).' }
]

/** Fields a sweep can vary (sweep.parameters[].path): numbers, and the policy by name. */
export const SWEEPABLE_PATHS: string[] = [
  'kernel.pcp.high', 'kernel.pcp.batch', 'kernel.pcp.batchScaleMax', 'kernel.pcp.thpFraction', 'machine.cpus', 'machine.memoryGiB',
  'kernel.antiStarvation.policy', 'kernel.antiStarvation.runtimeUs', 'kernel.antiStarvation.periodUs', 'housekeeping.allocRatePagesPerSec', 'housekeeping.freeRatePagesPerSec',
  'housekeeping.initialPcpPages', 'drainSources.0.ratePerSec', 'rtTasks.0.periodUs', 'rtTasks.0.runtimeUs', 'rtTasks.0.allocsPerJob', 'rtTasks.0.initialPcpPages',
  'kernel.costs.fastPathOverhead', 'kernel.costs.tPageRemoteNs', 'kernel.costs.kworkerWakeSwitchNs',
  // a sweep over false/true puts a release with and without the change side by side
  'kernel.pwLocks', 'kernel.preemptRt', 'kernel.thp', 'rtTasks.0.lruFoliosPerJob'
]

/** The spec for a concrete path: rtTasks.3.cpu → rtTasks.*.cpu. */
export function specFor(path: string): FieldSpec | undefined {
  const generic = path.replace(/\.\d+\./g, '.*.')
  return [...MACHINE_FIELDS, ...KERNEL_FIELDS, ...COST_FIELDS, ...TASK_FIELDS, ...HOUSEKEEPING_FIELDS, ...DRAIN_SOURCE_FIELDS, ...RUN_FIELDS]
    .find((f) => f.path === generic)
}

export const concretePath = (spec: FieldSpec, index: number): string => spec.path.replace('*', String(index))
