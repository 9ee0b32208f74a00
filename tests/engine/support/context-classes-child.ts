// Run by context-hidden-class.test.ts under `node --allow-natives-syntax`: builds one Simulation per seed of a
// small profile, as a pool worker does job after job, and prints per simulation whether its zone context and its
// isolated CPUs' context have the hidden class the first simulation's had (V8's %HaveSameMap).
import { Simulation } from '../../../src-main/engine/simulation'
import { benchExperiment } from '../../../scripts/bench/pool-bench'
import { haveSameMap } from './have-same-map'

// the pool bench's profile, built and not run
const profile = benchExperiment(1).profile
const runs = Number(process.argv[2])
const sims = Array.from({ length: runs }, (_, seed) => new Simulation(profile, 'direct', seed + 1))
const first = sims[0]
process.stdout.write(JSON.stringify(sims.map((s) => ({
  zone: haveSameMap(first.nodeZones[0], s.nodeZones[0]),
  isolatedCpu: haveSameMap(first.isolated[0].mm, s.isolated[0].mm)
}))))
