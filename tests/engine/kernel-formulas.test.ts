// The kernel's pcp formulas against hand-computed values (docs/model.md §2) and a real machine's /proc/zoneinfo.
import { describe, expect, it } from 'vitest'
import { intSqrt, pow2, rounddownPowOfTwo } from '../../src-shared/kernel/int-math'
import { calculateMinFreeKbytes, setupPerZoneWmarks, setupZoneWmarks } from '../../src-main/engine/mm/watermarks'
import { deriveDma32PcpParams, derivePcpParams } from '../../src-main/engine/mm/pcp-params'
import { machineZones } from '../../src-shared/profile/managed-pages'
import { pcpTuningOf, VARIANT_TRAITS } from '../../src-shared/kernel/variant-traits'
import { profileOf } from './support/engine-profiles'
import { zoneBatchsize } from '../../src-shared/kernel/zone-batchsize'
import { zoneHighMax, zoneHighsize } from '../../src-main/engine/mm/zone-highsize'
import { freePcppagesBulkNs } from '../../src-main/engine/mm/free-pcppages-bulk'

const GiB16 = (16 * 2 ** 30) / 4096

describe('integer helpers', () => {
  it('rounddown_pow_of_two', () => {
    expect([1, 2, 3, 4, 5, 63, 64, 65, 96].map(rounddownPowOfTwo)).toEqual([1, 2, 2, 4, 4, 32, 64, 64, 64])
  })
  it('int_sqrt is the floor of the square root', () => {
    expect([0, 1, 3, 4, 15, 16, 268435456, 268435455].map(intSqrt)).toEqual([0, 1, 1, 2, 3, 4, 16384, 16383])
  })

  it('pow2 is 1 << n exactly, past a 32-bit shift too', () => {
    for (let n = 0; n <= 52; n++) expect(pow2(n)).toBe(2 ** n)
  })
})

describe('zone_batchsize', () => {
  it('is 63 for every zone above 1 GiB', () => {
    expect(zoneBatchsize(GiB16, 4)).toBe(63)
    expect(zoneBatchsize((2 * 2 ** 30) / 4096, 4)).toBe(63)
  })
  it('shrinks for small zones: 256 MiB -> min(65536 >> 10, 256) / 4 = 16 -> rounddown_pow_of_two(24) - 1 = 15', () => {
    expect(zoneBatchsize(65536, 4)).toBe(15)
  })
  it('never goes below 1 (zone_set_pageset_high_and_batch: max(1, zone_batchsize()))', () => {
    expect(zoneBatchsize(1024, 4)).toBe(1)
  })
})

describe('watermarks', () => {
  it('16 GiB: min_free_kbytes 16384, MIN 4096, gap 4194, LOW 8290, HIGH 12484', () => {
    expect(calculateMinFreeKbytes(GiB16, 4)).toBe(16384)
    expect(setupPerZoneWmarks(GiB16, 4)).toEqual({ minFreeKbytes: 16384, min: 4096, low: 8290, high: 12484 })
  })
  it('clamps min_free_kbytes to [128, 262144]', () => {
    expect(calculateMinFreeKbytes(256, 4)).toBe(128)
    expect(calculateMinFreeKbytes(2 ** 44 / 4096, 4)).toBe(262144)
    expect(calculateMinFreeKbytes(2 ** 40 / 4096, 4)).toBe(131072)
  })
})

describe('several zones and THP (machine.dmaZonesMiB, kernel.thp)', () => {
  // this project's 2-CPU VM (kernel 6.18, /proc/zoneinfo read 2026-11-30): DMA 3 840 + DMA32 772 808 + Normal
  // 1 409 024 managed pages, transparent_hugepage "madvise", min_free_kbytes 67584; Normal: min 10892, low 13615,
  // high 16338, every CPU's high_min 6807 and high_max 88064. (A balloon changes managed pages later without
  // recomputing the watermarks: compare a snapshot's watermarks with the managed counts they were set from.)
  const DMA = 3840
  const DMA32 = 772_808
  const NORMAL = 1_409_024
  const vm = profileOf({
    schemaVersion: 1,
    machine: { cpus: 2, memoryGiB: (DMA + DMA32 + NORMAL) / 262_144, dmaZonesMiB: (DMA + DMA32) / 256 },
    kernel: { thp: true, variants: ['direct-chunked'] }
  })
  const zonesOf = () => {
    const z = machineZones(vm.machine)
    return { zoneManaged: z.normal, lowmem: z.lowmem, populated: z.populated }
  }
  it('reproduces the VM\'s ZONE_NORMAL: min_free_kbytes from THP (11 pageblocks × 3 zones), split by zone size', () => {
    expect(machineZones(vm.machine)).toEqual({ normal: NORMAL, lowmem: DMA + DMA32 + NORMAL, populated: 3, dma32: DMA32 })
    expect(setupZoneWmarks(zonesOf(), true, 4)).toEqual({ minFreeKbytes: 67584, min: 10892, low: 13615, high: 16338 })
    const p = derivePcpParams(vm, pcpTuningOf(VARIANT_TRAITS['direct-chunked'], 'release'))
    expect(p.managedPages).toBe(NORMAL)
    expect(p.wmarkLow).toBe(13615)
    expect(p.high).toBe(6807)
    expect(p.highMax).toBe(88064)
  })
  it('and its ZONE_DMA32 pagesets (housekeeping.dma32Share runs them): tests/fixtures/probe/zoneinfo.txt, read while Normal managed 1 179 648, has DMA32 min 6674, low 8342, batch 63, high_min 4171, high_max 48300', () => {
    const NORMAL_THEN = 1_179_648
    const then = profileOf({
      schemaVersion: 1,
      machine: { cpus: 2, memoryGiB: (DMA + DMA32 + NORMAL_THEN) / 262_144, dmaZonesMiB: (DMA + DMA32) / 256 },
      kernel: { thp: true, variants: ['direct-chunked'] }
    })
    // ZONE_DMA manages 15 of its 16 MiB: x86-64 reserves the first 1 MiB
    expect(machineZones(then.machine).dma32).toBe(DMA32)
    const p = deriveDma32PcpParams(then, pcpTuningOf(VARIANT_TRAITS['direct-chunked'], 'release'))
    expect([p.managedPages, p.wmarkMin, p.wmarkLow, p.batch, p.high, p.highMax]).toEqual([DMA32, 6674, 8342, 63, 4171, 48300])
  })
  it('without THP the same machine gets calculate_min_free_kbytes() alone and well under half the low watermark', () => {
    const wm = setupZoneWmarks(zonesOf(), false, 4)
    // int_sqrt(2 185 672 pages × 4 KiB × 16)
    expect(wm.minFreeKbytes).toBe(11827)
    expect(wm.low).toBeLessThan(13615 / 2)
  })
  it('one zone (dmaZonesMiB 0) is the model of engine 0.5: ZONE_NORMAL holds all memory', () => {
    expect(machineZones({ memoryGiB: 16, pageSizeKiB: 4, dmaZonesMiB: 0 })).toEqual({ normal: GiB16, lowmem: GiB16, populated: 1, dma32: 0 })
    expect(setupZoneWmarks({ zoneManaged: GiB16, lowmem: GiB16, populated: 1 }, false, 4)).toEqual(setupPerZoneWmarks(GiB16, 4))
  })
})

describe('zone_highsize and high_max', () => {
  const low = setupPerZoneWmarks(GiB16, 4).low
  it('16 GiB zone: 16 / 32 / 64 CPUs -> 518 / 259 / 252 (4 * batch)', () => {
    expect(zoneHighsize(GiB16, low, 63, 16, 0)).toBe(518)
    expect(zoneHighsize(GiB16, low, 63, 32, 0)).toBe(259)
    expect(zoneHighsize(GiB16, low, 63, 64, 0)).toBe(252)
  })
  it('percpu_pagelist_high_fraction replaces the low watermark', () => {
    expect(zoneHighsize(GiB16, low, 63, 16, 8)).toBe(GiB16 / 8 / 16)
  })
  it('6.7+ high_max = managed / 8 / CPUs: 32768 / 16384 / 8192', () => {
    expect([16, 32, 64].map((n) => zoneHighMax(GiB16, 63, n))).toEqual([32768, 16384, 8192])
  })
})

describe('free_pcppages_bulk cost', () => {
  it('is the lock plus a per-entry cost; THP entries cost per entry, not per page', () => {
    const costs = { zoneLockNs: 30, tThpEntryNs: 150 }
    expect(freePcppagesBulkNs(63, 0, 512, 40, costs)).toBe(30 + 63 * 40)
    expect(freePcppagesBulkNs(1024 + 100, 2, 512, 70, costs)).toBe(30 + 100 * 70 + 2 * 150)
  })
})
