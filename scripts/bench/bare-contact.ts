// The least a housekeeping contact of the heavy scenario costs in this engine: the engine's own parts doing only
// what every contact must — the walk of the local bursts to the next contact (BurstWalk), its time (a Gamma
// draw of the same RandomStream), the zone->lock wait and the per-page costs recorded (three
// DistributionRecorder records), and the CPU's contact timer rescheduled (TimerSet on the EventQueue) — for 28
// CPUs of the scenario's shape (a list of 8 bursts' room, 12 500 bursts/s each), and nothing else: no
// pcp state, no refill or bulk-free arithmetic, no drains. The heavy section multiplies it by the events.
import { DistributionRecorder } from '../../src-main/engine/metrics/distribution-recorder'
import { EventQueue } from '../../src-main/engine/sim/event-queue'
import { RandomStream } from '../../src-main/engine/sim/random-stream'
import { TimerSet } from '../../src-main/engine/sim/timer-set'
import { ALLOC, BurstWalk } from '../../src-main/engine/workload/burst-walk'

const CPUS = 28
/** bursts/s of one CPU: 200 000 pages/s allocated and as many freed, 32 pages a burst */
const BURSTS_PER_NS = 400_000 / 32 / 1e9
/** the list's room in bursts (high 259, 32 pages a burst), and the bursts a refill or a bulk free moves it */
const ROOM = 8
const REFILL = 2
/** zone->lock held per refill or bulk free (63 pages) */
const HOLD_NS = 3_000

/** Nanoseconds per contact, the fastest of `repeats` runs of `contacts` contacts. */
export function bareContactNs(contacts: number, repeats = 3): number {
  let best = Infinity
  for (let r = 0; r < repeats; r++) {
    const queue = new EventQueue()
    const walks = Array.from({ length: CPUS }, (_, cpu) => new BurstWalk(new RandomStream(r, `bare:${cpu}:marks`), 2 ** 31, 4096))
    const times = Array.from({ length: CPUS }, (_, cpu) => new RandomStream(r, `bare:${cpu}:times`))
    const waits = Array.from({ length: CPUS }, () => new DistributionRecorder())
    const perPage = Array.from({ length: CPUS }, () => new DistributionRecorder())
    const position = new Int32Array(CPUS).fill(ROOM / 2)
    let zoneLockFreeAt = 0
    let left = contacts
    const timers = new TimerSet(queue, CPUS, (_, cpu: number, now: number) => {
      const wait = zoneLockFreeAt > now ? zoneLockFreeAt - now : 0
      zoneLockFreeAt = now + wait + HOLD_NS
      waits[cpu].record(wait)
      perPage[cpu].record(40, 31)
      perPage[cpu].record(40 + wait + HOLD_NS)
      if (--left > 0) plan(cpu, now)
    }, null)
    // the walk ends at a bound: an allocation there refills the list (it ends REFILL - 1 bursts up), a free
    // bulk-frees it (it ends REFILL - 1 bursts down from the top)
    function plan(cpu: number, now: number): void {
      const walk = walks[cpu]
      const n = walk.walk(-position[cpu], ROOM - 1 - position[cpu])
      position[cpu] = walk.kind === ALLOC ? REFILL - 1 : ROOM - REFILL
      const gap = n === 0 ? -Math.log(1 - times[cpu].next()) : times[cpu].gamma(n + 1)
      timers.schedule(cpu, now + Math.max(1, Math.round(gap / BURSTS_PER_NS)))
    }
    for (let cpu = 0; cpu < CPUS; cpu++) plan(cpu, 0)
    const t0 = performance.now()
    while (queue.pop()) queue.dispatchPopped()
    best = Math.min(best, ((performance.now() - t0) * 1e6) / contacts)
  }
  return best
}
