// Wakeup latency histogram, OSADL style: linear µs classes, logarithmic counts, one line per variant.
import { classWidthNs, linearClasses, mergeHdr, recordedValues } from '../results/hdr-decode'
import type { DistributionNs, ExperimentResults } from '../results/types'
import { axisTitle, frameOptions, powersOfTen, US_PER_NS } from './chart-frame'
import { pointSuffix, runsByVariant, tasksOf, type ChartBuildOptions } from './select-jobs'
import { histogramAxisEndUs, histogramStepDataset } from './histogram-steps'
import { withTable, type TabledChart } from './chart-table'
import { histogramTable } from './histogram-table'
import type { VARIANT_COLORS } from './variant-colors'

/** OSADL plots 1 µs classes; a long tail widens them (1-2-5 steps) to keep the plot readable. */
const MAX_CLASSES = 400

export function histogramChart(
  title: string,
  xTitle: string,
  quantity: string,
  series: Array<{ variant: keyof typeof VARIANT_COLORS; dists: DistributionNs[] }>,
  subtitle: string
): TabledChart<'line'> {
  const merged = series.map((s) => ({ variant: s.variant, h: mergeHdr(s.dists.map((d) => d.hdr)) }))
  const maxNs = Math.max(1, ...merged.map((m) => (m.h === null ? 0 : m.h.maxValue)))
  const width = classWidthNs(maxNs, MAX_CLASSES, 1000)
  const classed = merged.map(({ variant, h }) => ({
    variant,
    classes: (h === null ? [] : linearClasses(recordedValues(h), width)).map((c) => ({ ...c, toNs: c.fromNs + width }))
  }))
  const datasets = classed.map(({ variant, classes }) => histogramStepDataset(variant, classes, classes.length > 0 ? classes[classes.length - 1].toNs : 0))
  const maxCount = Math.max(1, ...datasets.flatMap((d) => d.data.map((p) => p.y)))
  const options = frameOptions<'line'>(title, `${subtitle}; class width ${width * US_PER_NS} µs`)
  options.scales = {
    // suggested, not fixed: Compare overlays another run's classes, which may reach further
    x: { type: 'linear', title: axisTitle(xTitle), min: 0, suggestedMax: histogramAxisEndUs(classed.flatMap((c) => c.classes.slice(-1)), 'linear') },
    // at least one decade tall, so a histogram of single samples still has a readable axis; headroom above the
    // tallest class so its step is not drawn on the frame
    y: { type: 'logarithmic', title: axisTitle('samples (count, log)'), min: 0.8, suggestedMax: Math.max(10, maxCount * 2), ticks: { callback: powersOfTen } }
  }
  return withTable({ type: 'line', data: { datasets }, options }, histogramTable(quantity, 'samples', classed))
}

export function buildLatencyHistogram(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'line'> {
  const series = runsByVariant(results, opts).map(({ variant, runs }) => ({
    variant,
    dists: runs.flatMap((run) => tasksOf(run, opts).map((t) => t.latencyNs))
  }))
  const who = opts.task === undefined ? 'all realtime tasks' : `task ${opts.task}`
  return histogramChart(`Wakeup latency histogram${pointSuffix(results, opts)}`, 'wakeup latency (µs)', 'wakeup latency', series, `${who}, all seeds`)
}
