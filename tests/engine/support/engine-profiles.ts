// Helpers for the engine tests: build a validated profile, run it with invariants on.
import type { Profile, ProfileInput, Variant } from '../../../src-shared/profile/schema'
import { validateProfile } from '../../../src-shared/profile/validate'
import type { RunResult } from '../../../src-shared/results/types'
import { runModel, type RunModelOptions } from '../../../src-main/engine/run-model'

export function profileOf(input: ProfileInput): Profile {
  const v = validateProfile(input)
  if (!v.ok) throw new Error(`invalid test profile: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  return v.profile
}

/** runModel with the §7 invariants checked after every event. */
export function run(profile: Profile, variant: Variant, seed = 1, options: RunModelOptions = {}): RunResult {
  return runModel(profile, variant, seed, { ...options, checkInvariants: true })
}

export const DIRECT_VARIANTS = ['direct', 'direct-irqon', 'direct-chunked'] as const

export function pollingTasks(cpus: number[], extra: Partial<ProfileInput['rtTasks'] extends Array<infer T> | undefined ? T : never> = {}): NonNullable<ProfileInput['rtTasks']> {
  return cpus.map((cpu) => ({ name: `poll${cpu}`, cpu, mode: 'polling' as const, periodUs: 1000, runtimeUs: 100, initialPcpPages: 200, ...extra }))
}

export function periodicTasks(cpus: number[], extra: Partial<ProfileInput['rtTasks'] extends Array<infer T> | undefined ? T : never> = {}): NonNullable<ProfileInput['rtTasks']> {
  return cpus.map((cpu) => ({ name: `cyc${cpu}`, cpu, mode: 'periodic' as const, periodUs: 1000, runtimeUs: 200, initialPcpPages: 200, ...extra }))
}

export function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0)
}
