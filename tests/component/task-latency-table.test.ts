// @vitest-environment happy-dom
// Per task and CPU min / avg / p50 / p99 / max (issue 15, point 6): the Results view showed only per-variant
// headline figures, where cyclictest prints Min/Avg/Max per thread.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TaskLatencyTable from '../../src-renderer/src/components/TaskLatencyTable.vue'
import { taskLatencyRows } from '../../src-renderer/src/results/task-latency-rows'
import { syntheticResults } from '../unit/lab-support/synthetic-results'

describe('task latency rows', () => {
  it('one row per task and variant, all seeds together: exact min and max, count-weighted mean, merged percentiles', () => {
    const results = syntheticResults()
    const rows = taskLatencyRows(results, {})
    expect(rows.map((r) => [r.task, r.cpu, r.variant, r.seeds])).toEqual([['poller', 3, 'workqueue', 2], ['poller', 3, 'direct', 2]])
    const seeds = results.jobs.filter((j) => j.variant === 'workqueue').map((j) => j.result!.tasks[0].latencyNs)
    const wq = rows[0].latency
    expect(wq.min).toBe(Math.min(...seeds.map((d) => d.min)))
    expect(wq.max).toBe(Math.max(...seeds.map((d) => d.max)))
    expect(wq.count).toBe(seeds[0].count + seeds[1].count)
    expect(wq.mean).toBeCloseTo((seeds[0].mean * seeds[0].count + seeds[1].mean * seeds[1].count) / wq.count, 6)
    expect(wq.min).toBeLessThanOrEqual(wq.p50)
    expect(wq.p50).toBeLessThanOrEqual(wq.p99)
    expect(wq.p99).toBeLessThanOrEqual(wq.max)
  })

  it('follows the sweep point on screen', () => {
    const results = syntheticResults(true)
    const [first] = taskLatencyRows(results, { sweepIndex: 0 })
    const [second] = taskLatencyRows(results, { sweepIndex: 1 })
    // the synthetic runs scale their numbers with the sweep point
    expect(second.latency.max).not.toBe(first.latency.max)
  })
})

describe('TaskLatencyTable', () => {
  it('shows Min, Avg, p50, p99 and Max per task, CPU and variant', () => {
    const wrapper = mount(TaskLatencyTable, { props: { results: syntheticResults(), sweepIndex: 0 } })
    const headers = wrapper.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(expect.arrayContaining(['Task', 'CPU', 'Variant', 'Min', 'Avg', 'p50', 'p99', 'Max']))
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('poller')
    expect(wrapper.text()).toContain('2 seeds together')
  })
})
