// What each profile CPU's worker does in a live run: a housekeeping CPU runs the housekeeping load and the
// drain sources placed on it, an isolated CPU its realtime task or, without one, only its kworker.
import { housekeepingCpus, isolatedCpus } from '../../src-shared/profile/cpu-roles'
import type { DrainSourceKind, Profile } from '../../src-shared/profile/schema'
import type { DrainScope } from './drain-all-pages'
import type { CpuRole, DrainSourceSpec } from './worker-protocol'

/** model.md §5: reclaim and once are global drains, cma and compaction zone drains, offline a forced one. */
const SCOPE: Record<DrainSourceKind, DrainScope> = { reclaim: 'global', once: 'global', cma: 'zone', compaction: 'zone', offline: 'forced' }

export function cpuRoles(profile: Profile): CpuRole[] {
  const housekeeping = housekeepingCpus(profile)
  const isolated = new Set(isolatedCpus(profile))
  const hk = profile.housekeeping
  return Array.from({ length: profile.machine.cpus }, (_, cpu): CpuRole => {
    if (isolated.has(cpu)) {
      const task = profile.rtTasks.find((t) => t.cpu === cpu)
      return task === undefined ? { kind: 'idle' } : { kind: 'rt', task, policy: 'none' }
    }
    const own = hk.perCpu.find((p) => p.cpu === cpu)
    const sources: DrainSourceSpec[] = profile.drainSources
      .filter((src) => (src.cpu ?? housekeeping[0]) === cpu)
      .map((src) => ({ kind: src.kind, scope: SCOPE[src.kind], ratePerSec: src.ratePerSec ?? 0, atNs: src.kind === 'once' ? Math.round((src.atMs ?? 0) * 1e6) : null }))
    return {
      kind: 'housekeeping',
      allocPagesPerSec: own?.allocRatePagesPerSec ?? hk.allocRatePagesPerSec,
      freePagesPerSec: own?.freeRatePagesPerSec ?? hk.freeRatePagesPerSec,
      sources
    }
  })
}
