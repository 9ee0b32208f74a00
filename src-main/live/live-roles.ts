// The workers of a live run and what each does: one per profile CPU — a housekeeping CPU runs the
// housekeeping load, an isolated CPU its realtime task or, without one, only its kworker — then one per drain
// source, the task that requests its drains, on the source's housekeeping CPU. A realtime task's CPU enforces
// the run's anti-starvation policy (the model's, policy-params.ts).
import { housekeepingCpus, isolatedCpus } from '../../src-shared/profile/cpu-roles'
import type { PcpDrainSourceKind, Profile } from '../../src-shared/profile/schema'
import { isPcpDrainSource } from '../../src-shared/profile/drain-source-kinds'
import type { AntiStarvationPolicy } from '../engine/sched/anti-starvation/policy-params'
import type { DrainScope } from './drain-all-pages'
import { liveStarvationParams } from './starvation-window'
import type { CpuRole } from './worker-protocol'

/** model.md §5: reclaim and once are global drains, cma and compaction zone drains, offline a forced one. */
const SCOPE: Record<PcpDrainSourceKind, DrainScope> = { reclaim: 'global', once: 'global', cma: 'zone', compaction: 'zone', offline: 'forced' }

export interface WorkerRole {
  /** the profile CPU the worker runs on */
  cpu: number
  role: CpuRole
}

export function workerRoles(profile: Profile, policy: AntiStarvationPolicy): WorkerRole[] {
  const housekeeping = housekeepingCpus(profile)
  const isolated = new Set(isolatedCpus(profile))
  const hk = profile.housekeeping
  const cpus = Array.from({ length: profile.machine.cpus }, (_, cpu): WorkerRole => {
    if (isolated.has(cpu)) {
      const task = profile.rtTasks.find((t) => t.cpu === cpu)
      return { cpu, role: task === undefined ? { kind: 'idle' } : { kind: 'rt', task, starvation: liveStarvationParams(policy, cpu) } }
    }
    const own = hk.perCpu.find((p) => p.cpu === cpu)
    return {
      cpu,
      role: { kind: 'housekeeping', allocPagesPerSec: own?.allocRatePagesPerSec ?? hk.allocRatePagesPerSec, freePagesPerSec: own?.freeRatePagesPerSec ?? hk.freeRatePagesPerSec }
    }
  })
  // live-limits.ts refuses the per-CPU flush sources: every source here calls drain_all_pages()
  const drainers = profile.drainSources.flatMap((src, index): WorkerRole[] => isPcpDrainSource(src.kind) ? [{
    cpu: src.cpu ?? housekeeping[0],
    role: {
      kind: 'drainer',
      index,
      source: { kind: src.kind, scope: SCOPE[src.kind], ratePerSec: src.kind === 'once' ? 0 : (src.ratePerSec ?? 0), atNs: src.kind === 'once' ? Math.round((src.atMs ?? 0) * 1e6) : null }
    }
  }] : [])
  return [...cpus, ...drainers]
}
