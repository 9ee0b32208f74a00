// The engine's entry point: runModel(profile, variant, seed, options?) -> RunResult. A pure function:
// no clock, no Math.random, no I/O; the same profile and seed give a byte-identical result.
import type { Profile, Variant } from '../../src-shared/profile/schema'
import type { RunResult } from '../../src-shared/results/types'
import type { RunModelOptions } from './run-model-options'
import { Simulation } from './simulation'

export type { RunModelOptions, RunModelProgress } from './run-model-options'
export { ENGINE_VERSION } from './version'

/**
 * Simulates `profile` under kernel `variant` with random seed `seed`. With options.shouldCancel the
 * run can stop early: it then returns a result with `partial: true` covering [0, simulatedNs).
 */
export function runModel(profile: Profile, variant: Variant, seed: number, options?: RunModelOptions): RunResult {
  return new Simulation(profile, variant, seed, options).run()
}
