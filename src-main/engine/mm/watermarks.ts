// Zone watermarks — models calculate_min_free_kbytes(), set_recommended_min_free_kbytes() (mm/khugepaged.c)
// and __setup_per_zone_wmarks() of mm/page_alloc.c for ZONE_NORMAL of one node (no highmem).
import { intSqrt } from '../../../src-shared/kernel/int-math'

export interface Watermarks {
  minFreeKbytes: number
  min: number
  low: number
  high: number
}

/** vm.watermark_scale_factor default: 10 (0.1 % of the zone). */
export const WATERMARK_SCALE_FACTOR = 10

/** calculate_min_free_kbytes(): int_sqrt(lowmem_kbytes * 16), clamped to [128, 262144] KiB. */
export function calculateMinFreeKbytes(managedPages: number, pageSizeKiB: number): number {
  const lowmemKbytes = managedPages * pageSizeKiB
  const v = intSqrt(lowmemKbytes * 16)
  return Math.min(262144, Math.max(128, v))
}

/**
 * set_recommended_min_free_kbytes() (mm/khugepaged.c, 5.19–6.12 alike) with THP on: 2 pageblocks per populated
 * zone up to ZONE_NORMAL free, plus MIGRATE_PCPTYPES² (9) almost free of another type — 11 pageblocks a zone —
 * at most 5 % of lowmem. It only ever raises min_free_kbytes. A pageblock is a THP: 2 MiB.
 */
export function recommendedMinFreeKbytes(populatedZones: number, lowmemPages: number, pageSizeKiB: number): number {
  const pageblockPages = Math.max(1, Math.floor(2048 / pageSizeKiB))
  const pages = Math.min(pageblockPages * populatedZones * (2 + 3 * 3), Math.floor(lowmemPages / 20))
  return pages * pageSizeKiB
}

/** The node's zones as the watermark code sees them (src-shared/profile/managed-pages.ts MachineZones). */
export interface ZoneSizes {
  /** the zone whose watermarks are wanted */
  zoneManaged: number
  /** every zone's managed pages */
  lowmem: number
  populated: number
}

/**
 * __setup_per_zone_wmarks() for one zone of the node: min_free_kbytes (calculate_min_free_kbytes(), raised by
 * set_recommended_min_free_kbytes() when `thp`) split over the zones by managed pages —
 * tmp = pages_min * zone_managed_pages(zone) / lowmem_pages — and low / high a gap of
 * max(min / 4, managed * watermark_scale_factor / 10000) above it (5.19–6.12 alike).
 */
export function setupZoneWmarks(z: ZoneSizes, thp: boolean, pageSizeKiB: number): Watermarks {
  const computed = calculateMinFreeKbytes(z.lowmem, pageSizeKiB)
  const minFreeKbytes = thp ? Math.max(computed, recommendedMinFreeKbytes(z.populated, z.lowmem, pageSizeKiB)) : computed
  // pages_min = min_free_kbytes >> (PAGE_SHIFT - 10)
  const pagesMin = Math.floor(minFreeKbytes / pageSizeKiB)
  const min = z.lowmem === 0 ? 0 : Math.floor((pagesMin * z.zoneManaged) / z.lowmem)
  const gap = Math.max(Math.floor(min / 4), Math.floor((z.zoneManaged * WATERMARK_SCALE_FACTOR) / 10000))
  return { minFreeKbytes, min, low: min + gap, high: min + 2 * gap }
}

/** __setup_per_zone_wmarks() for a node of one zone: it gets all of min_free_kbytes. */
export function setupPerZoneWmarks(managedPages: number, pageSizeKiB: number): Watermarks {
  return setupZoneWmarks({ zoneManaged: managedPages, lowmem: managedPages, populated: 1 }, false, pageSizeKiB)
}
