// What a live run refuses before it starts, and why: it busy-loops real CPUs of a machine other people use,
// so its length is bounded, and it implements only the parts of the model it can do for real. Each refusal
// names the profile field to change.
import { pcpTuningOf, VARIANT_TRAITS } from '../../src-shared/kernel/variant-traits'
import type { Profile } from '../../src-shared/profile/schema'
import { isPcpDrainSource } from '../../src-shared/profile/drain-source-kinds'

/** A live run's longest durationMs: long enough for thousands of jobs, short enough that a mistake costs seconds. */
export const LIVE_MAX_DURATION_MS = 10_000
/** Page tokens at most: 1 Mi (8 MiB of shared memory for the store and where[]), far more than pcplists hold. */
export const LIVE_MAX_TOKENS = 1 << 20

export class LiveRefusal extends Error {}

export function checkLiveProfile(profile: Profile): void {
  if (profile.run.durationMs > LIVE_MAX_DURATION_MS) {
    throw new LiveRefusal(`run.durationMs is ${profile.run.durationMs} ms: a live run busy-loops real CPUs and is at most ${LIVE_MAX_DURATION_MS} ms — lower run.durationMs (e.g. --duration 2s)`)
  }
  const flush = profile.drainSources.find((s) => !isPcpDrainSource(s.kind))
  if (flush !== undefined) {
    throw new LiveRefusal(`drainSources has a "${flush.kind}" source: the live engine runs only drain_all_pages() (reclaim, cma, compaction, offline, once), not the other per-CPU flushes — remove that source, or run on the model engine`)
  }
}

/** What the live engine runs differently from the model for this profile, recorded in the results. */
export function liveNotes(profile: Profile, tokens: number, managedPages: number): string[] {
  const notes = [
    'interference: only the kworker share (drain work items running past a periodic task\'s release, a polling task\'s boost slots) and a polling task\'s throttled time are measured; the host\'s own noise is in the latencies but not attributed',
    'housekeeping zoneLockWaitNs and fastPathOverheadNs are not measured (empty / 0); allocFastPathNs is per page, averaged over each burst',
    'direct and direct-irqon run the same code: a JavaScript thread cannot disable IRQs',
    'no worst-sample breakdown or timeline (worst is null)',
    'refills and bulk frees move batch pages each: the free_factor / free_count scaling of nr_pcp_free() and nr_pcp_alloc() (docs/model.md §2) is not run'
  ]
  if (tokens < managedPages) notes.push(`the zone holds ${tokens} page tokens, not the profile's ${managedPages} managed pages (pcp batch/high are still derived from the latter)`)
  const tuned = profile.kernel.variants.filter((v) => pcpTuningOf(VARIANT_TRAITS[v], profile.kernel.pcp.autotune).autotune)
  if (tuned.length > 0) notes.push(`pcp->high auto-tuning (6.7+; ${tuned.join(', ')}) is not run: high stays at its derived value`)
  if (profile.kernel.pcp.thpFraction > 0) notes.push('kernel.pcp.thpFraction is ignored: every token is an order-0 page')
  if (profile.kernel.preemptRt || profile.kernel.pwLocks) notes.push('kernel.preemptRt and kernel.pwLocks are the model\'s (docs/model.md §3.1, §10): the live engine runs its work items the same either way')
  if (profile.rtTasks.some((t) => t.lruFoliosPerJob > 0 || t.dirtiesVmstat || t.chargesMemcg || t.allocatesSlab)) notes.push('the realtime tasks\' per-CPU flush state (lruFoliosPerJob, dirtiesVmstat, chargesMemcg, allocatesSlab) is the model\'s: the live engine runs no per-CPU flush but the pcp drain')
  if (profile.rtTasks.some((t) => t.mode === 'polling') && profile.kernel.antiStarvation.policy !== 'none') {
    notes.push('anti-starvation windows of a polling task are kept by its own loop on its clock (starvation-window.ts): a timer is seen after the job in progress, a boost slot runs its whole work item, and the host\'s own RT throttling of a SCHED_FIFO loop is not counted')
  }
  if (profile.rtTasks.some((t) => t.mode === 'periodic') && profile.kernel.antiStarvation.policy !== 'none') {
    notes.push('a periodic task is never throttled or boosted past: its CPU\'s kworker runs while it sleeps, whatever the policy')
  }
  if (profile.rtTasks.some((t) => t.mode === 'periodic')) notes.push('a periodic task\'s timer is Atomics.wait with a timeout (a futex wait), not an hrtimer: its wakeup latency includes the host\'s timer slack')
  return notes
}
