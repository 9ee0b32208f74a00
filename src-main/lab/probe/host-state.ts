// What the probe reads from /proc and /sys, each file on its own: one that cannot be read is reported as
// missing with the reason and the rest is still read.
import { readFile } from 'node:fs/promises'
import { availableParallelism, release } from 'node:os'
import { parseZoneinfo, type ZoneinfoZone } from './zoneinfo'

export interface HostState {
  kernelRelease: string
  onlineCpus: number
  minFreeKbytes: number | null
  /** THP on (always or madvise: khugepaged then raises min_free_kbytes), off (never), or null when unreadable */
  thpEnabled: boolean | null
  percpuPagelistHighFraction: number | null
  isolated: string | null
  nohzFull: string | null
  zoneinfoText: string | null
  zones: ZoneinfoZone[]
  missing: string[]
}

/** The paths, so a test can point them at captured copies. */
export interface HostPaths {
  zoneinfo: string
  minFreeKbytes: string
  thp: string
  highFraction: string
  isolated: string
  nohzFull: string
  online: string
}

export const LINUX_PATHS: HostPaths = {
  zoneinfo: '/proc/zoneinfo',
  minFreeKbytes: '/proc/sys/vm/min_free_kbytes',
  thp: '/sys/kernel/mm/transparent_hugepage/enabled',
  highFraction: '/proc/sys/vm/percpu_pagelist_high_fraction',
  isolated: '/sys/devices/system/cpu/isolated',
  nohzFull: '/sys/devices/system/cpu/nohz_full',
  online: '/sys/devices/system/cpu/online'
}

/** "always [madvise] never" -> true: hugepage_pmd_enabled() is true for always and madvise */
function thpOn(t: string | null): boolean | null {
  const chosen = t === null ? null : /\[(\w+)\]/.exec(t)?.[1]
  return chosen === undefined || chosen === null ? null : chosen !== 'never'
}

/** "0-3,8" -> 5 */
function countOfList(list: string): number {
  return list.split(',').filter((p) => p !== '').reduce((n, part) => {
    const [a, b] = part.split('-').map(Number)
    return n + (b === undefined ? 1 : b - a + 1)
  }, 0)
}

export async function readHostState(paths: HostPaths = LINUX_PATHS): Promise<HostState> {
  const missing: string[] = []
  const text = async (path: string, why: string): Promise<string | null> => {
    try {
      return (await readFile(path, 'utf8')).trim()
    } catch (e) {
      missing.push(`${path} (${why}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
      return null
    }
  }
  const int = (t: string | null) => (t === null || !/^\d+$/.test(t) ? null : Number(t))
  const zoneinfoText = await text(paths.zoneinfo, 'per-zone watermarks and per-CPU pcp count/high/batch')
  const online = await text(paths.online, 'online CPUs')
  return {
    kernelRelease: release(),
    onlineCpus: online === null ? availableParallelism() : countOfList(online),
    minFreeKbytes: int(await text(paths.minFreeKbytes, 'vm.min_free_kbytes')),
    thpEnabled: thpOn(await text(paths.thp, 'transparent hugepages: always, madvise or never')),
    percpuPagelistHighFraction: int(await text(paths.highFraction, 'vm.percpu_pagelist_high_fraction')),
    isolated: await text(paths.isolated, 'isolcpus= CPUs'),
    // only a kernel built with CONFIG_NO_HZ_FULL has the file; its absence is that, not an error
    nohzFull: await text(paths.nohzFull, 'nohz_full= CPUs; absent when the kernel has no CONFIG_NO_HZ_FULL'),
    zoneinfoText,
    zones: zoneinfoText === null ? [] : parseZoneinfo(zoneinfoText),
    missing
  }
}
