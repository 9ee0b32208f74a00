// The engine's entry point: runModel(profile, variant, seed, options?) -> RunResult. A pure function:
// no clock, no Math.random, no I/O; the same profile and seed give a byte-identical result. simulate() is the
// same run with its timeline columns left as typed arrays, for a pool worker to move (simulated-run.ts).
import type { Profile, Variant } from '../../src-shared/profile/schema'
import type { RunResult } from '../../src-shared/results/types'
import type { RunModelOptions } from './run-model-options'
import { Simulation } from './simulation'
import { encodeRunResult, type SimulatedRun } from './simulated-run'

export type { RunModelOptions, RunModelProgress } from './run-model-options'
export { encodeRunResult, transferableBuffers, type SimulatedRun } from './simulated-run'
export { ENGINE_VERSION } from './version'

/**
 * Simulates `profile` under kernel `variant` with random seed `seed`. With options.shouldCancel the
 * run can stop early: it then returns a result with `partial: true` covering [0, simulatedNs).
 */
export function runModel(profile: Profile, variant: Variant, seed: number, options?: RunModelOptions): RunResult {
  return encodeRunResult(simulate(profile, variant, seed, options))
}

export function simulate(profile: Profile, variant: Variant, seed: number, options?: RunModelOptions): SimulatedRun {
  return new Simulation(profile, variant, seed, options).run()
}
