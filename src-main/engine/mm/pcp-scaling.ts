// How consecutive frees and allocations size one zone->lock hold, and 6.7+ auto-tuning of high — models
// the per-page counters of rmqueue_pcplist() / free_unref_page_commit() and nr_pcp_free(), nr_pcp_high(),
// nr_pcp_alloc(), decay_pcp_high() in mm/page_alloc.c. Two generations (VariantTraits.pcpScaling):
// 'free-factor', 5.14–6.6 (3b12e7e97938 "mm/page_alloc: scale the number of pages that are batch freed"),
// and 'free-count', 6.7+ (Huang Ying's "mm: PCP high auto-tuning" series) — and what the zone's
// ZONE_RECLAIM_ACTIVE and ZONE_BELOW_HIGH bits change in them (mm/zone.ts). docs/model.md §2.1 and §2.3 say
// which trees each was read in.
import { pow2 } from '../../../src-shared/kernel/int-math'
import type { PageAllocator } from './page-allocator'

/** `x` after `n` successive `x >>= 1` (a JavaScript shift takes its count mod 32). */
export function halvedTimes(x: number, n: number): number {
  return n >= 31 ? 0 : x >> n
}

/** include/linux/minmax.h clamp(): min(max(v, lo), hi) — hi wins when lo > hi. */
function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi)
}

/** batch << CONFIG_PCP_BATCH_SCALE_MAX: free_count's cap (6.7+), in floating point (a 32-bit shift wraps). */
export function batchScaled(k: PageAllocator): number {
  return k.pcp.batch * pow2(k.params.batchScaleMax)
}

/** rmqueue_pcplist() `allocs` times (one call per order-0 page): each halves free_factor (≤ 6.6) or free_count (6.7+). */
export function countAllocations(k: PageAllocator, cpu: number, allocs: number): void {
  const pcp = k.pcp
  if (k.params.scaling === 'free-factor') pcp.freeFactor[cpu] = halvedTimes(pcp.freeFactor[cpu], allocs)
  else pcp.freeCount[cpu] = halvedTimes(pcp.freeCount[cpu], allocs)
}

/**
 * free_unref_page_commit() `commits` times, `pagesEach` base pages each (1 for an order-0 page, the THP
 * size for a THP entry). 6.7+: each halves alloc_factor and, while free_count is below the cap, adds its
 * pages to free_count (so a THP may overshoot the cap, as in the kernel). ≤ 6.6 counts nothing here.
 */
export function countFrees(k: PageAllocator, cpu: number, commits: number, pagesEach: number): void {
  if (k.params.scaling !== 'free-count' || commits === 0) return
  const pcp = k.pcp
  pcp.allocFactor[cpu] = halvedTimes(pcp.allocFactor[cpu], commits)
  const fc = pcp.freeCount[cpu]
  const cap = batchScaled(k)
  if (fc < cap) pcp.freeCount[cpu] = fc + Math.min(commits, Math.ceil((cap - fc) / pagesEach)) * pagesEach
}

/**
 * nr_pcp_high() on the free path, once per free_unref_page_commit(): the high that commit compares count
 * with. While kswapd reclaims (ZONE_RECLAIM_ACTIVE, 5.14+) it is at most batch << 2; 6.7+ also lowers
 * pcp->high by max(free_count, batch) towards high_min on every commit then, and with auto-tuning does the
 * same under ZONE_BELOW_HIGH, where a commit at count ≥ high_min frees. Otherwise, 6.7+ with auto-tuning, a
 * commit that finds count ≥ high raises pcp->high to free_count + batch (clamped to high_min..high_max), so
 * that the next burst of frees fits — but this commit still compares with the old high, and frees.
 */
export function nrPcpHigh(k: PageAllocator, cpu: number): number {
  const pcp = k.pcp
  const since67 = k.params.scaling === 'free-count'
  if (k.zone.reclaimActive) return Math.min(pcp.batch * 4, since67 ? lowerHigh(k, cpu) : pcp.high[cpu])
  const high = pcp.high[cpu]
  if (!k.params.autotune) return high
  if (since67 && k.zone.belowHigh) {
    lowerHigh(k, cpu)
    return Math.max(pcp.count[cpu], k.params.highMin)
  }
  if (pcp.count[cpu] >= high) {
    const need = pcp.freeCount[cpu] + pcp.batch
    if (high < need) pcp.high[cpu] = clamp(need, k.params.highMin, k.params.highMax)
  }
  return high
}

/** 6.7+ nr_pcp_high() under ZONE_RECLAIM_ACTIVE or ZONE_BELOW_HIGH: pcp->high = max(high − max(free_count, batch), high_min). */
function lowerHigh(k: PageAllocator, cpu: number): number {
  const pcp = k.pcp
  const high = Math.max(pcp.high[cpu] - Math.max(pcp.freeCount[cpu], pcp.batch), k.params.highMin)
  pcp.high[cpu] = high
  return high
}

/**
 * The count at which the CPU's next free_unref_page_commit() frees in bulk (or, 6.7+, raises high) — as long
 * as the commits before it change nothing but the counters: what the owner's free groups commits by and a
 * housekeeping CPU's walk of local bursts is bounded by (workload/local-run.ts). count + 1 while every commit
 * changes pcp->high (6.7+ lowers it towards high_min under ZONE_RECLAIM_ACTIVE or ZONE_BELOW_HIGH), so that
 * each runs alone.
 */
export function freeHighBound(k: PageAllocator, cpu: number): number {
  const pcp = k.pcp
  if (commitsLowerHigh(k, cpu)) return pcp.count[cpu] + 1
  if (!k.zone.reclaimActive) return k.zone.belowHigh && k.params.scaling === 'free-count' && k.params.autotune ? k.params.highMin : pcp.high[cpu]
  return Math.min(pcp.batch * 4, k.params.scaling === 'free-count' ? k.params.highMin : pcp.high[cpu])
}

/** 6.7+ under ZONE_RECLAIM_ACTIVE, or ZONE_BELOW_HIGH with auto-tuning: every commit lowers pcp->high until high_min. */
export function commitsLowerHigh(k: PageAllocator, cpu: number): boolean {
  if (k.params.scaling !== 'free-count' || k.pcp.high[cpu] <= k.params.highMin) return false
  return k.zone.reclaimActive || (k.params.autotune && k.zone.belowHigh)
}

/**
 * nr_pcp_free(): the pages one free_pcppages_bulk() takes when a commit finds count ≥ high. At least batch
 * stay on the list (high − batch at most); ≤ 6.6 frees batch << free_factor and doubles it for the next
 * bulk free without an allocation in between; 6.7+ frees free_count. high < batch (a disabled pcp) frees 1.
 */
export function nrPcpFree(k: PageAllocator, cpu: number, high: number): number {
  const pcp = k.pcp
  const batch = pcp.batch
  if (high < batch) return 1
  const max = high - batch
  if (k.params.scaling === 'free-count') return clamp(pcp.freeCount[cpu], batch, max)
  const ff = pcp.freeFactor[cpu]
  const scaled = batch * pow2(ff)
  if (scaled < max) pcp.freeFactor[cpu] = ff + 1
  return clamp(scaled, batch, max)
}

/**
 * The pages one rmqueue_bulk() refill takes for an order-0 allocation that found its list empty, with
 * `count` pages on the CPU's other lists. ≤ 6.6: batch. 6.7+ nr_pcp_alloc(): batch << alloc_factor, at
 * most what keeps count a batch below high (at least batch); alloc_factor doubles it for the next refill
 * without a free in between; with auto-tuning every refill first raises high by that much, to high_max.
 */
export function nrPcpAlloc(k: PageAllocator, cpu: number, count: number): number {
  const pcp = k.pcp
  const base = pcp.batch
  if (k.params.scaling === 'free-factor') return base
  let high = pcp.high[cpu]
  if (high < base) return 1
  const af = pcp.allocFactor[cpu]
  const batch = base * pow2(af)
  // "If we had larger pcp->high, we could avoid to allocate from zone" — not while the zone is below its high watermark
  if (k.params.autotune && !k.zone.belowHigh) high = pcp.high[cpu] = Math.min(high + batch, k.params.highMax)
  const maxNrAlloc = Math.max(high - count - base, base)
  if (batch <= maxNrAlloc && af < k.params.batchScaleMax) pcp.allocFactor[cpu] = af + 1
  return Math.min(batch, maxNrAlloc)
}

/**
 * decay_pcp_high() (6.7+, every vmstat interval): high falls by an eighth towards high_min — but not below
 * count − (batch << CONFIG_PCP_BATCH_SCALE_MAX), which bounds one decay's bulk free — and what the list
 * holds above it is to be freed. Returns the pages to free.
 */
export function decayPcpHigh(k: PageAllocator, cpu: number): number {
  const pcp = k.pcp
  const highMin = k.params.highMin
  const high = pcp.high[cpu]
  if (high > highMin) pcp.high[cpu] = Math.max(pcp.count[cpu] - batchScaled(k), high - (high >> 3), highMin)
  return Math.max(0, pcp.count[cpu] - pcp.high[cpu])
}
