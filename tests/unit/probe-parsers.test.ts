// drainlab probe's readers on what it captured on the development machine (tests/fixtures/probe/README.md)
// and on small hand-made traces whose answers are known exactly.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readHostState } from '../../src-main/lab/probe/host-state'
import { compareZone } from '../../src-main/lab/probe/model-comparison'
import { recommendedMinFreeKbytes } from '../../src-main/engine/mm/watermarks'
import { clockFromMarkers, drainBursts, eventCounts, workItems } from '../../src-main/lab/probe/trace-analysis'
import { parseTraceEvents } from '../../src-main/lab/probe/trace-events'
import { parseZoneinfo } from '../../src-main/lab/probe/zoneinfo'
import { pcplistShareText } from '../../src-main/cli/commands/probe-action'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'probe')
const zoneinfo = readFileSync(join(FIXTURES, 'zoneinfo.txt'), 'utf8')
const trace = readFileSync(join(FIXTURES, 'trace.txt'), 'utf8')
/** wall time between the two markers of the captured run (its results' traceNs) */
const CAPTURED_WALL_NS = 3_089_398_783

describe('/proc/zoneinfo', () => {
  const zones = parseZoneinfo(zoneinfo)

  it('says what ZONE_DMA32\'s lists hold, and nothing when they are empty (as in this capture)', () => {
    expect(pcplistShareText({ zones })).toBe('')
    // the VM read later (2026-11-30): CPU 0's DMA32 list at 1024 pages, the Normal lists at 1386 and 3021
    const later = zones.map((z) => ({ ...z, cpus: z.cpus.map((c) => ({ ...c, count: z.zone === 'DMA32' ? (c.cpu === 0 ? 1024 : 0) : z.zone === 'Normal' ? (c.cpu === 0 ? 1386 : 3021) : 0 })) }))
    expect(pcplistShareText({ zones: later })).toBe('pcplists: ZONE_DMA32 holds 1024 of the 5431 pages on this machine\'s lists (18.9 %), which a global drain frees too: --set housekeeping.dma32Share runs them in the model')
  })

  it('reads every zone with its watermarks, managed pages and per-CPU pcp values', () => {
    expect(zones.map((z) => [z.zone, z.managed])).toEqual([['DMA', 3840], ['DMA32', 772808], ['Normal', 1179648], ['Movable', 0], ['Device', 0]])
    const normal = zones[2]
    expect([normal.min, normal.low, normal.high]).toEqual([10188, 12735, 15282])
    expect(normal.cpus.map((c) => [c.cpu, c.batch, c.highMin, c.highMax])).toEqual([[0, 63, 6367, 73728], [1, 63, 6367, 73728]])
    // the zone's "high" watermark is not mistaken for a CPU's pcp high
    expect(normal.cpus.every((c) => c.high !== 15282)).toBe(true)
  })

  it('puts the model beside the machine and lists every difference', () => {
    const normal = compareZone(zones[2], 2, 0)
    expect(normal.model).toEqual({ batch: 63, high: 1675, highMax: 73728, wmarkMin: 2172, wmarkLow: 3351, wmarkHigh: 4530 })
    expect(normal.differences).toEqual([
      'high_min: machine 6367, model 1675',
      'high_min is zone_highsize() of the machine\'s own low watermark (12735 / 2 CPUs = 6367): the formula agrees, its input (the watermarks) does not',
      'min watermark: machine 10188, model 2172',
      'low watermark: machine 12735, model 3351',
      'high watermark: machine 15282, model 4530'
    ])
  })

  it('with the node\'s three zones and THP on (machine.dmaZonesMiB, kernel.thp) the model is the machine: no difference', () => {
    const lowmem = zones.reduce((s, z) => s + z.managed, 0)
    const normal = compareZone(zones[2], 2, 0, { lowmem, populated: 3, thp: true })
    expect(normal.model).toEqual({ batch: 63, high: 6367, highMax: 73728, wmarkMin: 10188, wmarkLow: 12735, wmarkHigh: 15282 })
    expect(normal.differences).toEqual([])
    // the same fixture's DMA32 zone
    const dma32 = compareZone(zones[1], 2, 0, { lowmem, populated: 3, thp: true })
    expect([dma32.model.wmarkMin, dma32.model.wmarkLow, dma32.model.wmarkHigh]).toEqual([zones[1].min, zones[1].low, zones[1].high])
  })
})

describe('the trace', () => {
  const events = parseTraceEvents(trace)

  it('reads every event line with its process, CPU and raw x86-tsc stamp', () => {
    const count = (name: string) => events.filter((e) => e.event === name).length
    expect(count('mm_page_pcpu_drain')).toBe(600)
    expect(count('sched_switch')).toBe(200)
    expect(count('tracing_mark_write')).toBe(2)
    expect(events.find((e) => e.event === 'tracing_mark_write')).toMatchObject({ comm: 'node', pid: 3057, tgid: 3045, cpu: 0, stamp: 1749314505799014, body: 'drainlab-probe start' })
  })

  it('turns x86-tsc counts into ns from the two markers: this VM\'s 2.096 GHz counter', () => {
    const clock = clockFromMarkers(events, 'drainlab-probe start', 'drainlab-probe end', CAPTURED_WALL_NS)
    expect(1 / clock!.nsPerStamp).toBeCloseTo(2.096, 2)
  })

  it('groups pcp drain events into bursts and gives a per-page cost', () => {
    const clock = clockFromMarkers(events, 'drainlab-probe start', 'drainlab-probe end', CAPTURED_WALL_NS)!
    const bursts = drainBursts(events, clock)
    expect(bursts.reduce((s, b) => s + b.pages, 0)).toBe(600)
    const pooled = bursts.reduce((s, b) => s + b.spanNs, 0) / bursts.reduce((s, b) => s + b.intervals, 0)
    // this 600-event cut gives 140 ns a page (the whole 3 s trace: 215 ns, 5017 pages), tracepoint included
    expect(Math.round(pooled)).toBe(140)
    expect(bursts.every((b) => b.nsPerPage.min > 50 && b.nsPerPage.max < 1000)).toBe(true)
  })

  it('pairs work items per CPU and counts switches and IPIs on the measured CPUs', () => {
    const clock = clockFromMarkers(events, 'drainlab-probe start', 'drainlab-probe end', CAPTURED_WALL_NS)!
    const items = workItems(events, clock)
    expect(items.some((w) => w.function === 'vmstat_update' && w.count > 0)).toBe(true)
    const counts = eventCounts(events, [1])
    expect(Object.keys(counts).every((k) => k.endsWith('cpu1'))).toBe(true)
    expect(counts['sched_switch cpu1']).toBe(events.filter((e) => e.event === 'sched_switch' && e.cpu === 1).length)
  })
})

describe('exact answers on hand-made traces', () => {
  const line = (comm: string, pid: number, cpu: number, stamp: number, event: string, body: string) =>
    `${comm}-${pid}`.padStart(22) + ` (${String(pid).padStart(7)}) [${String(cpu).padStart(3, '0')}] d..3. ${stamp}: ${event}: ${body}`

  it('a burst of 4 pages 1000 counts apart at 0.5 ns a count is 500 ns a page; a 3 µs gap starts another burst', () => {
    const text = [1000, 2000, 3000, 4000, 10000, 11000].map((t) => line('x', 7, 1, t, 'mm_page_pcpu_drain', 'page=0 pfn=0x1 order=0 migratetype=1')).join('\n')
    const [b] = drainBursts(parseTraceEvents(text), { nsPerStamp: 0.5 })
    expect([b.cpu, b.bursts, b.pages, b.intervals, b.spanNs]).toEqual([1, 2, 6, 4, 2000])
    expect(b.nsPerPage.count).toBe(2)
  })

  it('an order-1 block counts two pages', () => {
    const text = [0, 1000].map((t) => line('x', 7, 0, t, 'mm_page_pcpu_drain', 'page=0 pfn=0x1 order=1 migratetype=1')).join('\n')
    const [b] = drainBursts(parseTraceEvents(text), { nsPerStamp: 1 })
    expect([b.pages, b.intervals, b.spanNs]).toEqual([4, 2, 1000])
  })

  it('a seconds.µs clock and a work item that ran 25 µs', () => {
    const text = [
      '     kworker/1:1-3721    [001] ..... 10252.653376: workqueue_execute_start: work struct 00000000cf7f38c4: function drain_local_pages_wq',
      '     kworker/1:1-3721    [001] ..... 10252.653401: workqueue_execute_end: work struct 00000000cf7f38c4: function drain_local_pages_wq'
    ].join('\n')
    const [w] = workItems(parseTraceEvents(text), { nsPerStamp: 1000 })
    expect([w.cpu, w.function, w.count, w.durationNs.max]).toEqual([1, 'drain_local_pages_wq', 1, 25_000])
  })

  it('a switch to a kworker on a measured CPU is counted apart', () => {
    const text = [
      line('cyclictest', 9, 1, 5, 'sched_switch', 'prev_comm=cyclictest prev_pid=9 prev_prio=19 prev_state=S ==> next_comm=kworker/1:1 next_pid=40 next_prio=120'),
      line('kworker/1:1', 40, 1, 6, 'sched_switch', 'prev_comm=kworker/1:1 prev_pid=40 prev_prio=120 prev_state=I ==> next_comm=swapper/1 next_pid=0 next_prio=120'),
      line('x', 7, 0, 7, 'sched_switch', 'prev_comm=x prev_pid=7 prev_prio=120 prev_state=S ==> next_comm=kworker/0:2 next_pid=41 next_prio=120')
    ].join('\n')
    expect(eventCounts(parseTraceEvents(text), [1])).toEqual({ 'sched_switch cpu1': 2, 'sched_switch to a kworker cpu1': 1 })
  })

  it('ipi_send_cpumask names its CPUs as a hex bitmask', () => {
    const text = line('x', 7, 0, 5, 'ipi_send_cpumask', 'cpumask=a callsite=x callback=y')
    expect(eventCounts(parseTraceEvents(text), [1, 2, 3])).toEqual({ 'ipi_send_cpumask to cpu1': 1, 'ipi_send_cpumask to cpu3': 1 })
  })
})

describe('reading the host', () => {
  it('reports a file it cannot read, with the reason, and reads the rest', async () => {
    const state = await readHostState({
      zoneinfo: join(FIXTURES, 'zoneinfo.txt'),
      minFreeKbytes: join(FIXTURES, 'no-such-file'),
      thp: join(FIXTURES, 'thp-enabled.txt'),
      highFraction: join(FIXTURES, 'no-such-file'),
      isolated: join(FIXTURES, 'no-such-file'),
      nohzFull: join(FIXTURES, 'no-such-file'),
      online: join(FIXTURES, 'no-such-file')
    })
    expect(state.zones).toHaveLength(5)
    expect(state.minFreeKbytes).toBeNull()
    // "always [madvise] never": THP is on, so khugepaged raises min_free_kbytes
    expect(state.thpEnabled).toBe(true)
    expect(state.missing).toHaveLength(5)
    expect(state.missing).toContain(`${join(FIXTURES, 'no-such-file')} (vm.min_free_kbytes): ENOENT`)
  })
})

describe('min_free_kbytes with THP on', () => {
  it('set_recommended_min_free_kbytes(): 11 pageblocks per populated zone — 67584 KiB for DMA, DMA32 and Normal, this machine\'s value', () => {
    expect(recommendedMinFreeKbytes(3, 2_000_000, 4)).toBe(67584)
    // at most 5 % of lowmem
    expect(recommendedMinFreeKbytes(3, 100_000, 4)).toBe(5000 * 4)
  })
})
