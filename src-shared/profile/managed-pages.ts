// The zones of a profile's machine (one node): ZONE_NORMAL, whose pcplists the model runs, and, when
// machine.dmaZonesMiB is set, ZONE_DMA (the first 16 MiB on x86-64) and ZONE_DMA32 below it, which count for
// min_free_kbytes and its split by zone size; ZONE_DMA32's pcplists run too when housekeeping.dma32Share
// sends part of the housekeeping traffic there (docs/model.md §2.4). The profile's rules bound pcp->batch and pcp->high by
// ZONE_NORMAL's pages, and the engine sizes its zone with them.
import type { Profile } from './schema'

/** ZONE_DMA on x86-64: the first 16 MiB */
const ZONE_DMA_MIB = 16
/**
 * What ZONE_DMA manages of them: setup_arch() "unconditionally reserve[s] the entire first 1M of RAM"
 * (arch/x86/kernel/setup.c, read in 5.19.0), so 15 MiB — 3840 pages on this project's VM, as its zoneinfo says.
 */
const ZONE_DMA_MANAGED_MIB = 15

export interface MachineZones {
  /** ZONE_NORMAL's managed pages: the zone the model runs */
  normal: number
  /** every zone's managed pages: the lowmem of calculate_min_free_kbytes() and __setup_per_zone_wmarks() */
  lowmem: number
  /** populated zones, for set_recommended_min_free_kbytes() */
  populated: number
  /** ZONE_DMA32's managed pages (0: no such zone) */
  dma32: number
}

export function machineZones(machine: Pick<Profile['machine'], 'memoryGiB' | 'pageSizeKiB' | 'dmaZonesMiB'>): MachineZones {
  const pagesPerMiB = 1024 / machine.pageSizeKiB
  const lowmem = Math.floor(machine.memoryGiB * 1024 * pagesPerMiB)
  const below = Math.min(lowmem, Math.floor(machine.dmaZonesMiB * pagesPerMiB))
  const populated = 1 + (below > 0 ? 1 : 0) + (machine.dmaZonesMiB > ZONE_DMA_MIB ? 1 : 0)
  const dma = Math.min(below, ZONE_DMA_MANAGED_MIB * pagesPerMiB)
  return { normal: lowmem - below, lowmem, populated, dma32: below - dma }
}

/** ZONE_NORMAL's managed pages. */
export function managedPagesOf(profile: Pick<Profile, 'machine'>): number {
  return machineZones(profile.machine).normal
}
