// Run by context-hidden-class.test.ts under `node --allow-natives-syntax`: builds one Simulation per seed of a
// small profile, as a pool worker does job after job, and prints per simulation whether its zone context and its
// isolated CPUs' context have the hidden class the first simulation's had (V8's %HaveSameMap).
import { Simulation } from '../../../src-main/engine/simulation'
import { validateProfile } from '../../../src-shared/profile/validate'

const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean
const checked = validateProfile({
  schemaVersion: 1,
  machine: { cpus: 4, isolated: '2-3' },
  rtTasks: [{ name: 'loop', cpu: 3, mode: 'periodic', periodUs: 100, runtimeUs: 20, allocsPerJob: 8 }],
  drainSources: [{ kind: 'reclaim', ratePerSec: 200 }],
  run: { durationMs: 1 }
})
if (!checked.ok) throw new Error('profile invalid')
const runs = Number(process.argv[2])
const sims = Array.from({ length: runs }, (_, seed) => new Simulation(checked.profile, 'direct', seed + 1))
const first = sims[0]
process.stdout.write(JSON.stringify(sims.map((s) => ({
  zone: haveSameMap(first.nodeZones[0], s.nodeZones[0]),
  isolatedCpu: haveSameMap(first.isolated[0].mm, s.isolated[0].mm)
}))))
