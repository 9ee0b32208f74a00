// The timeline's view — the span of time across the plot — and how zooming and panning move it: never past
// the run's ends, never narrower than MIN_SPAN_NS. Wheel zoom and W/S zoom around a time, drag pan and A/D
// pan by a share of the span, as Perfetto does.
import { ref, type Ref } from 'vue'
import type { TimelineView } from './timeline-geometry'

/** the shortest span a zoom reaches: a few ns across the plot */
export const MIN_SPAN_NS = 50

export interface TimelineViewControl {
  view: Ref<TimelineView>
  /** the whole run: [0, its end) */
  whole: () => TimelineView
  /** shows [fromNs, toNs), kept inside the run and at least MIN_SPAN_NS wide */
  show: (fromNs: number, toNs: number) => void
  /** zooms by `factor` (below 1: in) keeping time `ns` where it is on screen */
  zoomAround: (ns: number, factor: number) => void
  /** pans by `fraction` of the span (negative: back in time) */
  pan: (fraction: number) => void
}

/** `endNs()`: where the run (the longest of the runs shown) ends. */
export function useTimelineView(endNs: () => number): TimelineViewControl {
  const view = ref<TimelineView>({ fromNs: 0, toNs: 1 })
  const whole = (): TimelineView => ({ fromNs: 0, toNs: Math.max(1, endNs()) })

  function show(fromNs: number, toNs: number): void {
    const full = whole()
    const span = Math.min(Math.max(toNs - fromNs, MIN_SPAN_NS), full.toNs - full.fromNs)
    const from = Math.min(Math.max(fromNs, full.fromNs), full.toNs - span)
    view.value = { fromNs: from, toNs: from + span }
  }

  function zoomAround(ns: number, factor: number): void {
    const { fromNs, toNs } = view.value
    show(ns - (ns - fromNs) * factor, ns + (toNs - ns) * factor)
  }

  function pan(fraction: number): void {
    const span = view.value.toNs - view.value.fromNs
    show(view.value.fromNs + fraction * span, view.value.toNs + fraction * span)
  }

  return { view, whole, show, zoomAround, pan }
}
