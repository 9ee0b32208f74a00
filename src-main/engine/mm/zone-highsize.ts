// pcp->high — models zone_highsize() (5.14–6.6, = 6.7+ high_min) and the 6.7+ high_max of
// zone_set_pageset_high_and_batch() in mm/page_alloc.c.

/** MIN_PERCPU_PAGELIST_HIGH_FRACTION */
export const MIN_PERCPU_PAGELIST_HIGH_FRACTION = 8

/** zone_highsize(): low watermark (or managed / high_fraction) split over the node's CPUs, at least 4 * batch. */
export function zoneHighsize(managedPages: number, lowWmark: number, batch: number, nrCpus: number, highFraction: number): number {
  const total = highFraction > 0 ? Math.floor(managedPages / highFraction) : lowWmark
  const high = Math.floor(total / Math.max(1, nrCpus))
  return Math.max(high, batch * 4)
}

/** 6.7+ high_max: what percpu_pagelist_high_fraction = 8 would give, managed / 8 / nr_cpus (at least 4 * batch). */
export function zoneHighMax(managedPages: number, batch: number, nrCpus: number): number {
  return zoneHighsize(managedPages, 0, batch, nrCpus, MIN_PERCPU_PAGELIST_HIGH_FRACTION)
}
