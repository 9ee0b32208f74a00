// Colours of the timeline's kinds: a kind charged to an interference source takes that source's colour in
// the breakdown legend (SOURCE_COLORS), the task's own time the breakdown's "runtime" grey; the rest
// (remote pcp->lock holds, instants) colours of their own, apart from both.
import { SOURCE_COLORS } from '@shared/charts/source-colors'
import type { TimelineKind } from '@shared/results/timeline-kinds'

const OWN: Readonly<Record<string, string>> = {
  rt: SOURCE_COLORS.runtime,
  idle: 'transparent',
  'remote-drain': '#7A5195',
  // a pale kin of the drain request's purple: drawn under the CPU's own segments
  'drain-mutex-wait': '#DCCFE8',
  release: '#444444',
  'deadline-miss': '#C62828',
  'drain-request': '#7A5195',
  'drain-skip': '#999999',
  'drain-done': '#3B1F5C',
  // kswapd's pass: an olive pair apart from the drain purples (ZONE_RECLAIM_ACTIVE set / cleared)
  'kswapd-wake': '#8A7A1F',
  'kswapd-sleep': '#C9BB5A'
}

/** How much a kind matters where several share a pixel: interference (2) over the task's own time (1) over the rest (0). */
export function kindRank(kind: TimelineKind): number {
  return kind.source !== null ? 2 : kind.name === 'rt' ? 1 : 0
}

export function kindColor(kind: TimelineKind): string {
  if (kind.source !== null) return SOURCE_COLORS[kind.source]
  return OWN[kind.name] ?? '#777777'
}
