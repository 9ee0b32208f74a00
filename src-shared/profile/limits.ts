// The bounds of a profile's numbers: what the kernel accepts where it has a limit, and what the engine can
// represent (it keeps time in whole ns in doubles, page counts in Int32Arrays). A value outside them is
// refused with its field's path instead of giving negative pages, `null` in results or a run that never ends.

/** INT_MAX: sysctls read with proc_dointvec_minmax and struct per_cpu_pages' int fields stop here. */
export const INT_MAX = 2_147_483_647

/** The engine's resolution: µs become whole ns, so a duration under 0.5 ns would round to a zero-length step. */
export const MIN_DURATION_US = 0.001

/**
 * One hour, the longest duration of any kind (task period, deadline, slice, stalld windows). Every time in a
 * run is a sum of a few of these and of the run's length, all far below 2^53 ns, so they stay exact integers.
 */
export const MAX_DURATION_US = 3_600_000_000

/**
 * A CFS/EEVDF slice: 1 s, hundreds of times the default base_slice (0.75 ms scaled by CPUs). A woken kworker
 * waits cfsRunnable slices, so this keeps that wait (at most 10^4 slices) an exact integer in ns.
 */
export const MAX_CFS_SLICE_US = 1_000_000

/** The longest simulated run, 1 hour (3.6e12 ns); a real experiment runs seconds to minutes. */
export const MAX_RUN_MS = 3_600_000

/** The shortest simulated run: 1 µs, as a run shorter than its own event costs measures nothing. */
export const MIN_RUN_MS = 0.001

/**
 * kernel/sched/debug.c, fair_server_period_min and fair_server_period_max: 100 µs to 2^22 µs (~4.2 s).
 * SCHED_DEADLINE (stalld's boost) has the same default range (sysctl_sched_dl_period_min/max).
 */
export const DL_PERIOD_MIN_US = 100
export const DL_PERIOD_MAX_US = 4_194_304

/** __checkparam_dl(): a SCHED_DEADLINE runtime is at least 1 << DL_SCALE ns. */
export const DL_RUNTIME_MIN_US = 1.024

/** Any modelled cost, ns: real ones are under 10 µs; 1 ms leaves room for what-ifs while a drain of INT_MAX pages stays below 2^53 ns. */
export const MAX_COST_NS = 1_000_000

/** Housekeeping page rates: 1e9 pages/s is 4 TB/s of 4 KiB pages, beyond any memory bandwidth. */
export const MAX_PAGE_RATE_PER_SEC = 1_000_000_000

/** Drain requests per second per source: a million is already one per µs. */
export const MAX_DRAIN_RATE_PER_SEC = 1_000_000

/** A kswapd balance and its lead before a reclaim drain: a minute is far past either (measured: 0.4 ms and 28 ms). */
export const MAX_KSWAPD_MS = 60_000

/** Pages one realtime job allocates: 2^20 is 4 GiB of 4 KiB pages per job. */
export const MAX_ALLOCS_PER_JOB = 1_048_576

/** The smallest zone: 1 MiB (256 pages of 4 KiB), already one that runs dry at once (tests/engine/zone-exhaustion). */
export const MIN_MEMORY_GIB = 1 / 1024

/** Drain sources in one profile: each is a random stream and a line in every table. */
export const MAX_DRAIN_SOURCES = 64

/**
 * Pages placed on one CPU's lists at start: 2^20 (4 GiB of 4 KiB pages), hundreds of times any real pcp->high.
 * A list above high is freed batch by batch on its next free (free_unref_page_commit), so this also bounds
 * that catch-up to a million steps even at batch 1.
 */
export const MAX_INITIAL_PCP_PAGES = 1_048_576
