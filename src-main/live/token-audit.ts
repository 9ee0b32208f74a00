// Page conservation (model.md §7) for real memory: every token is in exactly one place. The audit walks
// every place, counts each token it finds and compares with where[]; a token found nowhere is lost, one found
// twice duplicated, one whose where[] names another place misplaced. With `locked`, it first takes every
// pcp->lock (in CPU order) and then zone->lock — the kernel's order, pcp before zone — so it can run while the
// workers run: every move of a token happens under at least one of those locks (live-state.ts).
import { cpuBase, HELD_COUNT, heldBy, IN_ZONE, inPcp, PCP_COUNT, PCP_LOCK, ZONE_COUNT, ZONE_LOCK, type LiveState } from './live-state'
import { spinLock, spinUnlock } from './spinlock'

export interface TokenAudit {
  total: number
  inZone: number
  onPcplists: number
  held: number
  lost: number
  duplicated: number
  misplaced: number
  ok: boolean
}

/** How long a locked audit waits for one lock before it gives up (a terminated worker may have died holding it). */
const LOCK_PATIENCE_MS = 1000

export function auditTokens(s: LiveState, locked: boolean): TokenAudit {
  const taken: number[] = []
  if (locked) {
    const indices = [...Array.from({ length: s.layout.cpus }, (_, cpu) => cpuBase(cpu) + PCP_LOCK), ZONE_LOCK]
    for (const index of indices) {
      const giveUpAt = Date.now() + LOCK_PATIENCE_MS
      if (!spinLock(s.words, index, () => Date.now() > giveUpAt)) {
        for (const i of taken) spinUnlock(s.words, i)
        throw new Error(`token audit: lock word ${index} held for more than ${LOCK_PATIENCE_MS} ms`)
      }
      taken.push(index)
    }
  }
  try {
    return count(s)
  } finally {
    for (const i of taken.reverse()) spinUnlock(s.words, i)
  }
}

function count(s: LiveState): TokenAudit {
  const { cpus, tokens } = s.layout
  const seen = new Uint8Array(tokens)
  let misplaced = 0
  let duplicated = 0
  const walk = (list: Int32Array, length: number, code: number): number => {
    for (let i = 0; i < length; i++) {
      const t = list[i]
      if (seen[t] === 1) duplicated++
      seen[t] = 1
      if (s.where[t] !== code) misplaced++
    }
    return length
  }
  const inZone = walk(s.zoneStore, Atomics.load(s.words, ZONE_COUNT), IN_ZONE)
  let onPcplists = 0
  let held = 0
  for (let cpu = 0; cpu < cpus; cpu++) {
    onPcplists += walk(s.pcpList(cpu), s.field(cpu, PCP_COUNT), inPcp(cpu))
    held += walk(s.heldList(cpu), s.field(cpu, HELD_COUNT), heldBy(cpus, cpu))
  }
  let lost = 0
  for (let t = 0; t < tokens; t++) if (seen[t] === 0) lost++
  return { total: tokens, inZone, onPcplists, held, lost, duplicated, misplaced, ok: lost === 0 && duplicated === 0 && misplaced === 0 && inZone + onPcplists + held === tokens }
}
