// Drain time (request -> completion) distribution, log-y and log-x: a drain takes tens of µs when it runs at
// once and up to a second when it waits for a starved kworker, so its classes grow by decades.
import { logClasses, mergeHdr, recordedValues } from '../results/hdr-decode'
import type { ExperimentResults } from '../results/types'
import { axisTitle, frameOptions, powersOfTen } from './chart-frame'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'
import { histogramAxisEndUs, histogramStepDataset } from './histogram-steps'
import { withTable, type TabledChart } from './chart-table'
import { histogramTable } from './histogram-table'
import { zeroNotes, zerosOf } from './zero-band'

const CLASSES_PER_DECADE = 10

export function buildDrainHistogram(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'line'> {
  const classed = runsByVariant(results, opts).map(({ variant, runs }) => {
    const h = mergeHdr(runs.map((run) => run.drains.durationNs.hdr))
    const values = h === null ? [] : recordedValues(h)
    return { variant, classes: logClasses(values, CLASSES_PER_DECADE), zeros: zerosOf(values), total: h?.totalCount ?? 0 }
  })
  const datasets = classed.map(({ variant, classes }) => histogramStepDataset(variant, classes, classes.length > 0 ? classes[classes.length - 1].toNs : 0))
  const maxCount = Math.max(1, ...datasets.flatMap((d) => d.data.map((p) => p.y)))
  const options = frameOptions<'line'>(`Drain time histogram${pointSuffix(results, opts)}`, `completed drains, all seeds; ${CLASSES_PER_DECADE} classes per decade`)
  options.scales = {
    // room to the right of the slowest class, which is the one that matters
    x: { type: 'logarithmic', title: axisTitle('drain time, request to completion (µs, log)'), suggestedMax: histogramAxisEndUs(classed.flatMap((c) => c.classes.slice(-1)), 'logarithmic'), ticks: { callback: powersOfTen } },
    y: { type: 'logarithmic', title: axisTitle('drains (count, log)'), min: 0.8, suggestedMax: Math.max(10, maxCount * 2), ticks: { callback: powersOfTen } }
  }
  const subtitle = options.plugins!.subtitle!.text as string
  options.plugins!.subtitle!.text = [subtitle, ...zeroNotes('drains', classed, 'not on the log axis; in the CSV as the class 0 to 0 µs')]
  // zero-time drains in the table as a class of their own, before the first logarithmic class
  const tabled = classed.some((c) => c.zeros > 0)
    ? classed.map((c) => ({ variant: c.variant, classes: [{ fromNs: 0, toNs: 0, count: c.zeros }, ...c.classes] }))
    : classed
  return withTable({ type: 'line', data: { datasets }, options }, histogramTable('drain time', 'drains', tabled))
}
