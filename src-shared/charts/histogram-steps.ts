// One variant's histogram as a stepped line (OSADL style): each class drawn from its lower bound to the
// next, an empty class dropped to a floor below the log axis so the line falls to the bottom.
import { US_PER_NS } from './chart-frame'
import { VARIANT_COLORS } from './variant-colors'

/** below the log axis minimum (0.8): an empty class is clipped, not drawn as a count */
const EMPTY_CLASS = 0.1

export interface HistogramClass {
  /** lower bound of the class, ns */
  fromNs: number
  count: number
}

/** `endNs` is the upper bound of the last class: a closing point gives that class its width ('before' stepping). */
export function histogramStepDataset(variant: keyof typeof VARIANT_COLORS, classes: readonly HistogramClass[], endNs: number) {
  // an empty class keeps its real count as `value`, which the tooltip shows instead of the floor
  const points: Array<{ x: number; y: number; value?: number }> = classes.map((c) => (c.count > 0 ? { x: c.fromNs * US_PER_NS, y: c.count } : { x: c.fromNs * US_PER_NS, y: EMPTY_CLASS, value: 0 }))
  if (classes.length > 0) points.push({ x: endNs * US_PER_NS, y: EMPTY_CLASS, value: 0 })
  return {
    label: variant,
    data: points,
    borderColor: VARIANT_COLORS[variant],
    backgroundColor: VARIANT_COLORS[variant],
    borderWidth: 1.5,
    pointRadius: 0,
    stepped: 'before' as const
  }
}

/**
 * Where a histogram's x axis should end (µs): one class beyond the upper bound of the last class, which holds
 * the worst sample (a class as wide, or on log classes as many times wider). Chart.js leaves the closing
 * point out of its auto-range, its y being below the log axis, so without this the axis stops at the last
 * class's lower bound and the worst sample is a sliver on the frame. Undefined without classes.
 */
export function histogramAxisEndUs(classes: ReadonlyArray<{ fromNs: number; toNs: number }>, scale: 'linear' | 'logarithmic'): number | undefined {
  const ends = classes.map((c) => (scale === 'linear' ? 2 * c.toNs - c.fromNs : (c.toNs * c.toNs) / c.fromNs))
  return ends.length === 0 ? undefined : Math.max(...ends) / 1000
}
