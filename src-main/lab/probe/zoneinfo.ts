// /proc/zoneinfo (mm/vmstat.c zoneinfo_show_print()): per zone its watermarks and managed pages, and under
// "pagesets" per CPU the pcp count, high and batch, plus high_min and high_max since 6.7. Zones without
// managed pages (Movable, Device on most machines) are kept: they are part of what the kernel reports.

export interface ZoneinfoCpu {
  cpu: number
  count: number
  high: number
  batch: number
  highMin?: number
  highMax?: number
}

export interface ZoneinfoZone {
  node: number
  zone: string
  free: number
  min: number
  low: number
  high: number
  managed: number
  cpus: ZoneinfoCpu[]
}

const ZONE = /^Node\s+(\d+),\s+zone\s+(\S+)/
const FREE = /^\s+pages free\s+(\d+)/
const FIELD = /^\s+(min|low|high|managed)\s+(\d+)\s*$/
const CPU = /^\s+cpu:\s+(\d+)\s*$/
const PCP = /^\s+(count|high|batch|high_min|high_max):\s+(\d+)\s*$/

export function parseZoneinfo(text: string): ZoneinfoZone[] {
  const zones: ZoneinfoZone[] = []
  let zone: ZoneinfoZone | null = null
  let cpu: ZoneinfoCpu | null = null
  let inPagesets = false
  for (const line of text.split('\n')) {
    const z = ZONE.exec(line)
    if (z !== null) {
      zone = { node: Number(z[1]), zone: z[2], free: 0, min: 0, low: 0, high: 0, managed: 0, cpus: [] }
      zones.push(zone)
      cpu = null
      inPagesets = false
      continue
    }
    if (zone === null) continue
    if (/^\s+pagesets\s*$/.test(line)) {
      inPagesets = true
      continue
    }
    const free = FREE.exec(line)
    if (free !== null) {
      zone.free = Number(free[1])
      continue
    }
    const c = CPU.exec(line)
    if (c !== null && inPagesets) {
      cpu = { cpu: Number(c[1]), count: 0, high: 0, batch: 0 }
      zone.cpus.push(cpu)
      continue
    }
    const pcp = PCP.exec(line)
    if (pcp !== null && cpu !== null) {
      const v = Number(pcp[2])
      if (pcp[1] === 'high_min') cpu.highMin = v
      else if (pcp[1] === 'high_max') cpu.highMax = v
      else cpu[pcp[1] as 'count' | 'high' | 'batch'] = v
      continue
    }
    // the zone's own min/low/high/managed come before its pagesets; "high:" with a colon is a pcp field
    const field = FIELD.exec(line)
    if (field !== null && !inPagesets) zone[field[1] as 'min' | 'low' | 'high' | 'managed'] = Number(field[2])
  }
  return zones
}
