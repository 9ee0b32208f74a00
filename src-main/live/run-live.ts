// One live job: the profile's machine as worker threads on this host's CPUs, for real. It checks what it
// refuses (live-limits.ts, cpu-mapping.ts), builds the shared state, starts one worker per profile CPU, pins
// each to its host CPU (and chrt -f where asked), starts them together, stops them at run.durationMs or on
// cancel, counts every page token back and returns the RunResult. A job that loses or duplicates a token
// fails with the counts.
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { isolatedCpus } from '../../src-shared/profile/cpu-roles'
import type { DrainSourceKind, Profile, Variant } from '../../src-shared/profile/schema'
import type { LiveCpu, RunResult, SampledSeries } from '../../src-shared/results/types'
import { derivePcpParams } from '../engine/mm/pcp-params'
import { antiStarvationPolicy } from '../engine/sched/anti-starvation/policy-params'
import { drainChunkPages, VARIANT_TRAITS } from '../../src-shared/kernel/variant-traits'
import { mapCpus } from './cpu-mapping'
import { readHostCpus, type HostCpus } from './host-cpus'
import { clockFrom } from './live-clock'
import { checkLiveProfile, LIVE_MAX_TOKENS, liveNotes } from './live-limits'
import { liveRunResult } from './live-result'
import { workerRoles, type WorkerRole } from './live-roles'
import { cpuBase, LiveState, PCP_COUNT, STARTED, WORK_PENDING, ZONE_COUNT, type LiveLayout } from './live-state'
import { movePages, pcpPlace, zonePlace } from './page-moves'
import { pinThread, type PinOutcome } from './pin-thread'
import { auditTokens } from './token-audit'
import type { WorkerMessage, WorkerReport, WorkerSpec } from './worker-protocol'

export const LIVE_WORKER_ENTRY = fileURLToPath(new URL('./cpu-worker.mjs', import.meta.url))

/** Workers compile TypeScript at start when run from the sources: generous, but bounded. */
const READY_TIMEOUT_MS = 30_000
/** How often the runner looks at the cancel flag and samples the lists: a cancel is seen within this. */
const TICK_MS = 20
/** After the stop flag, how long workers get to post their reports before they are terminated. */
const STOP_GRACE_MS = 500
const HELD_CAPACITY_MIN = 4096

export interface LiveJobOptions {
  profile: Profile
  variant: Variant
  seed: number
  /** read every TICK_MS: true ends the run early (partial) */
  cancelled?: () => boolean
  /** called every tick with the share of run.durationMs elapsed */
  onProgress?: (fraction: number, elapsedNs: number) => void
  /** the CPU worker's entry (default: the tsx shim next to this file) */
  workerFilename?: string
  /**
   * The host's CPUs to map the profile onto (default: read from sysfs). A test hands in a host that claims a CPU
   * this machine does not have, so that pinning a worker onto it is really refused by the kernel.
   */
  hostCpus?: HostCpus
}

function layoutFor(profile: Profile, managedPages: number, batch: number, high: number): LiveLayout {
  const maxAllocs = Math.max(0, ...profile.rtTasks.map((t) => t.allocsPerJob))
  return {
    cpus: profile.machine.cpus,
    tokens: Math.min(managedPages, LIVE_MAX_TOKENS),
    pcpCapacity: high + batch,
    heldCapacity: Math.max(HELD_CAPACITY_MIN, maxAllocs, 64 * Math.ceil(batch / 2))
  }
}

/** The smallest step between consecutive clock reads, as cyclictest reports its clock's resolution. */
function clockResolutionNs(): number {
  let best = Infinity
  let prev = process.hrtime.bigint()
  for (let i = 0; i < 10_000; i++) {
    const t = process.hrtime.bigint()
    if (t > prev) best = Math.min(best, Number(t - prev))
    prev = t
  }
  return Number.isFinite(best) ? best : 0
}

function fillInitialLists(s: LiveState, profile: Profile, roles: WorkerRole[], batch: number, high: number): void {
  roles.forEach(({ cpu, role }) => {
    if (role.kind === 'drainer') return
    const hkInitial = profile.housekeeping.initialPcpPages
    const pages = role.kind === 'housekeeping'
      ? (hkInitial === 'auto' ? Math.floor((batch + high) / 2) : hkInitial)
      : role.kind === 'rt' ? role.task.initialPcpPages : 0
    // below high, or the first free would bulk-free at once
    movePages(s, zonePlace(s), pcpPlace(s, cpu), Math.min(pages, Math.max(0, high - 1)))
  })
}

function sampleLists(s: LiveState, tNs: number, stranded: SampledSeries, zoneFree: SampledSeries): void {
  let sum = 0
  for (let cpu = 0; cpu < s.layout.cpus; cpu++) sum += s.field(cpu, PCP_COUNT)
  stranded.tNs.push(tNs)
  stranded.values.push(sum)
  zoneFree.tNs.push(tNs)
  zoneFree.values.push(Atomics.load(s.words, ZONE_COUNT))
}

function sourceOf(w: WorkerRole): { source?: DrainSourceKind } {
  return w.role.kind === 'drainer' ? { source: w.role.source.kind } : {}
}

function describe(w: WorkerRole): string {
  return w.role.kind === 'drainer' ? `the ${w.role.source.kind} drain source's worker (CPU ${w.cpu})` : `CPU ${w.cpu}'s worker`
}

export async function runLiveJob(o: LiveJobOptions): Promise<RunResult> {
  const { profile, variant, seed } = o
  checkLiveProfile(profile)
  const host = o.hostCpus ?? await readHostCpus()
  const mapping = mapCpus(profile.machine.cpus, isolatedCpus(profile), host)
  const pcp = derivePcpParams(profile)
  const traits = VARIANT_TRAITS[variant]
  const policy = antiStarvationPolicy(profile, traits, seed)
  const roles = workerRoles(profile, policy)
  const layout = layoutFor(profile, pcp.managedPages, pcp.batch, pcp.high)
  const s = LiveState.create(layout, pcp)
  fillInitialLists(s, profile, roles, pcp.batch, pcp.high)
  const epoch = process.hrtime.bigint()
  const now = clockFrom(epoch)
  const mode = { kind: variant === 'workqueue' ? 'workqueue' as const : 'direct' as const, chunk: drainChunkPages(traits, pcp.batch, profile.kernel.pcp.batchScaleMax) }

  const reports = new Map<number, WorkerReport>()
  const ready = new Map<number, WorkerMessage & { kind: 'ready' }>()
  let failure: string | null = null
  let onMessage: () => void = () => undefined
  const workers = roles.map(({ cpu, role }, index) => {
    const spec: WorkerSpec = { buffer: s.buffer, layout, index, epochNs: epoch.toString(), cpu, seed, role, mode, trylock: variant !== 'workqueue' }
    const worker = new Worker(o.workerFilename ?? LIVE_WORKER_ENTRY, { workerData: spec })
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'ready') ready.set(m.index, m)
      else if (m.kind === 'done') reports.set(m.report.index, m.report)
      else failure ??= `${describe(roles[m.index])} failed: ${m.error}`
      onMessage()
    })
    worker.on('error', (e) => {
      failure ??= `${describe(roles[index])} failed: ${e.message}`
      onMessage()
    })
    return worker
  })
  const until = (done: () => boolean, timeoutMs: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    onMessage = () => {
      if (done()) {
        clearTimeout(timer)
        resolve()
      }
    }
    onMessage()
  })
  try {
    await until(() => ready.size === workers.length || failure !== null, READY_TIMEOUT_MS)
    if (failure !== null) throw new Error(failure)
    if (ready.size < workers.length) throw new Error(`only ${ready.size} of ${workers.length} CPU workers started within ${READY_TIMEOUT_MS / 1000} s`)

    const notLinux = host.platform === 'linux' ? null : `not Linux (${host.platform}): no taskset or chrt`
    const pins: PinOutcome[] = await Promise.all(roles.map(({ cpu, role }, index) => {
      const r = ready.get(index)!
      const fifo = role.kind === 'rt' && profile.run.liveFifo ? role.task.priority : null
      return pinThread(r.tid, mapping.hostCpu[cpu], fifo, notLinux ?? (r.tid === null ? (r.tidError ?? 'no thread id') : null))
    }))
    if (profile.run.liveRequirePinning) {
      const refused = pins.flatMap((p, index) => [
        ...(p.pinned ? [] : [`${describe(roles[index])} was not pinned to host CPU ${p.hostCpu}: ${p.pinError ?? 'refused'}`]),
        ...(p.fifoError === undefined ? [] : [`${describe(roles[index])} did not get SCHED_FIFO: ${p.fifoError}`])
      ])
      if (refused.length > 0) throw new Error(`run.liveRequirePinning is set and the host refused: ${refused.join('; ')} — run as root on Linux with taskset and chrt, or set run.liveRequirePinning to false to run with what the host allows`)
    }

    const stranded: SampledSeries = { tNs: [], values: [] }
    const zoneFree: SampledSeries = { tNs: [], values: [] }
    const startNs = now()
    const endNs = startNs + profile.run.durationMs * 1e6
    Atomics.store(s.words, STARTED, 1)
    Atomics.notify(s.words, STARTED)
    let cancelled = false
    while (now() < endNs && failure === null) {
      if (o.cancelled?.() === true) {
        cancelled = true
        break
      }
      sampleLists(s, now() - startNs, stranded, zoneFree)
      o.onProgress?.(Math.min(1, (now() - startNs) / (endNs - startNs)), now() - startNs)
      await new Promise((resolve) => setTimeout(resolve, Math.min(TICK_MS, Math.max(0, (endNs - now()) / 1e6))))
    }
    s.stop()
    const elapsedNs = now() - startNs
    sampleLists(s, elapsedNs, stranded, zoneFree)
    await until(() => reports.size === workers.length || failure !== null, STOP_GRACE_MS)
    if (failure !== null) throw new Error(failure)
    const terminated = workers.length - reports.size

    const tokens = auditTokens(s, false)
    if (!tokens.ok) {
      throw new Error(`page tokens not conserved: ${tokens.total} tokens, found ${tokens.inZone} in the zone + ${tokens.onPcplists} on pcplists + ${tokens.held} held; ${tokens.lost} lost, ${tokens.duplicated} duplicated, ${tokens.misplaced} misplaced`)
    }
    const cpus: LiveCpu[] = pins.map((p, index) => ({
      cpu: roles[index].cpu, role: roles[index].role.kind,
      ...sourceOf(roles[index]),
      hostCpu: p.hostCpu, tid: p.tid, cpusAllowed: p.cpusAllowed, pinned: p.pinned,
      ...(p.pinError !== undefined ? { pinError: p.pinError } : {}),
      fifoRequested: p.fifoRequested, policy: p.policy,
      ...(p.fifoError !== undefined ? { fifoError: p.fifoError } : {}),
      workItemsRun: reports.get(index)?.workItems ?? 0,
      refills: reports.get(index)?.owner.refills ?? 0,
      bulkFrees: reports.get(index)?.owner.bulkFrees ?? 0,
      allocFailures: reports.get(index)?.owner.allocFailures ?? 0,
      pcpCountAtEnd: s.field(roles[index].cpu, PCP_COUNT)
    }))
    return liveRunResult({
      profile, variant, seed, pcp, startNs, elapsedNs, partial: cancelled, reports: [...reports.values()],
      strandedPages: stranded, zoneFreePages: zoneFree,
      facts: {
        host: { platform: host.platform, cpuModel: host.cpuModel, cpuCount: host.cpuCount, online: host.online, isolated: host.isolated, nohzFull: host.nohzFull, cmdline: host.cmdline },
        clockResolutionNs: clockResolutionNs(),
        mapping: { isolatedOnIsolated: mapping.isolatedOnIsolated, note: mapping.note },
        cpus,
        antiStarvation: policy.kind,
        tokens: { total: tokens.total, inZone: tokens.inZone, onPcplists: tokens.onPcplists, held: tokens.held, lost: tokens.lost, duplicated: tokens.duplicated, misplaced: tokens.misplaced },
        workPendingAtEnd: Array.from({ length: layout.cpus }, (_, cpu) => cpu).filter((cpu) => Atomics.load(s.words, cpuBase(cpu) + WORK_PENDING) === 1),
        terminatedWorkers: terminated,
        notes: liveNotes(profile, layout.tokens, pcp.managedPages)
      }
    })
  } finally {
    s.stop()
    await Promise.all(workers.map((w) => w.terminate()))
  }
}
