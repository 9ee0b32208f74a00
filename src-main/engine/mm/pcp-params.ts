// The derived per-CPU page list parameters of a profile — models zone_pcp_init() /
// zone_set_pageset_high_and_batch(): batch and high from the kernel's formulas unless overridden.
import { machineZones, type MachineZones } from '../../../src-shared/profile/managed-pages'
import type { PcpTuning } from '../../../src-shared/kernel/variant-traits'
import type { Profile } from '../../../src-shared/profile/schema'
import type { PcpParams } from '../../../src-shared/results/types'
import { setupZoneWmarks } from './watermarks'
import { zoneBatchsize } from '../../../src-shared/kernel/zone-batchsize'
import { zoneHighMax, zoneHighsize } from './zone-highsize'

export interface DerivedPcp extends PcpParams {
  /** 6.7+ high_min: where auto-tuned high starts and decays to. */
  highMin: number
  /** auto-tuning on: the release (or the profile) has it, and no manual high, no high_fraction */
  autotune: boolean
  /** how consecutive frees and allocations scale a zone->lock hold (VariantTraits.pcpScaling) */
  scaling: PcpTuning['scaling']
  /** CONFIG_PCP_BATCH_SCALE_MAX: 6.7+ caps free_count and alloc_factor with it, 6.10+ a remote drain chunk */
  batchScaleMax: number
  /** base pages in one THP-sized (pageblock order) entry */
  thpPages: number
}

/**
 * ZONE_DMA32's pagesets, from the kernel's formulas for that zone's managed pages and watermarks (the profile's
 * manual batch and high are ZONE_NORMAL's; percpu_pagelist_high_fraction, a sysctl, applies to every zone).
 */
export function deriveDma32PcpParams(profile: Profile, tuning: PcpTuning): DerivedPcp {
  const zones = machineZones(profile.machine)
  const formulas = { ...profile, kernel: { ...profile.kernel, pcp: { ...profile.kernel.pcp, batch: 'auto' as const, high: 'auto' as const } } }
  return derivePcpParams(formulas, tuning, { ...zones, normal: zones.dma32 })
}

/**
 * `tuning`: the variant's (pcpTuningOf); the default, no auto-tuning, is what a 5.14–6.6 release derives.
 * `zones`: the node's zones, by default the profile machine's (its ZONE_NORMAL is the zone derived); the probe
 * passes a real machine's, to derive any of its zones.
 */
export function derivePcpParams(profile: Profile, tuning: PcpTuning = { scaling: 'free-factor', autotune: false }, zones: Pick<MachineZones, 'normal' | 'lowmem' | 'populated'> = machineZones(profile.machine)): DerivedPcp {
  const managedPages = zones.normal
  const { pageSizeKiB, cpus } = profile.machine
  const pcp = profile.kernel.pcp
  const wm = setupZoneWmarks({ zoneManaged: managedPages, lowmem: zones.lowmem, populated: zones.populated }, profile.kernel.thp, pageSizeKiB)
  const batch = pcp.batch === 'auto' ? zoneBatchsize(managedPages, pageSizeKiB) : pcp.batch
  const autoHigh = zoneHighsize(managedPages, wm.low, batch, cpus, pcp.highFraction)
  const high = pcp.high === 'auto' ? autoHigh : pcp.high
  // setting percpu_pagelist_high_fraction (or a manual high) turns auto-tuning off: high_min = high_max
  const autotune = tuning.autotune && pcp.highFraction === 0 && pcp.high === 'auto'
  const highMax = autotune ? Math.max(high, zoneHighMax(managedPages, batch, cpus)) : high
  return {
    managedPages, batch, high, highMax, highMin: high,
    wmarkMin: wm.min, wmarkLow: wm.low, wmarkHigh: wm.high,
    autotune,
    scaling: tuning.scaling,
    batchScaleMax: pcp.batchScaleMax,
    // a THP is 2 MiB: pageblock order 9 with 4 KiB pages
    thpPages: Math.max(1, Math.floor(2048 / pageSizeKiB))
  }
}
