// The pure parts of the timeline canvas: lanes laid out from a run timeline (housekeeping first, each
// layer sorted by start, the hit test), two runs stacked on one axis, and the time axis labels in a unit
// that shows the step.
import { describe, expect, it } from 'vitest'
import type { RunTimeline } from '@shared/results/types'
import { TIMELINE_KINDS } from '@shared/results/timeline-kinds'
import { instantTimes, layOutTimeline, recordAt, stepTo } from '../../src-renderer/src/timeline/timeline-lanes'
import { timeTicks } from '../../src-renderer/src/timeline/time-axis'
import { timelineRows } from '../../src-renderer/src/timeline/timeline-geometry'
import { selectMissAt } from '../../src-renderer/src/timeline/timeline-selection'
import { stackTimelines } from '../../src-renderer/src/timeline/timeline-stack'

const kind = (name: string) => TIMELINE_KINDS.findIndex((k) => k.name === name)
const base64 = (v: ArrayBufferView) => btoa(String.fromCharCode(...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)))

/** A timeline of records [cpu, kind, start, duration, drain], stored as the engine stores them. */
function timeline(records: Array<[number, string, number, number, number]>): RunTimeline {
  return {
    kinds: TIMELINE_KINDS.map((k) => k.name),
    cpus: [{ cpu: 0, role: 'housekeeping' }, { cpu: 1, role: 'isolated' }, { cpu: 2, role: 'housekeeping' }],
    windows: [{ reason: 'run', fromNs: 0, untilNs: 1000, truncated: false }],
    capRecords: 200_000,
    drainSources: ['reclaim', 'reclaim', 'reclaim', 'reclaim', 'reclaim', 'reclaim', 'reclaim', 'compaction'],
    count: records.length,
    columns: {
      cpu: base64(Uint16Array.from(records, (r) => r[0])),
      kind: base64(Uint8Array.from(records, (r) => kind(r[1]))),
      startNs: base64(Float64Array.from(records, (r) => r[2])),
      durationNs: base64(Float64Array.from(records, (r) => r[3])),
      drain: base64(Uint32Array.from(records, (r) => r[4]))
    }
  }
}

describe('timeline lanes', () => {
  // recorded out of order, as the engine records them (a segment when it ends)
  const laid = layOutTimeline(timeline([
    [1, 'idle', 300, 700, 0],
    [1, 'rt', 0, 100, 0],
    [1, 'release', 0, 0, 0],
    [1, 'deadline-miss', 800, 0, 0],
    [2, 'deadline-miss', 400, 0, 0],
    [1, 'kworker-drain', 200, 100, 7],
    [1, 'kworker', 100, 100, 7],
    [1, 'remote-drain', 150, 400, 8],
    [0, 'drain-request', 90, 0, 7],
    [2, 'remote-drain', 10, 20, 8]
  ]))

  it('puts the housekeeping CPUs first, then the isolated ones, each layer sorted by start', () => {
    expect(laid.lanes.map((l) => [l.cpu, l.role])).toEqual([[0, 'housekeeping'], [2, 'housekeeping'], [1, 'isolated']])
    const cpu1 = laid.lanes[2].layers
    expect([...cpu1.cpu.start]).toEqual([0, 100, 200, 300])
    expect([...cpu1.cpu.kind].map((k) => laid.kinds[k].name)).toEqual(['rt', 'kworker', 'kworker-drain', 'idle'])
    expect([...cpu1['pcp-lock'].start]).toEqual([150])
    expect(cpu1.cpu.maxDurationNs).toBe(700)
    expect(laid.endNs).toBe(1000)
  })

  it('finds the segment under a time, and an instant within the slop', () => {
    const cpu1 = laid.lanes[2].layers
    expect(recordAt(cpu1.cpu, 250, 0)).toBe(2)
    expect(cpu1.cpu.drain[2]).toBe(7)
    expect(recordAt(cpu1.cpu, 999, 0)).toBe(3)
    expect(recordAt(cpu1['pcp-lock'], 500, 0)).toBe(0)
    expect(recordAt(cpu1.instant, 4, 5)).toBe(0)
    expect(recordAt(cpu1.instant, 40, 5)).toBe(-1)
  })
})

describe('a caller waiting for pcpu_drain_mutex', () => {
  const records: Array<[number, string, number, number, number]> = [[0, 'drain-request', 100, 0, 3], [0, 'drain-mutex-wait', 100, 400, 3], [0, 'kworker', 200, 20, 2], [1, 'rt', 0, 1000, 0]]
  const laid = layOutTimeline(timeline(records))

  it('is laid out in its own layer of the requester\'s lane, beside (not in) the CPU\'s own segments', () => {
    const cpu0 = laid.lanes[0].layers
    expect([...cpu0.caller.start]).toEqual([100])
    expect(laid.kinds[cpu0.caller.kind[0]].name).toBe('drain-mutex-wait')
    expect([...cpu0.cpu.kind].map((k) => laid.kinds[k].name)).toEqual(['kworker'])
    expect(recordAt(cpu0.caller, 300, 0)).toBe(0)
  })

  it('keeps its layer when the run is stacked under another', () => {
    const both = stackTimelines(layOutTimeline(timeline([[1, 'rt', 0, 1000, 0]])), 'direct', laid, 'workqueue')
    expect(both.kinds[both.lanes[3].layers.caller.kind[0]].name).toBe('drain-mutex-wait')
  })
})

describe('stepping through misses', () => {
  const laid = layOutTimeline(timeline([[1, 'deadline-miss', 800, 0, 0], [2, 'deadline-miss', 400, 0, 0], [1, 'release', 500, 0, 0]]))

  it('lists the misses of every CPU in time order, and steps forward and back from a time', () => {
    const misses = instantTimes(laid, 'deadline-miss')
    expect(misses).toEqual([400, 800])
    expect(stepTo(misses, 500, true)).toBe(800)
    expect(stepTo(misses, 500, false)).toBe(400)
    expect(stepTo(misses, 800, true)).toBeNull()
    expect(stepTo(misses, 400, false)).toBeNull()
  })
})

describe('two runs stacked on one time axis', () => {
  const first = layOutTimeline(timeline([[1, 'rt', 0, 100, 0], [1, 'deadline-miss', 800, 0, 0]]))
  // the second run's kinds in another order: its records keep their meaning
  const other = timeline([[1, 'kworker', 50, 20, 3], [2, 'deadline-miss', 400, 0, 0]])
  const second = layOutTimeline({ ...other, kinds: [...other.kinds].reverse(), columns: { ...other.columns, kind: btoa(String.fromCharCode(...Uint8Array.from([other.kinds.length - 1 - kind('kworker'), other.kinds.length - 1 - kind('deadline-miss')]))) } })
  const both = stackTimelines(first, 'workqueue', second, 'direct')

  it('puts the second run\'s lanes under the first\'s, each group headed by its run', () => {
    expect(both.lanes.map((l) => [l.stack, l.cpu])).toEqual([[0, 0], [0, 2], [0, 1], [1, 0], [1, 2], [1, 1]])
    expect(timelineRows(both.lanes).headers.map((h) => h.title)).toEqual([
      'workqueue · housekeeping CPUs', 'workqueue · isolated CPUs', 'direct · housekeeping CPUs', 'direct · isolated CPUs'
    ])
    expect(timelineRows(first.lanes).headers.map((h) => h.title)).toEqual(['housekeeping CPUs', 'isolated CPUs'])
  })

  it('maps the second run\'s kinds onto the first\'s by name', () => {
    const cpu1 = both.lanes[5].layers.cpu
    expect(both.kinds[cpu1.kind[0]].name).toBe('kworker')
    expect(both.kinds[both.lanes[4].layers.instant.kind[0]].name).toBe('deadline-miss')
  })

  it('finds a stepped-to miss in the run it belongs to', () => {
    expect(instantTimes(both, 'deadline-miss')).toEqual([400, 800])
    expect(selectMissAt(both, 400, () => [])).toMatchObject({ what: 'miss', stack: 1, cpu: 2 })
    expect(selectMissAt(both, 800, () => [])).toMatchObject({ what: 'miss', stack: 0, cpu: 1 })
  })
})

describe('time axis', () => {
  it('labels ticks in the unit that shows the step, deep into a long run too', () => {
    expect(timeTicks(0, 1e9, 900).map((t) => t.label)).toEqual(['0.0 s', '0.1 s', '0.2 s', '0.3 s', '0.4 s', '0.5 s', '0.6 s', '0.7 s', '0.8 s', '0.9 s', '1.0 s'])
    const deep = timeTicks(3_750_000_000, 3_750_001_000, 900)
    expect(deep[0].label).toBe('3750000.0 µs')
    expect(deep[1].ns - deep[0].ns).toBe(100)
    expect(timeTicks(10, 30, 900).map((t) => t.label).slice(0, 3)).toEqual(['10 ns', '12 ns', '14 ns'])
  })
})
