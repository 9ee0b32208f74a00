// Interference by source per isolated CPU: the time taken from the realtime task, one row per CPU and
// variant that lost any (the others grouped into a line of the subtitle). Horizontal bars, one per source, on a log axis: throttling takes ~500 000 µs a second while an
// IPI takes a few µs, and on a linear stacked axis the sources the lab exists to show were invisible. Stacks
// cannot be read on a log axis, so the sources stand side by side; exact values are in tooltips and the CSV.
import type { ChartConfiguration } from 'chart.js'
import { formatCpulist } from '../profile/cpulist'
import { INTERFERENCE_SOURCES, type ExperimentResults, type InterferenceSource } from '../results/types'
import { axisTitle, frameOptions, oneTwoFive } from './chart-frame'
import { withHeight } from './chart-height'
import { usOfNs, withTable, type TabledChart } from './chart-table'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'
import { SOURCE_COLORS } from './source-colors'

interface Row {
  label: string
  cpu: number
  variant: string
  /** mean over seeds, ns */
  bySource: Record<InterferenceSource, number>
}

/** Rows are never thinner than a readable 11 px label, and the canvas stays under browsers' 32 767 px limit at 2×. */
const MIN_ROW_PX = 14
const MAX_CHART_PX = 16_000
/** title, subtitle, legend and the x axis (twice on a tall chart) */
const FRAME_PX = 190
/** more rows than fit a screen: the x axis is drawn above them too */
const TOP_AXIS_ROWS = 24

function rowsOf(results: ExperimentResults, opts: ChartBuildOptions): Row[] {
  const rows: Row[] = []
  for (const { variant, runs } of runsByVariant(results, opts)) {
    const cpus = [...new Set(runs.flatMap((r) => r.interference.map((i) => i.cpu)))].sort((a, b) => a - b)
    for (const cpu of cpus) {
      // mean over seeds: each seed's run covers the same simulated time
      const bySource = {} as Record<InterferenceSource, number>
      for (const source of INTERFERENCE_SOURCES) {
        const values = runs.map((r) => r.interference.find((i) => i.cpu === cpu)?.bySourceNs[source] ?? 0)
        bySource[source] = values.reduce((a, b) => a + b, 0) / runs.length
      }
      rows.push({ label: `CPU ${cpu} · ${variant}`, cpu, variant, bySource })
    }
  }
  return rows
}

const tookNothing = (r: Row) => INTERFERENCE_SOURCES.every((s) => r.bySource[s] === 0)

/**
 * "nothing taken on CPUs 32-47,64-255 (workqueue)": isolated CPUs without a realtime task lose no time, and on
 * a 256-CPU machine their empty rows buried the few that did; they are grouped into one line per variant.
 */
function idleNotes(rows: readonly Row[]): string[] {
  const byVariant = new Map<string, { idle: number[]; all: number }>()
  for (const r of rows) {
    const v = byVariant.get(r.variant) ?? { idle: [], all: 0 }
    v.all++
    if (tookNothing(r)) v.idle.push(r.cpu)
    byVariant.set(r.variant, v)
  }
  const whole = [...byVariant].filter(([, v]) => v.idle.length === v.all).map(([variant]) => variant)
  const some = [...byVariant].filter(([, v]) => v.idle.length > 0 && v.idle.length < v.all)
  return [
    ...(whole.length ? [`nothing taken from the realtime tasks under ${whole.join(', ')}`] : []),
    ...some.map(([variant, v]) => `nothing taken on CPU ${formatCpulist(v.idle)} (${variant})`)
  ]
}

export function buildInterference(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'bar'> & { heightPx: number } {
  const all = rowsOf(results, opts)
  // CPUs that lost nothing are said in the subtitle (idleNotes) and listed in the CSV, not drawn as empty rows
  const rows = all.filter((r) => !tookNothing(r))
  const used = INTERFERENCE_SOURCES.filter((s) => rows.some((r) => r.bySource[s] > 0))
  const unused = INTERFERENCE_SOURCES.filter((s) => !used.includes(s))
  const datasets = used.map((source) => ({
    label: source,
    // a source that took nothing on this CPU has no bar (log 0 does not exist); the tooltip shows a dash, the CSV 0
    data: rows.map((r) => (r.bySource[source] > 0 ? usOfNs(r.bySource[source]) : null)),
    backgroundColor: SOURCE_COLORS[source],
    borderColor: SOURCE_COLORS[source]
  }))
  const positive = rows.flatMap((r) => used.map((s) => usOfNs(r.bySource[s]))).filter((v) => v > 0)
  const min = positive.length ? 10 ** Math.floor(Math.log10(Math.min(...positive))) : 1
  const max = positive.length ? 10 ** Math.ceil(Math.log10(Math.max(...positive))) : 10
  const subtitle = [
    'time taken from the realtime task over the run, mean over seeds; log axis, one bar per source (exact values in tooltips and the CSV)',
    ...(unused.length ? [`no time from ${unused.join(', ')}`] : []),
    ...idleNotes(all)
  ]
  const options = frameOptions<'bar'>(`Interference by source per isolated CPU${pointSuffix(results, opts)}`)
  options.plugins!.subtitle = { display: true, text: subtitle }
  options.indexAxis = 'y'
  // thin bars are hard to hit: the tooltip lists every source of the row under the pointer
  options.interaction = { mode: 'index', axis: 'y', intersect: false }
  const x = { type: 'logarithmic' as const, min, max: Math.max(max, min * 10), title: axisTitle('time (µs, log)'), ticks: { callback: oneTwoFive } }
  options.scales = {
    x,
    // a tall chart scrolls: the axis is repeated above the rows, so the scale is in view from the first row
    ...(rows.length > TOP_AXIS_ROWS ? { xTop: { ...x, position: 'top' as const, grid: { drawOnChartArea: false } } } : {}),
    // every CPU keeps its label: the chart is as tall as its rows need (withHeight), never auto-skipped
    y: { type: 'category', title: axisTitle('isolated CPU · variant'), ticks: { autoSkip: false, font: { size: 11 } } }
  }
  const rowPx = Math.max(MIN_ROW_PX, Math.min(6 * used.length + 8, (MAX_CHART_PX - FRAME_PX) / Math.max(1, rows.length)))
  const config: ChartConfiguration<'bar'> = { type: 'bar', data: { labels: rows.map((r) => r.label), datasets }, options }
  const table = {
    header: ['isolated CPU', 'variant', ...INTERFERENCE_SOURCES.map((s) => `${s} (µs)`), 'total (µs)'],
    rows: all.map((r) => [r.cpu, r.variant, ...INTERFERENCE_SOURCES.map((s) => usOfNs(r.bySource[s])),
      usOfNs(INTERFERENCE_SOURCES.reduce((sum, s) => sum + r.bySource[s], 0))])
  }
  return withHeight(withTable(config, table), Math.max(320, FRAME_PX + rows.length * rowPx))
}
