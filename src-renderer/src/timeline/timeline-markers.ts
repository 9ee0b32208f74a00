// The user's two markers on the timeline, A then B, and the time between them (Perfetto's markers). A third
// placement starts over at A, as the charts' click markers do (charts/interactive-chart.ts).
import { formatInstant, formatNs } from '@shared/units'
import type { TimelineMarker } from './draw-timeline'

/** the charts' marker colour (interactive-chart.ts), apart from the accent of the worst sample's markers */
export const USER_MARKER_COLOR = '#7b61ff'

/** The markers after placing one at `ns`: [A], [A, B], or, past B, a new [A]. */
export function placeMarker(markers: readonly number[], ns: number): number[] {
  return markers.length >= 2 ? [ns] : [...markers, ns]
}

/**
 * What the toolbar says about the markers: where they are, to the `resolutionNs` they were placed at (a pixel
 * of a 100 ms view is no microsecond), and, once both are down, Δ between them.
 */
export function markerText(markers: readonly number[], resolutionNs: number): string {
  const [a, b] = markers
  if (a === undefined) return ''
  if (b === undefined) return `A ${formatInstant(a, resolutionNs)} · place B (click the axis or press M)`
  return `A ${formatInstant(a, resolutionNs)} · B ${formatInstant(b, resolutionNs)} · Δ ${formatNs(Math.abs(b - a))}`
}

/** The markers as the canvas draws them: a line each, labelled A and "B Δ …". */
export function markerLines(markers: readonly number[]): TimelineMarker[] {
  const [a, b] = markers
  return markers.map((ns, i) => ({
    ns,
    label: i === 0 ? 'A' : `B Δ ${formatNs(Math.abs(b - a))}`,
    color: USER_MARKER_COLOR
  }))
}
