// What each kernel variant includes, in words: one row per variant for the CLI table, the Design view
// and the report, with the profile's overrides applied and marked.
import type { Profile, Variant } from '../profile/schema'
import { PER_CPU_FLUSHES, PER_CPU_FLUSH_INFO, type PerCpuFlush } from './per-cpu-flush'
import { antiStarvationOf, pcpTuningOf, VARIANT_TRAITS, type VariantTraits } from './variant-traits'

export interface VariantSummary {
  variant: Variant
  release: string
  releases: string
  note: string
  drain: string
  ownerLock: string
  listFree: string
  chunk: string
  scaling: string
  autotune: string
  antiStarvation: string
  /** the per-CPU flushes that still queue work on an isolated CPU holding their state */
  flushes: string
}

const DRAIN = { workqueue: 'kworker on each CPU (queue_work_on + flush_work)', remote: 'requester drains each CPU (pcp->lock)' } as const
const LIST_FREE = { 'local-lock': 'under local_lock', spin: 'spins on pcp->lock', 'trylock-fallback': 'trylock, buddy on failure' } as const
const SCALING = { 'free-factor': 'batch << free_factor', 'free-count': 'free_count / alloc_factor' } as const

/** The profile's kernel settings a summary reads. */
export interface KernelChoices {
  pcp: Pick<Profile['kernel']['pcp'], 'autotune' | 'batchScaleMax'>
  antiStarvation: Pick<Profile['kernel']['antiStarvation'], 'policy'>
  /** kernel.pwLocks: the LRU and SLUB flushes run remotely (pw_queue_on()) */
  pwLocks: boolean
}

/** The flushes that queue work on an isolated CPU under `t`, and those that no longer do, in words. */
function flushesInWords(t: VariantTraits, pwLocks: boolean): string {
  const remote: readonly PerCpuFlush[] = pwLocks ? ['lru', 'slab'] : []
  const label = (f: PerCpuFlush) => PER_CPU_FLUSH_INFO[f].label
  const queued = PER_CPU_FLUSHES.filter((f) => !t.flushSkipsIsolated.includes(f) && !remote.includes(f)).map(label)
  const notes = [
    ...(t.flushSkipsIsolated.length > 0 ? [`${t.flushSkipsIsolated.map(label).join(', ')} pass isolated CPUs over`] : []),
    ...(pwLocks ? ['LRU drain, SLUB flush remote (pw_queue_on, profile)'] : [])
  ]
  return `${queued.length > 0 ? queued.join(', ') : 'none'}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`
}

export function summarizeVariant(variant: Variant, kernel: KernelChoices): VariantSummary {
  const { autotune, batchScaleMax } = kernel.pcp
  const policy = kernel.antiStarvation.policy
  const t = VARIANT_TRAITS[variant]
  const tuning = pcpTuningOf(t, autotune)
  const overridden = autotune !== 'release' && (tuning.autotune !== t.autotune || tuning.scaling !== t.pcpScaling)
  return {
    variant,
    release: t.kernelRelease,
    releases: t.releases,
    note: t.note,
    drain: DRAIN[t.drainMechanism],
    ownerLock: t.pcpLock === 'local-lock' ? 'local_lock_irqsave' : `pcp->lock${t.pcpLockIrqsave ? ' (IRQs off)' : ''}, trylock${t.trylockFallback ? ' + buddy fallback' : ''}`,
    listFree: LIST_FREE[t.listFree],
    chunk: t.drainMechanism === 'workqueue' ? 'whole list, by the CPU\'s kworker, IRQs off' : t.drainChunk === 'whole-list' ? 'whole list per pcp->lock hold' : `batch << ${batchScaleMax} pages per pcp->lock hold`,
    scaling: SCALING[tuning.scaling] + (overridden && tuning.scaling !== t.pcpScaling ? ' (profile)' : ''),
    autotune: (tuning.autotune ? 'on' : 'off') + (overridden ? ' (profile)' : ''),
    antiStarvation: antiStarvationOf(t, policy) + (policy !== 'release' && policy !== t.antiStarvation ? ' (profile)' : ''),
    flushes: flushesInWords(t, kernel.pwLocks)
  }
}

/** The profile's anti-starvation policy in words, its sysctls where they apply. */
export function describePolicy(a: Profile['kernel']['antiStarvation']): string {
  const throttling = `rt-throttling ${a.runtimeUs}/${a.periodUs} µs`
  if (a.policy === 'release') return `as each release (${throttling} up to 6.11, the fair server from 6.12)`
  return a.policy === 'rt-throttling' ? throttling : a.policy
}

/** The columns of the summary, in order, with their headings. */
export const VARIANT_SUMMARY_COLUMNS: ReadonlyArray<[keyof VariantSummary, string]> = [
  ['variant', 'variant'], ['release', 'release'], ['releases', 'releases alike'], ['note', 'note'], ['drain', 'drain_all_pages'], ['ownerLock', 'owner pcp lock'],
  ['listFree', 'list free'], ['chunk', 'drain of a CPU'], ['scaling', 'bulk free/refill size'], ['autotune', 'high auto-tuning'], ['antiStarvation', 'anti-starvation'],
  ['flushes', 'flushes reaching isolated CPUs']
]
