// The derived per-CPU page list parameters of a profile — models zone_pcp_init() /
// zone_set_pageset_high_and_batch(): batch and high from the kernel's formulas unless overridden.
import { managedPagesOf } from '../../../src-shared/profile/managed-pages'
import type { Profile } from '../../../src-shared/profile/schema'
import type { PcpParams } from '../../../src-shared/results/types'
import { setupPerZoneWmarks } from './watermarks'
import { zoneBatchsize } from './zone-batchsize'
import { zoneHighMax, zoneHighsize } from './zone-highsize'

export interface DerivedPcp extends PcpParams {
  /** 6.7+ high_min: where auto-tuned high starts and decays to. */
  highMin: number
  /** auto-tuning on: no manual high, no high_fraction */
  autotune: boolean
  /** base pages in one THP-sized (pageblock order) entry */
  thpPages: number
}

export function derivePcpParams(profile: Profile): DerivedPcp {
  const managedPages = managedPagesOf(profile)
  const { pageSizeKiB, cpus } = profile.machine
  const pcp = profile.kernel.pcp
  const wm = setupPerZoneWmarks(managedPages, pageSizeKiB)
  const batch = pcp.batch === 'auto' ? zoneBatchsize(managedPages, pageSizeKiB) : pcp.batch
  const autoHigh = zoneHighsize(managedPages, wm.low, batch, cpus, pcp.highFraction)
  const high = pcp.high === 'auto' ? autoHigh : pcp.high
  // setting percpu_pagelist_high_fraction (or a manual high) turns auto-tuning off: high_min = high_max
  const autotune = pcp.autotune && pcp.highFraction === 0 && pcp.high === 'auto'
  const highMax = autotune ? Math.max(high, zoneHighMax(managedPages, batch, cpus)) : high
  return {
    managedPages, batch, high, highMax, highMin: high,
    wmarkMin: wm.min, wmarkLow: wm.low, wmarkHigh: wm.high,
    autotune,
    // a THP is 2 MiB: pageblock order 9 with 4 KiB pages
    thpPages: Math.max(1, Math.floor(2048 / pageSizeKiB))
  }
}
