// How big one run (one experiment: sweep points × variants × seeds) may be. A request of a kilobyte could
// otherwise ask for millions of jobs and take the lab down. Every limit is far above what a real
// experiment needs, so that only a mistake reaches it; docs/limits.md says the same for users.

/** Seeds per run: 1000 seeds already give percentiles to 0.1 %; more is a typo or a script gone wrong. */
export const MAX_SEEDS = 1000

/**
 * Jobs per run: a 16 × 16 sweep of 4 variants and 10 seeds is 10 240 jobs. The lab holds every job's
 * result in memory until the run ends, and the UI lists them: 20 000 is hours of work and about 1 GB.
 */
export const MAX_JOBS_PER_RUN = 20_000

/** Simulated events per run, by the profile's estimate summed over the jobs: 10^11 is about an hour on 16 cores. */
export const MAX_EVENTS_PER_RUN = 100_000_000_000

/**
 * Windowed series points per run (two series per realtime task per job, one point per run.seriesWindowMs):
 * 5 million points is about 40 MB of results.json. A 10 s run with 100 ms windows and 8 tasks has 1600 per job.
 */
export const MAX_SERIES_POINTS_PER_RUN = 5_000_000
