// Moving page tokens between their places, the kernel's list operations: rmqueue_bulk() (zone → pcplist),
// free_pcppages_bulk() (pcplist → zone), the pcplist fast path (pcplist ↔ held) and the buddy fallback
// rmqueue_buddy() / free_one_page() (zone ↔ held). The caller holds the locks of both places; a move
// pops from one stack and pushes onto the other, so a token is never in two places nor in none.
import { cpuBase, HELD_COUNT, heldBy, IN_ZONE, inPcp, PCP_COUNT, ZONE_COUNT, type LiveState } from './live-state'

interface Place {
  list: Int32Array
  /** index in state.words of the stack's length */
  countAt: number
  code: number
}

export const zonePlace = (s: LiveState): Place => ({ list: s.zoneStore, countAt: ZONE_COUNT, code: IN_ZONE })
export const pcpPlace = (s: LiveState, cpu: number): Place => ({ list: s.pcpList(cpu), countAt: cpuBase(cpu) + PCP_COUNT, code: inPcp(cpu) })
export const heldPlace = (s: LiveState, cpu: number): Place => ({ list: s.heldList(cpu), countAt: cpuBase(cpu) + HELD_COUNT, code: heldBy(s.layout.cpus, cpu) })

/** Moves up to n tokens from `from` to `to` (fewer when `from` runs out or `to` is full); returns how many. */
export function movePages(s: LiveState, from: Place, to: Place, n: number): number {
  const w = s.words
  const available = Atomics.load(w, from.countAt)
  const room = to.list.length - Atomics.load(w, to.countAt)
  const moved = Math.max(0, Math.min(n, available, room))
  let src = available
  let dst = Atomics.load(w, to.countAt)
  for (let i = 0; i < moved; i++) {
    const token = from.list[--src]
    to.list[dst++] = token
    s.where[token] = to.code
  }
  // lengths are stored atomically so unlocked readers (cpus_with_pcps, the sampler) see whole values
  Atomics.store(w, from.countAt, src)
  Atomics.store(w, to.countAt, dst)
  return moved
}
