// What `drainlab probe` does (commands/probe.ts declares it and its exit codes).
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { LabError } from '../../../src-shared/api'
import { parseCpulist } from '../../../src-shared/profile/cpulist'
import type { HostProbe } from '../../../src-shared/results/types'
import { formatNs, parseDuration } from '../../../src-shared/units'
import { TRIGGERS, type Trigger } from '../../lab/probe/drain-trigger'
import { probeHost } from '../../lab/probe/probe-host'
import { slugOf, timeStamp } from '../../lab/run-id'
import { splitList } from '../cli-arguments'
import { measuredTable } from '../measured-table'
import { refuseFinishedRunFolder } from '../out-folder'
import { historyNoteOfMeasured } from '../record-measured'
import { saveRunFolder } from '../save-run-folder'


/** Why the machine's min_free_kbytes is what it is, when THP's recommendation explains it (docs/model.md §2, min_free_kbytes). */
function minFreeWhy(host: HostProbe): string {
  const thp = host.thpMinFreeKbytes
  if (thp === null || thp === undefined) return ''
  const expected = Math.max(thp, host.modelMinFreeKbytes)
  const verdict = host.minFreeKbytes === expected ? `, which is the machine's: THP raised it (11 pageblocks per populated zone)` : ''
  return `, THP's set_recommended_min_free_kbytes() ${thp}${verdict}`
}

export interface ProbeCommandOptions {
  duration: string
  cpus?: string
  trigger?: string
  out?: string
  name?: string
  dataDir?: string
  history: boolean
}

const MAX_PROBE_SECONDS = 3600

/** The kernel's list of online CPUs (/sys/devices/system/cpu/online, e.g. "0-1"), null where there is none to read. */
function onlineCpulist(): string | null {
  try {
    return readFileSync('/sys/devices/system/cpu/online', 'utf8').trim()
  } catch {
    return null
  }
}

function parseOptions(o: ProbeCommandOptions): { durationNs: number; cpus?: number[]; triggers: Trigger[] } {
  let durationNs: number
  try {
    durationNs = parseDuration(o.duration)
  } catch (e) {
    throw new LabError('invalid-request', `--duration: ${(e as Error).message}`)
  }
  if (durationNs < 1e9 || durationNs > MAX_PROBE_SECONDS * 1e9 || durationNs % 1e9 !== 0) throw new LabError('invalid-request', `--duration ${o.duration}: whole seconds from 1s to ${MAX_PROBE_SECONDS}s (cyclictest -D counts whole seconds)`)
  let cpus: number[] | undefined
  if (o.cpus !== undefined) {
    try {
      cpus = parseCpulist(o.cpus, 1024)
    } catch (e) {
      throw new LabError('invalid-request', `--cpus ${o.cpus}: ${(e as Error).message}`)
    }
    if (cpus.length === 0) throw new LabError('invalid-request', '--cpus names no CPU')
    const online = onlineCpulist()
    const onlineCpus = online === null ? null : parseCpulist(online, 1 << 20)
    const absent = onlineCpus === null ? [] : cpus.filter((c) => !onlineCpus.includes(c))
    // cyclictest -a would fail on it after the whole trace: said before probing, as run says it of a profile
    if (absent.length > 0) throw new LabError('invalid-request', `--cpus ${o.cpus}: CPU ${absent.join(', ')} is not online on this machine (online: ${online})`)
  }
  const triggers = o.trigger === undefined ? [] : splitList(o.trigger)
  const unknown = triggers.filter((t) => !(TRIGGERS as readonly string[]).includes(t))
  if (unknown.length > 0) throw new LabError('invalid-request', `--trigger ${unknown.join(',')}: triggers are ${TRIGGERS.join(', ')}`)
  return { durationNs, cpus, triggers: triggers as Trigger[] }
}

/** The profile settings whose ZONE_NORMAL is this machine's (machine.dmaZonesMiB, kernel.thp; docs/model.md §2). */
export function machineSettings(host: Pick<HostProbe, 'zones' | 'thpMinFreeKbytes' | 'cpus'>): string {
  const pages = (names: string[]) => host.zones.filter((z) => names.includes(z.zone)).reduce((s, z) => s + z.managed, 0)
  const total = pages(['DMA', 'DMA32', 'Normal'])
  const below = pages(['DMA', 'DMA32'])
  const thp = host.thpMinFreeKbytes !== null && host.thpMinFreeKbytes !== undefined
  return `machine.cpus=${host.cpus} machine.memoryGiB=${(total * 4) / 1048576} machine.dmaZonesMiB=${(below * 4) / 1024} kernel.thp=${thp}`
}

/** The zone table: the machine's values, the model's, and every difference. */
function zoneText(host: HostProbe): string {
  const lines = [`kernel ${host.kernelRelease}, ${host.cpus} CPUs, isolated: ${host.isolated || '(none)'}, nohz_full: ${host.nohzFull ?? '(no file)'}`,
    `min_free_kbytes: machine ${host.minFreeKbytes ?? '?'}, model ${host.modelMinFreeKbytes}${minFreeWhy(host)}; percpu_pagelist_high_fraction ${host.percpuPagelistHighFraction ?? '?'}`,
    `to model this machine's zones: --set ${machineSettings(host).split(' ').join(' --set ')} (on a profile whose isolated CPUs and tasks lie in CPUs 0-${host.cpus - 1}: a preset's may not)`]
  for (const z of host.zones) {
    const cpus = z.cpus.map((c) => `cpu${c.cpu} count ${c.count} high ${c.high} batch ${c.batch}${c.highMin === undefined ? '' : ` high_min ${c.highMin} high_max ${c.highMax}`}`).join('; ')
    lines.push(`node ${z.node} ${z.zone}: managed ${z.managed}, watermarks ${z.min}/${z.low}/${z.high} (model ${z.model.wmarkMin}/${z.model.wmarkLow}/${z.model.wmarkHigh}); model batch ${z.model.batch} high ${z.model.high} high_max ${z.model.highMax}`)
    lines.push(`  ${cpus}`)
    for (const d of z.differences) lines.push(`  differs: ${d}`)
  }
  const dma32 = pcplistShareText(host)
  if (dma32 !== '') lines.push(dma32)
  return lines.join('\n')
}

/**
 * What this machine keeps on ZONE_DMA32's pcplists, which drain_all_pages(NULL) empties too: the model runs them
 * with housekeeping.dma32Share (docs/model.md §2.4), a share of the traffic rather than of the pages at rest.
 */
export function pcplistShareText(host: { zones: ReadonlyArray<{ zone: string; cpus: ReadonlyArray<{ count: number }> }> }): string {
  const onLists = (names: string[]) => host.zones.filter((z) => names.includes(z.zone)).reduce((s, z) => s + z.cpus.reduce((c, cpu) => c + cpu.count, 0), 0)
  const all = onLists(['DMA', 'DMA32', 'Normal'])
  const dma32 = onLists(['DMA32'])
  if (dma32 === 0) return ''
  return `pcplists: ZONE_DMA32 holds ${dma32} of the ${all} pages on this machine's lists (${((dma32 / all) * 100).toFixed(1)} %), which a global drain frees too: --set housekeeping.dma32Share runs them in the model`
}

function traceText(host: HostProbe): string {
  const lines = host.drainBursts.map((b) => `drain bursts cpu${b.cpu}: ${b.bursts} bursts, ${b.pages} pages, ns/page p50 ${formatNs(b.nsPerPage.p50)} p99 ${formatNs(b.nsPerPage.p99)} (${b.nsPerPage.count} bursts of ≥ 2 events)`)
  // the most frequent first, whatever their CPU; results.json keeps them all
  const frequent = [...host.workItems].sort((a, b) => b.count - a.count || a.cpu - b.cpu)
  for (const w of frequent.slice(0, 12)) lines.push(`work cpu${w.cpu} ${w.function}: ${w.count}× p50 ${formatNs(w.durationNs.p50)} max ${formatNs(w.durationNs.max)}`)
  const events = Object.entries(host.events).map(([k, v]) => `${k} ${v}`).join(', ')
  if (events !== '') lines.push(`events: ${events}`)
  return lines.join('\n')
}

export async function probe(o: ProbeCommandOptions): Promise<void> {
  const options = parseOptions(o)
  if (process.platform !== 'linux') throw new LabError('invalid-request', `drainlab probe reads Linux's /proc and tracefs; this is ${process.platform}`)
  const startedAt = new Date()
  if (o.out !== undefined) await refuseFinishedRunFolder(resolve(o.out))
  process.stderr.write(`drainlab: probing for ${options.durationNs / 1e9} s…\n`)
  const { results, zoneinfoText, traceText: rawTrace } = await probeHost({ ...options, name: o.name })
  const out = resolve(o.out ?? `${slugOf(results.profile.name)}-${timeStamp(startedAt)}`)
  // the raw texts the figures come from, so a reader can check them
  await saveRunFolder(out, results, {
    ...(zoneinfoText !== null ? { 'zoneinfo.txt': `${zoneinfoText}\n` } : {}),
    ...(rawTrace !== null ? { 'trace.txt': rawTrace } : {})
  })
  const historyNote = await historyNoteOfMeasured(results, startedAt, o)
  const m = results.measurement!
  const host = m.host!
  process.stdout.write(`${zoneText(host)}\n`)
  const trace = traceText(host)
  if (trace !== '') process.stdout.write(`${trace}\n`)
  if (m.calibration !== undefined) process.stdout.write(`calibration: tPageLocalNs ${m.calibration.costs.tPageLocalNs} (model default ${results.profile.kernel.costs.tPageLocalNs}) from ${m.calibration.samples.tPageLocalNs} pages\n`)
  if (results.jobs[0]?.result?.tasks.length) process.stdout.write(`${measuredTable(results)}\n`)
  for (const what of host.missing) process.stderr.write(`drainlab: missing: ${what}\n`)
  process.stderr.write(`drainlab: probe of ${host.kernelRelease} written to ${join(out, 'results.json')}${historyNote}\n`)
}
