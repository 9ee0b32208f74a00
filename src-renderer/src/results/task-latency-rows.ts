// The Results view's per-task table: wakeup latency Min / Avg / p50 / p99 / Max of every realtime task on
// its CPU, per variant, as cyclictest prints Min/Avg/Max per thread — the numbers an RT engineer compares
// first. All seeds of the sweep point on screen together (seeds-together.ts); misses as a mean per seed.
import { runsByVariant, type ChartBuildOptions } from '@shared/charts/select-jobs'
import type { Variant } from '@shared/profile/schema'
import type { ExperimentResults, TaskResult } from '@shared/results/types'
import { seedsTogether, type SeedsTogether } from './seeds-together'

export interface TaskLatencyRow {
  variant: Variant
  task: string
  cpu: number
  seeds: number
  latency: SeedsTogether
  /** mean per seed */
  misses: number
}

export function taskLatencyRows(results: ExperimentResults, opts: ChartBuildOptions): TaskLatencyRow[] {
  const rows: TaskLatencyRow[] = []
  for (const { variant, runs } of runsByVariant(results, opts)) {
    const byTask = new Map<string, TaskResult[]>()
    for (const run of runs) for (const t of run.tasks) byTask.set(t.name, [...(byTask.get(t.name) ?? []), t])
    for (const [task, seeds] of byTask) {
      rows.push({
        variant, task, cpu: seeds[0].cpu, seeds: seeds.length,
        latency: seedsTogether(seeds.map((t) => t.latencyNs)),
        misses: seeds.reduce((n, t) => n + t.misses, 0) / seeds.length
      })
    }
  }
  return rows
}
