// A chart's CSV is the data the chart shows (issue 15, point 1): real counts and values in the units the
// headers name, the same classes for every variant, no plotting stand-ins and no float noise.
import { describe, expect, it } from 'vitest'
import { CHARTS } from '../../src-shared/charts/index'
import { tableCsv, tableOf, type ChartTable } from '../../src-shared/charts/chart-table'
import { csvTables } from '../../src-main/lab/export/csv-export'
import { syntheticResults } from './lab-support/synthetic-results'

const results = syntheticResults()
// a drain that took no time (the lists were empty) and one whose µs value is not a short double product
const first = results.jobs.find((j) => j.variant === 'workqueue')!.result!
first.drains.overTime.values[0] = 0
first.drains.overTime.values[1] = 12_722_175

function table(id: string): ChartTable {
  const t = tableOf(CHARTS.find((c) => c.id === id)!.build(results))
  if (!t) throw new Error(`${id} has no table`)
  return t
}

/** At most 3 decimals: values are whole ns written as µs, nothing like 12722.175000000001. */
const noFloatNoise = (v: unknown) => typeof v !== 'number' || /^-?\d+(\.\d{1,3})?$/.test(String(v)) || /e/.test(String(v))

describe('chart tables: what the chart shows', () => {
  it.each(['latency-histogram', 'drain-histogram'])('%s: one row per class with a whole count for every variant', (id) => {
    const t = table(id)
    expect(t.header.join()).not.toMatch(/log/)
    expect(t.header.slice(2)).toEqual(['workqueue', 'direct'].map((v) => expect.stringMatching(new RegExp(`^${v} .*\\(count\\)$`))))
    for (const row of t.rows) {
      expect(row).toHaveLength(4)
      for (const c of row.slice(2)) expect(Number.isInteger(c) && (c as number) >= 0).toBe(true)
      expect(row.every(noFloatNoise)).toBe(true)
      expect(row[1] as number).toBeGreaterThan(row[0] as number)
    }
    if (id === 'latency-histogram') {
      // every sample of both seeds counted once, empty classes as 0 (not the 0.1 the log axis draws)
      expect(t.rows.reduce((a, r) => a + (r[3] as number), 0)).toBe(2 * 5000)
      expect(t.rows.some((r) => r[2] === 0 || r[3] === 0)).toBe(true)
    }
  })

  it.each(['latency-percentiles', 'drain-percentiles'])('%s: the percentiles people quote, exact decimals, once each, the maximum as 100', (id) => {
    const t = table(id)
    expect(t.header[1]).toBe('percentile (%)')
    expect(t.header[2]).toMatch(/^(wakeup latency|drain time) \(µs\)$/)
    for (const variant of new Set(t.rows.map((r) => r[0]))) {
      const rows = t.rows.filter((r) => r[0] === variant)
      const pct = rows.map((r) => r[1] as number)
      // no sampling grid of the nines axis (10.8749061866), no duplicate row for the step up to the maximum
      expect(pct.slice(0, 12)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 91, 92])
      expect(pct).toEqual(expect.arrayContaining(id === 'latency-percentiles' ? [99, 99.9, 99.99] : [99]))
      expect(pct.every((p) => /^\d+(\.\d{1,6})?$/.test(String(p)))).toBe(true)
      expect(new Set(pct).size).toBe(pct.length)
      expect([...pct].sort((a, b) => a - b)).toEqual(pct)
      expect(pct[pct.length - 1]).toBe(100)
      const values = rows.map((r) => r[2] as number)
      expect([...values].sort((a, b) => a - b)).toEqual(values)
      expect(values.every(noFloatNoise)).toBe(true)
    }
  })

  it('percentile CSVs agree with the CLI\'s percentiles.csv (ns) and with the summary\'s exact drain max', () => {
    const cli = csvTables(results).find((t) => t.name === 'percentiles.csv')!.text.trim().split('\n').slice(1).map((l) => l.split(','))
    const chart = table('drain-percentiles')
    const wq = (rows: unknown[][]) => rows.filter((r) => r[0] === 'workqueue')
    expect(wq(chart.rows).map((r) => [r[1], r[2]])).toEqual(
      wq(cli.filter((r) => r[2] === 'drain_time')).map((r) => [Number(r[3]), Number(r[4]) / 1000]))
    const summary = csvTables(results).find((t) => t.name === 'summary.csv')!.text.trim().split('\n').map((l) => l.split(','))
    const row = summary.find((r) => r[0] === 'workqueue')!
    const col = (name: string) => Number(row[summary[0].indexOf(name)])
    const at = (p: number) => wq(chart.rows).find((r) => r[1] === p)![2]
    // the summary's p50/p99 are means over seeds; its max is the worst seed's exact maximum, as is the row 100
    expect(at(100)).toBe(col('drainMaxNs') / 1000)
  })

  it('drain times over time: a zero drain is 0 µs (not 0.001), exact µs', () => {
    const t = table('drain-over-time')
    expect(t.header).toEqual(['variant', 'completion time (s)', 'drain time (µs)'])
    const wq = t.rows.filter((r) => r[0] === 'workqueue')
    expect(wq[0][2]).toBe(0)
    expect(wq[1][2]).toBe(12722.175)
    expect(tableCsv(t)).toContain('workqueue,0.005,12722.175\n')
  })

  it('max latency per window: every window, in µs, no log in the header', () => {
    const t = table('max-per-window')
    expect(t.header).toEqual(['variant', 'end of window (s)', 'max wakeup latency (µs)'])
    expect(t.rows).toHaveLength(2 * 10)
    expect(t.rows.every((r) => r.every(noFloatNoise))).toBe(true)
  })

  it('the histogram CSVs agree with the CLI\'s histograms.csv: the same samples per variant, one writer', () => {
    const cli = csvTables(results).find((t) => t.name === 'histograms.csv')!.text.trim().split('\n').slice(1).map((l) => l.split(','))
    const t = table('latency-histogram')
    t.header.slice(2).forEach((_, k) => {
      const variant = ['workqueue', 'direct'][k]
      const cliCount = cli.filter((r) => r[0] === variant && r[2] === 'wakeup_latency').reduce((a, r) => a + Number(r[5]), 0)
      expect(t.rows.reduce((a, r) => a + (r[2 + k] as number), 0)).toBe(cliCount)
    })
    expect(tableCsv({ header: ['a', 'b'], rows: [[1, 'x,y']] })).toBe('a,b\n1,"x,y"\n')
  })
})
