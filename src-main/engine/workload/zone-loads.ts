// The housekeeping load of every zone whose pcplists run (ZONE_DMA32 first, as for_each_populated_zone()
// walks them, then ZONE_NORMAL): one OwnerActivity for the drains, the kworkers and the samples, which read
// a CPU's lists in every zone. With one zone it is that zone's load and nothing more.
import type { OwnerActivity } from '../sched/owner-activity'
import type { HousekeepingLoad } from './housekeeping-load'

export class ZoneLoads implements OwnerActivity {
  constructor(readonly loads: readonly HousekeepingLoad[]) {}

  catchUp(cpu: number, now: number): void {
    for (const load of this.loads) load.catchUp(cpu, now)
  }

  catchUpAll(now: number): void {
    for (const load of this.loads) load.catchUpAll(now)
  }

  listsChanged(cpu: number, now: number): void {
    for (const load of this.loads) load.listsChanged(cpu, now)
  }

  /** The vmstat worker (6.7+): refresh_cpu_vm_stats() runs decay_pcp_high() on every zone's pagesets. */
  onVmstatDecay(now: number): void {
    for (const load of this.loads) load.onVmstatDecay(now)
  }

  finish(endNs: number): void {
    for (const load of this.loads) load.finish(endNs)
  }
}
