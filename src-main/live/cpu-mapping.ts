// Which host CPU each profile CPU's worker runs on. Isolated profile CPUs go onto the host's isolated CPUs
// when it has enough of them (that is what isolcpus=/nohz_full= are for), the housekeeping ones onto its other
// online CPUs. A host without enough isolated CPUs gets the isolated profile CPUs on its highest-numbered
// online CPUs (CPU 0 usually takes the most interrupts) and says so: they are then not isolated at all.
import type { HostCpus } from './host-cpus'

export interface CpuMapping {
  /** hostCpu[profileCpu] */
  hostCpu: number[]
  /** every isolated profile CPU landed on an isolated host CPU */
  isolatedOnIsolated: boolean
  note: string
}

export class HostTooSmallError extends Error {}

export function mapCpus(profileCpus: number, profileIsolated: readonly number[], host: Pick<HostCpus, 'onlineCpus' | 'isolatedCpus'>): CpuMapping {
  const online = host.onlineCpus
  if (profileCpus > online.length) {
    throw new HostTooSmallError(`the profile has ${profileCpus} CPUs and this host has ${online.length} online: a live run needs one host CPU per profile CPU — set machine.cpus to at most ${online.length} (and machine.isolated within it), or run it on the model engine`)
  }
  const isolatedSet = new Set(profileIsolated)
  const housekeeping = Array.from({ length: profileCpus }, (_, cpu) => cpu).filter((cpu) => !isolatedSet.has(cpu))
  const hostIsolated = host.isolatedCpus.filter((c) => online.includes(c))
  const hostOther = online.filter((c) => !hostIsolated.includes(c))
  const hostCpu = new Array<number>(profileCpus)
  if (profileIsolated.length > 0 && hostIsolated.length >= profileIsolated.length && hostOther.length >= housekeeping.length) {
    profileIsolated.forEach((cpu, i) => { hostCpu[cpu] = hostIsolated[i] })
    housekeeping.forEach((cpu, i) => { hostCpu[cpu] = hostOther[i] })
    return { hostCpu, isolatedOnIsolated: true, note: `isolated CPUs ${profileIsolated.join(',')} on the host's isolated CPUs` }
  }
  const ascending = [...online]
  const fromTop = [...online].reverse()
  profileIsolated.forEach((cpu, i) => { hostCpu[cpu] = fromTop[i] })
  const taken = new Set(profileIsolated.map((cpu) => hostCpu[cpu]))
  const rest = ascending.filter((c) => !taken.has(c))
  housekeeping.forEach((cpu, i) => { hostCpu[cpu] = rest[i] })
  const note = profileIsolated.length === 0
    ? 'no isolated CPUs in the profile'
    : `the host has ${hostIsolated.length} isolated CPU(s) for ${profileIsolated.length} isolated profile CPU(s): they run on ordinary host CPUs ${profileIsolated.map((cpu) => hostCpu[cpu]).join(',')}, shared with everything else the host runs`
  return { hostCpu, isolatedOnIsolated: profileIsolated.length === 0, note }
}
