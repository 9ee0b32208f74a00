// The pages each drain_all_pages() call freed of each CPU's pcplist (docs/timeline.md) as typed arrays, from
// either form a result stores them in: `drainPagesColumns` (base64 of little-endian typed arrays, as the
// record columns are; the engine writes them: engine/metrics/timeline-encode.ts) or the `drainPages`
// [call, cpu, pages] triplets of results written before it. As a JSON number array the heavy scenario's
// 160 000 pairs were 6 MB of the pretty-printed results.json, one line per number.
import { base64ToBytes } from '../base64-bytes'
import type { RunTimeline } from './types'

/** Ordered by call, then CPU, each pair once. */
export interface DrainPagesArrays {
  call: Uint32Array
  cpu: Uint16Array
  /** Float64, whole pages: a pcplist of a 64 TiB machine (2^34 pages) may hold more than a Uint32 counts */
  pages: Float64Array
}

/** Bytes per value of each column. */
export const DRAIN_PAGES_COLUMN_BYTES: ReadonlyArray<readonly ['call' | 'cpu' | 'pages', number]> = [['call', 4], ['cpu', 2], ['pages', 8]]

/** The pairs of `t`, from whichever form it stores them in; none (results of engine 0.6 before them): empty columns. */
export function decodeDrainPages(t: RunTimeline): DrainPagesArrays {
  const c = t.drainPagesColumns
  if (c !== undefined) {
    const bytes = (text: string) => base64ToBytes(text).buffer
    return { call: new Uint32Array(bytes(c.call), 0, c.count), cpu: new Uint16Array(bytes(c.cpu), 0, c.count), pages: new Float64Array(bytes(c.pages), 0, c.count) }
  }
  const triplets = t.drainPages ?? []
  const n = triplets.length / 3
  const out = { call: new Uint32Array(n), cpu: new Uint16Array(n), pages: new Float64Array(n) }
  for (let i = 0; i < n; i++) {
    out.call[i] = triplets[3 * i]
    out.cpu[i] = triplets[3 * i + 1]
    out.pages[i] = triplets[3 * i + 2]
  }
  return out
}

/** The pages call `drain` freed of `cpu`'s pcplist, null when `p` does not have the pair (a binary search: the pairs are ordered). */
export function pagesOfPair(p: DrainPagesArrays, drain: number, cpu: number): number | null {
  let lo = 0
  let hi = p.call.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (p.call[mid] < drain || (p.call[mid] === drain && p.cpu[mid] < cpu)) lo = mid + 1
    else hi = mid
  }
  return lo < p.call.length && p.call[lo] === drain && p.cpu[lo] === cpu ? p.pages[lo] : null
}
