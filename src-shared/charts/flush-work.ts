// The per-CPU flushes per kernel release (docs/model.md §10): for each flush, how many work items each variant
// queued on the isolated CPUs and how many isolated CPUs it passed over — the bars that show which release
// still interrupts them. Counts summed over the seeds (flushRows); the CSV adds the waits.
import type { ChartConfiguration } from 'chart.js'
import { PER_CPU_FLUSHES, PER_CPU_FLUSH_INFO } from '../kernel/per-cpu-flush'
import { flushRows } from '../results/flush-rows'
import type { Variant } from '../profile/schema'
import type { ExperimentResults } from '../results/types'
import { axisTitle, frameOptions } from './chart-frame'
import { usOfNs, withTable, type TabledChart } from './chart-table'
import { pointSuffix, type ChartBuildOptions } from './select-jobs'
import { VARIANT_COLORS } from './variant-colors'

export function buildFlushWork(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'bar'> {
  const rows = flushRows(results, opts)
  const flushes = PER_CPU_FLUSHES.filter((f) => rows.some((r) => r.flush === f))
  const variants = [...new Set(rows.map((r) => r.variant))]
  const cell = (variant: Variant, flush: string) => rows.find((r) => r.variant === variant && r.flush === flush)
  const datasets = variants.map((variant) => ({
    label: variant,
    data: flushes.map((f) => cell(variant, f)?.isolatedWorkItems ?? 0),
    backgroundColor: VARIANT_COLORS[variant],
    borderColor: VARIANT_COLORS[variant]
  }))
  const listed = (pick: (r: (typeof rows)[number]) => number) => rows.filter((r) => pick(r) > 0).map((r) => `${r.variant} ${PER_CPU_FLUSH_INFO[r.flush].label} ${pick(r)}`).join(', ')
  const passedOver = listed((r) => r.isolatedSkipped)
  const unfinished = listed((r) => r.stalled)
  const options = frameOptions<'bar'>(`Per-CPU flush work on isolated CPUs${pointSuffix(results, opts)}`)
  options.plugins!.subtitle = {
    display: true,
    text: [
      'work items queued on isolated CPUs, all seeds (the CSV has calls, waits and stalls)',
      ...(passedOver === '' ? [] : [`isolated CPUs passed over (cpu_is_isolated()): ${passedOver}`]),
      ...(unfinished === '' ? [] : [`calls with work not run at the end: ${unfinished}`])
    ]
  }
  options.scales = {
    x: { type: 'category', title: axisTitle('flush (caller → work function)') },
    y: { type: 'linear', beginAtZero: true, title: axisTitle('work items on isolated CPUs (count)'), ticks: { precision: 0 } }
  }
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: { labels: flushes.map((f) => `${PER_CPU_FLUSH_INFO[f].caller} → ${PER_CPU_FLUSH_INFO[f].work}`), datasets },
    options
  }
  const table = {
    header: ['variant', 'flush', 'calls', 'done', 'skipped', 'stalled', 'work items on isolated CPUs', 'on housekeeping CPUs', 'isolated CPUs passed over', 'remote flushes', 'wait p50 (µs)', 'wait max (µs)'],
    rows: rows.map((r) => [r.variant, r.flush, r.requested, r.completed, r.skipped, r.stalled, r.isolatedWorkItems, r.housekeepingWorkItems, r.isolatedSkipped, r.remoteFlushes, usOfNs(r.p50Ns), usOfNs(r.maxNs)])
  }
  return withTable(config, table)
}
