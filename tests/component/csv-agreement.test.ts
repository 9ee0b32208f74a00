// The lab's CSV tables (CLI and exportResults) and a chart's CSV from the UI write cells the same way:
// one escaping (src-shared/csv-cell) for a cell with a bare CR and for a number that is not finite.
import type { ChartConfiguration } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { csvTables } from '../../src-main/lab/export/csv-export'
import { chartCsv } from '../../src-renderer/src/charts/chart-csv'
import { syntheticResults } from '../unit/lab-support/synthetic-results'

const TRICKY = 'fast\rpath'
const ESCAPED = '"fast\rpath"'

describe('CSV cells, UI and lab alike', () => {
  it('quote a cell with a bare CR and leave a non-finite number empty, on both sides', () => {
    const chart = { type: 'line', data: { datasets: [{ label: TRICKY, data: [{ x: 1, y: Number.NaN }] }] }, options: {} } as unknown as ChartConfiguration
    expect(chartCsv(chart).split('\n')[1]).toBe(`${ESCAPED},1,`)

    const results = syntheticResults()
    results.jobs[0] = { ...results.jobs[0], error: TRICKY, result: { ...results.jobs[0].result!, events: Number.NaN } }
    const jobs = csvTables(results).find((t) => t.name === 'jobs.csv')!.text.split('\n')
    const [header, row] = [jobs[0].split(','), jobs[1]]
    expect(row.endsWith(`,${ESCAPED}`)).toBe(true)
    expect(row.split(',')[header.indexOf('events')]).toBe('')
  })
})
