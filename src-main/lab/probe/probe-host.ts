// drainlab probe: the real kernel's pcp state beside the model's, a trace of its drains and work items,
// and cyclictest's wakeup latencies on the measured CPUs, as one results document (engine "host") with a
// calibration block (docs/measurements.md). Without root or tracefs it reports what it read and, in
// `missing`, exactly what it could not do and why.
import { release } from 'node:os'
import { parseCpulist } from '../../../src-shared/profile/cpulist'
import type { Calibration, ExperimentResults, HostProbe, PcpParams } from '../../../src-shared/results/types'
import { calculateMinFreeKbytes, recommendedMinFreeKbytes } from '../../engine/mm/watermarks'
import { measuredResults } from '../measured/measured-results'
import { variantOfRelease } from '../measured/variant-of-release'
import { freeTriggerBytes, runTrigger, type Trigger } from './drain-trigger'
import { readHostState, type HostState } from './host-state'
import { runCyclictest } from './measuring-threads'
import { compareZone } from './model-comparison'
import { parseTraceEvents } from './trace-events'
import { clockFromMarkers, drainBursts, eventCounts, workItems, type TraceClock } from './trace-analysis'
import { startTraceSession, type TraceSession } from './tracefs-session'


/** The populated zones set_recommended_min_free_kbytes() counts: up to ZONE_NORMAL (not Movable, HighMem, Device). */
function lowmemZones(zones: ReadonlyArray<{ zone: string; managed: number }>): number {
  return zones.filter((z) => z.managed > 0 && ['DMA', 'DMA32', 'Normal'].includes(z.zone)).length
}

export interface ProbeOptions {
  durationNs: number
  /** the CPUs to measure; default the isolated ones, else every online CPU */
  cpus?: number[]
  triggers: Trigger[]
  name?: string
}

export interface ProbeOutcome {
  results: ExperimentResults
  /** the raw texts, kept next to the results so the figures can be checked */
  zoneinfoText: string | null
  traceText: string | null
}

const START_MARK = 'drainlab-probe start'
const END_MARK = 'drainlab-probe end'

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

/** The zone a pcp figure of the results speaks for: the one with the most managed pages (Normal on most machines). */
function pcpOfLargestZone(probe: HostProbe): PcpParams | undefined {
  const zone = [...probe.zones].sort((a, b) => b.managed - a.managed)[0]
  const cpu = zone?.cpus[0]
  if (zone === undefined || cpu === undefined) return undefined
  return { managedPages: zone.managed, batch: cpu.batch, high: cpu.highMin ?? cpu.high, highMax: cpu.highMax ?? cpu.high, wmarkMin: zone.min, wmarkLow: zone.low, wmarkHigh: zone.high }
}

function calibrationOf(probe: HostProbe, spans: Array<{ spanNs: number; intervals: number }>): Calibration | undefined {
  const spanNs = spans.reduce((s, b) => s + b.spanNs, 0)
  const intervals = spans.reduce((s, b) => s + b.intervals, 0)
  if (intervals === 0) return undefined
  const bursts = probe.drainBursts.reduce((s, b) => s + b.bursts, 0)
  return {
    costs: { tPageLocalNs: Math.round(spanNs / intervals) },
    samples: { tPageLocalNs: intervals },
    method: `kmem:mm_page_pcpu_drain bursts (one free_pcppages_bulk each, events ≤ 2 µs apart on one CPU): Σ span / Σ pages after each burst's first, ${intervals} pages in ${bursts} bursts; includes the tracepoint's own cost per page, so an upper bound`
  }
}

async function traceFor(o: ProbeOptions, state: HostState, cpus: number[], seconds: number, missing: string[]): Promise<{ session: TraceSession | null; cyclictest: Awaited<ReturnType<typeof runCyclictest>>; triggerPids: number[]; wallNs: number }> {
  let session: TraceSession | null = null
  if (!isRoot()) missing.push('tracing: not root (tracefs and the events need root; run drainlab probe as root)')
  else {
    try {
      session = await startTraceSession()
      missing.push(...session.missing)
    } catch (e) {
      missing.push(`tracing: ${(e as Error).message}`)
    }
  }
  const start = process.hrtime.bigint()
  await session?.mark(START_MARK)
  const measuring = runCyclictest(cpus, seconds)
  const triggerPids: number[] = []
  // triggers fire a third into the run, so the trace has quiet time on both sides of them
  await sleep(seconds * 1000 / 3)
  for (const trigger of o.triggers) {
    try {
      const largestHigh = Math.max(0, ...state.zones.flatMap((z) => z.cpus.map((c) => c.highMax ?? c.high)))
      triggerPids.push(await runTrigger(trigger, freeTriggerBytes(largestHigh)))
    } catch (e) {
      missing.push(`trigger ${trigger}: ${(e as Error).message}`)
    }
  }
  const cyclictest = await measuring
  // a cyclictest that could not run returns at once: the trace still covers the duration asked for
  const leftMs = seconds * 1000 - Number(process.hrtime.bigint() - start) / 1e6
  if (leftMs > 0) await sleep(leftMs)
  await session?.mark(END_MARK)
  const wallNs = Number(process.hrtime.bigint() - start)
  return { session, cyclictest, triggerPids, wallNs }
}

export async function probeHost(o: ProbeOptions): Promise<ProbeOutcome> {
  const state = await readHostState()
  const missing = [...state.missing]
  const isolated = state.isolated === null || state.isolated === '' ? [] : parseCpulist(state.isolated, state.onlineCpus)
  const cpus = o.cpus ?? (isolated.length > 0 ? isolated : Array.from({ length: state.onlineCpus }, (_, i) => i))
  const seconds = Math.max(1, Math.round(o.durationNs / 1e9))
  const { session, cyclictest, triggerPids, wallNs } = await traceFor(o, state, cpus, seconds, missing)
  if (cyclictest.problem !== undefined) missing.push(`measuring threads: ${cyclictest.problem}`)

  let traceText: string | null = null
  let probeTrace: Pick<HostProbe, 'drainBursts' | 'workItems' | 'events'> = { drainBursts: [], workItems: [], events: {} }
  let spans: Array<{ spanNs: number; intervals: number }> = []
  if (session !== null) {
    try {
      traceText = await session.stop()
    } finally {
      await session.close().catch((e: Error) => missing.push(`removing ${session.dir}: ${e.message}`))
    }
    const events = parseTraceEvents(traceText)
    const clock: TraceClock | null = session.clock === 'x86-tsc' ? clockFromMarkers(events, START_MARK, END_MARK, wallNs) : { nsPerStamp: 1000 }
    if (clock === null) missing.push('trace clock: the start/end markers are not in the trace (buffer overrun?), so x86-tsc counts cannot be turned into ns')
    else {
      const bursts = drainBursts(events, clock)
      spans = bursts
      const counts = eventCounts(events, cpus)
      counts['mm_page_pcpu_drain'] = events.filter((e) => e.event === 'mm_page_pcpu_drain').length
      if (triggerPids.length > 0) counts['mm_page_pcpu_drain from triggers'] = events.filter((e) => e.event === 'mm_page_pcpu_drain' && triggerPids.includes(e.tgid ?? e.pid)).length
      probeTrace = { drainBursts: bursts.map((b) => ({ cpu: b.cpu, bursts: b.bursts, pages: b.pages, nsPerPage: b.nsPerPage })), workItems: workItems(events, clock), events: counts }
      if (bursts.length === 0) missing.push('per-page free cost: no kmem:mm_page_pcpu_drain burst in the trace (nothing overfilled a pcp list; --trigger free makes one)')
    }
  }

  const managedTotal = state.zones.reduce((s, z) => s + z.managed, 0)
  const host: HostProbe = {
    kernelRelease: state.kernelRelease,
    minFreeKbytes: state.minFreeKbytes,
    modelMinFreeKbytes: calculateMinFreeKbytes(managedTotal, 4),
    thpMinFreeKbytes: state.thpEnabled === true ? recommendedMinFreeKbytes(lowmemZones(state.zones), managedTotal, 4) : null,
    percpuPagelistHighFraction: state.percpuPagelistHighFraction,
    isolated: state.isolated,
    nohzFull: state.nohzFull,
    cpus: state.onlineCpus,
    zones: state.zones.filter((z) => z.managed > 0 && z.cpus.length > 0)
      .map((z) => compareZone(z, state.onlineCpus, state.percpuPagelistHighFraction ?? 0, { lowmem: managedTotal, populated: lowmemZones(state.zones), thp: state.thpEnabled === true })),
    ...probeTrace,
    traceNs: session === null ? 0 : wallNs,
    missing
  }
  const variant = variantOfRelease(release()) ?? 'direct-chunked'
  const parsed = cyclictest.parsed ?? { format: 'cyclictest-json' as const, tool: 'cyclictest' as const, mode: 'periodic' as const, histograms: [] }
  const calibration = calibrationOf(host, spans)
  const results = measuredResults([{ file: 'cyclictest (run by drainlab probe)', parsed: { ...parsed, format: 'drainlab-probe', command: cyclictest.command } }], {
    name: o.name ?? `probe ${parsed.host ?? 'host'} ${release()}`,
    engine: 'host',
    variant,
    variantFrom: `kernel ${release()} of the probed machine`,
    pcp: pcpOfLargestZone(host),
    memoryGiB: managedTotal > 0 ? (managedTotal * 4) / 1048576 : undefined,
    tool: 'drainlab probe (cyclictest, tracefs)',
    extra: { host, ...(calibration === undefined ? {} : { calibration }) }
  })
  return { results, zoneinfoText: state.zoneinfoText, traceText }
}
