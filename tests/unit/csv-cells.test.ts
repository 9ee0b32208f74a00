// The lab's CSV tables (CLI and exportResults) write cells as a chart's CSV in the UI does
// (tests/component/csv-agreement.test.ts checks the UI's side against the same cells): one escaping,
// src-shared/csv-cell.
import { describe, expect, it } from 'vitest'
import { csvTables } from '../../src-main/lab/export/csv-export'
import { syntheticResults } from './lab-support/synthetic-results'

describe('CSV cells of the lab\'s tables, as in a chart\'s CSV', () => {
  it('quote a cell with a bare CR and leave a non-finite number empty', () => {
    const results = syntheticResults()
    results.jobs[0] = { ...results.jobs[0], error: 'fast\rpath', result: { ...results.jobs[0].result!, events: Number.NaN } }
    const jobs = csvTables(results).find((t) => t.name === 'jobs.csv')!.text.split('\n')
    const [header, row] = [jobs[0].split(','), jobs[1]]
    expect(row.endsWith(',"fast\rpath"')).toBe(true)
    expect(row.split(',')[header.indexOf('events')]).toBe('')
  })
})
