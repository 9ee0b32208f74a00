// A chart's CSV from the UI writes cells as the lab's CSV tables do (tests/unit/csv-cells.test.ts
// checks the lab's side against the same cells): one escaping, src-shared/csv-cell.
import type { ChartConfiguration } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { chartCsv } from '../../src-renderer/src/charts/chart-csv'

describe('CSV cells of a chart, as in the lab\'s tables', () => {
  it('quote a cell with a bare CR and leave a non-finite number empty', () => {
    const chart = { type: 'line', data: { datasets: [{ label: 'fast\rpath', data: [{ x: 1, y: Number.NaN }] }] }, options: {} } as unknown as ChartConfiguration
    expect(chartCsv(chart).split('\n')[1]).toBe('"fast\rpath",1,')
  })
})
