// Cross-field rules of a profile: what a single field's schema cannot see.
import { z } from 'zod'
import { CpulistError, parseCpulist } from './cpulist'
import { estimateJobEvents, MAX_EVENTS_PER_JOB } from './estimate'
import { INT_MAX } from './limits'
import { zoneBatchsize } from '../kernel/zone-batchsize'
import { machineZones, managedPagesOf } from './managed-pages'
import { profileObjectSchema, type Distribution, type Profile } from './schema'

/** Mean of an execution-time distribution, µs. */
export function meanRuntimeUs(runtime: number | Distribution): number {
  if (typeof runtime === 'number') return runtime
  switch (runtime.dist) {
    case 'fixed': return runtime.valueUs
    case 'uniform': return (runtime.minUs + runtime.maxUs) / 2
    case 'lognormal': return runtime.medianUs * Math.exp((runtime.sigma * runtime.sigma) / 2)
  }
}

function checkProfile(p: Profile, ctx: z.RefinementCtx): void {
  let isolated: Set<number>
  try {
    isolated = new Set(parseCpulist(p.machine.isolated, p.machine.cpus))
  } catch (e) {
    if (!(e instanceof CpulistError)) throw e
    ctx.addIssue({ code: 'custom', path: ['machine', 'isolated'], message: e.message })
    return
  }
  if (isolated.size >= p.machine.cpus) {
    ctx.addIssue({ code: 'custom', path: ['machine', 'isolated'], message: 'at least one CPU must stay housekeeping (drains, kworkers and the kernel run there)' })
    return
  }
  const owner = new Map<number, string>()
  p.rtTasks.forEach((task, i) => {
    const at = (key: string) => ['rtTasks', i, key]
    if (task.cpu >= p.machine.cpus) {
      ctx.addIssue({ code: 'custom', path: at('cpu'), message: `CPU ${task.cpu} does not exist (the machine has CPUs 0-${p.machine.cpus - 1})` })
    } else if (!isolated.has(task.cpu)) {
      ctx.addIssue({ code: 'custom', path: at('cpu'), message: `CPU ${task.cpu} is a housekeeping CPU; realtime tasks run on isolated CPUs (machine.isolated)` })
    }
    const other = owner.get(task.cpu)
    if (other !== undefined) ctx.addIssue({ code: 'custom', path: at('cpu'), message: `CPU ${task.cpu} already runs task "${other}"; one realtime task per isolated CPU` })
    owner.set(task.cpu, task.name)
    if (task.mode === 'periodic' && task.deadlineUs !== undefined && task.deadlineUs > task.periodUs) {
      ctx.addIssue({ code: 'custom', path: at('deadlineUs'), message: 'a periodic task\'s deadline cannot be longer than its period (the next release would overtake it)' })
    }
    const utilisation = meanRuntimeUs(task.runtimeUs) / task.periodUs
    if (utilisation > 1) {
      ctx.addIssue({ code: 'custom', path: at('runtimeUs'), message: `mean runtime is ${(utilisation * 100).toFixed(0)} % of the period; utilisation cannot exceed 100 %` })
    }
  })
  const names = new Set<string>()
  p.rtTasks.forEach((task, i) => {
    if (names.has(task.name)) ctx.addIssue({ code: 'custom', path: ['rtTasks', i, 'name'], message: `another task is already named "${task.name}"` })
    names.add(task.name)
  })
  p.housekeeping.perCpu.forEach((o, i) => {
    if (o.cpu >= p.machine.cpus || isolated.has(o.cpu)) {
      ctx.addIssue({ code: 'custom', path: ['housekeeping', 'perCpu', i, 'cpu'], message: `CPU ${o.cpu} is not a housekeeping CPU of this machine` })
    }
  })
  p.drainSources.forEach((s, i) => {
    const at = (key: string) => ['drainSources', i, key]
    if (s.kind === 'once' && s.atMs === undefined) ctx.addIssue({ code: 'custom', path: at('atMs'), message: 'a "once" drain needs atMs, the time it fires' })
    if (s.kind === 'once' && s.atMs !== undefined && s.atMs >= p.run.durationMs) {
      ctx.addIssue({ code: 'custom', path: at('atMs'), message: `fires at ${s.atMs} ms, after the run ends (run.durationMs = ${p.run.durationMs})` })
    }
    for (const key of ['kswapdLeadMs', 'kswapdBalanceMs'] as const) {
      if (s.kind !== 'reclaim' && s[key] !== undefined) ctx.addIssue({ code: 'custom', path: at(key), message: `only a "reclaim" source's drains come with a kswapd balance; remove ${key} from this "${s.kind}" source` })
    }
    if (s.kind !== 'once' && s.ratePerSec === undefined) ctx.addIssue({ code: 'custom', path: at('ratePerSec'), message: `a "${s.kind}" source needs ratePerSec (Poisson arrivals per second)` })
    if (s.cpu !== undefined && (s.cpu >= p.machine.cpus || isolated.has(s.cpu))) {
      ctx.addIssue({ code: 'custom', path: at('cpu'), message: `CPU ${s.cpu} is not a housekeeping CPU; drains are requested from housekeeping CPUs` })
    }
  })
  if (p.housekeeping.dma32Share > 0 && machineZones(p.machine).dma32 === 0) {
    ctx.addIssue({ code: 'custom', path: ['housekeeping', 'dma32Share'], message: `a share of the traffic in ZONE_DMA32 needs that zone: set machine.dmaZonesMiB above 16 (ZONE_DMA's 16 MiB; x86-64 machines have up to 4096)` })
  }
  checkPcpWithinZone(p, ctx)
  if (p.run.warmupMs >= p.run.durationMs) {
    ctx.addIssue({ code: 'custom', path: ['run', 'warmupMs'], message: 'the warm-up must be shorter than the run' })
  }
  const events = estimateJobEvents(p)
  if (events > MAX_EVENTS_PER_JOB) {
    ctx.addIssue({
      code: 'custom', path: ['run', 'durationMs'],
      message: `about ${(events / 1e6).toFixed(0)} M events per run, over the limit of ${MAX_EVENTS_PER_JOB / 1e6} M: shorten run.durationMs, lengthen rtTasks[].periodUs, lower allocsPerJob, housekeeping rates or drain ratePerSec`
    })
  }
}

/**
 * A pcplist holds pages of its zone, up to high + batch of them (a refill on top of high): a manual batch or
 * high beyond the zone's pages cannot be, and pcp->count, an int, must hold their sum.
 */
function checkPcpWithinZone(p: Profile, ctx: z.RefinementCtx): void {
  const managed = managedPagesOf(p)
  if (managed < 1) {
    ctx.addIssue({ code: 'custom', path: ['machine', 'dmaZonesMiB'], message: `dmaZonesMiB (${p.machine.dmaZonesMiB}) leaves ZONE_NORMAL no page of machine.memoryGiB (${p.machine.memoryGiB} GiB): it must be less than the memory` })
    return
  }
  const { batch, high } = p.kernel.pcp
  for (const [key, value] of [['batch', batch], ['high', high]] as const) {
    if (value !== 'auto' && value > managed) {
      ctx.addIssue({ code: 'custom', path: ['kernel', 'pcp', key], message: `${key} is at most the zone's ${managed} pages (ZONE_NORMAL: machine.memoryGiB less dmaZonesMiB, in pages)` })
      return
    }
  }
  if (batch !== 'auto' && high !== 'auto' && batch + high > INT_MAX) {
    ctx.addIssue({ code: 'custom', path: ['kernel', 'pcp', 'high'], message: `high + batch is at most ${INT_MAX}: a CPU's list holds up to that many pages and pcp->count is an int` })
    return
  }
  // nr_pcp_free() = clamp(…, batch, high − batch) is 0 when high = batch: no bulk free ever runs, the list grows
  // without bound (zone_highsize() never derives it: high is at least batch << 2)
  const effectiveBatch = batch === 'auto' ? zoneBatchsize(managed, p.machine.pageSizeKiB) : batch
  if (high !== 'auto' && high === effectiveBatch) {
    ctx.addIssue({ code: 'custom', path: ['kernel', 'pcp', 'high'], message: `high cannot equal batch (${effectiveBatch}): nr_pcp_free() would free 0 pages at high and the list would grow without bound; use 0 (no list), less or more` })
  }
}

/** The full profile schema: field rules plus cross-field rules. */
export const profileSchema = profileObjectSchema.superRefine(checkProfile)
