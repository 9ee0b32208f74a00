// Which CPUs of a profile's machine are isolated and which do housekeeping. Kept apart from the profile's
// rules so that the engine (and every pool worker that loads it) does not load the schema library.
import { parseCpulist } from './cpulist'
import type { Profile } from './schema'

export function isolatedCpus(profile: Pick<Profile, 'machine'>): number[] {
  return parseCpulist(profile.machine.isolated, profile.machine.cpus)
}

export function housekeepingCpus(profile: Pick<Profile, 'machine'>): number[] {
  const isolated = new Set(isolatedCpus(profile))
  return Array.from({ length: profile.machine.cpus }, (_, cpu) => cpu).filter((cpu) => !isolated.has(cpu))
}
