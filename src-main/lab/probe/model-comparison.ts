// The model's pcp and watermark values for a real zone, beside the kernel's: derived (engine/mm/pcp-params.ts)
// from the machine's own zones — min_free_kbytes from all of them, raised by THP's
// set_recommended_min_free_kbytes() when it is on, split by managed pages. Every value that differs is listed,
// not explained away.
import { validateProfile } from '../../../src-shared/profile/validate'
import type { ZoneComparison } from '../../../src-shared/results/types'
import { derivePcpParams } from '../../engine/mm/pcp-params'
import type { ZoneinfoZone } from './zoneinfo'

const PAGE_KIB = 4

/** The node's zones as the watermark code counts them: `populated` zones up to ZONE_NORMAL, `lowmem` their managed pages. */
export interface NodeZones {
  lowmem: number
  populated: number
  thp: boolean
}

/** The model's view of a zone of these managed pages, of a node of `node`'s zones, on this many CPUs (4 KiB pages). */
export function modelOfZone(managed: number, cpus: number, highFraction: number, autotune: boolean, node: NodeZones = { lowmem: managed, populated: 1, thp: false }): ZoneComparison['model'] {
  const checked = validateProfile({
    schemaVersion: 1,
    machine: { cpus, memoryGiB: (managed * PAGE_KIB) / 1048576 },
    kernel: { pcp: { highFraction, autotune }, thp: node.thp }
  })
  if (!checked.ok) throw new Error(`no model profile for a zone of ${managed} pages: ${checked.issues.map((i) => i.message).join('; ')}`)
  // a 6.7+ kernel (it prints high_min/high_max) tunes high with the 6.7+ code; an older one has no tuning
  const p = derivePcpParams(checked.profile, { scaling: autotune ? 'free-count' : 'free-factor', autotune }, { normal: managed, lowmem: Math.max(managed, node.lowmem), populated: node.populated })
  return { batch: p.batch, high: p.high, highMax: p.highMax, wmarkMin: p.wmarkMin, wmarkLow: p.wmarkLow, wmarkHigh: p.wmarkHigh }
}

function distinct(values: number[]): string {
  return [...new Set(values)].join('/')
}

export function compareZone(zone: ZoneinfoZone, cpus: number, highFraction: number, node?: NodeZones): ZoneComparison {
  // 6.7+ prints high_min/high_max: its high is auto-tuned between them unless percpu_pagelist_high_fraction is set
  const tuned = zone.cpus.some((c) => c.highMin !== undefined)
  const model = modelOfZone(zone.managed, cpus, highFraction, tuned && highFraction === 0, node)
  const differences: string[] = []
  const check = (what: string, real: number[], modelled: number) => {
    if (real.length > 0 && real.some((v) => v !== modelled)) differences.push(`${what}: machine ${distinct(real)}, model ${modelled}`)
  }
  check('batch', zone.cpus.map((c) => c.batch), model.batch)
  if (tuned) {
    check('high_min', zone.cpus.flatMap((c) => (c.highMin === undefined ? [] : [c.highMin])), model.high)
    check('high_max', zone.cpus.flatMap((c) => (c.highMax === undefined ? [] : [c.highMax])), model.highMax)
  } else {
    check('high', zone.cpus.map((c) => c.high), model.high)
  }
  // zone_highsize() on the machine's own low watermark: whether the formula or its input differs
  const ownHigh = Math.max(Math.floor(zone.low / Math.max(1, cpus)), model.batch * 4)
  const realHigh = zone.cpus.map((c) => c.highMin ?? c.high)
  if (differences.length > 0 && realHigh.length > 0 && realHigh.every((v) => v === ownHigh)) {
    differences.push(`${tuned ? 'high_min' : 'high'} is zone_highsize() of the machine's own low watermark (${zone.low} / ${cpus} CPUs = ${ownHigh}): the formula agrees, its input (the watermarks) does not`)
  }
  check('min watermark', [zone.min], model.wmarkMin)
  check('low watermark', [zone.low], model.wmarkLow)
  check('high watermark', [zone.high], model.wmarkHigh)
  return {
    node: zone.node,
    zone: zone.zone,
    managed: zone.managed,
    min: zone.min,
    low: zone.low,
    high: zone.high,
    cpus: zone.cpus.map((c) => ({ cpu: c.cpu, count: c.count, high: c.high, batch: c.batch, ...(c.highMin === undefined ? {} : { highMin: c.highMin }), ...(c.highMax === undefined ? {} : { highMax: c.highMax }) })),
    model,
    differences
  }
}
