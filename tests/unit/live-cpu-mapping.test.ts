// Profile CPUs onto host CPUs: isolated onto isolated where the host has enough, said plainly where it has not,
// and a profile larger than the host refused with what to change.
import { describe, expect, it } from 'vitest'
import { HostTooSmallError, mapCpus } from '../../src-main/live/cpu-mapping'

describe('mapCpus', () => {
  it('puts isolated profile CPUs on the host\'s isolated CPUs when there are enough', () => {
    const m = mapCpus(3, [1, 2], { onlineCpus: [0, 1, 2, 3], isolatedCpus: [2, 3] })
    expect(m.hostCpu).toEqual([0, 2, 3])
    expect(m.isolatedOnIsolated).toBe(true)
  })

  it('without isolated host CPUs, uses the highest online ones and says they are not isolated', () => {
    const m = mapCpus(2, [1], { onlineCpus: [0, 1], isolatedCpus: [] })
    expect(m.hostCpu).toEqual([0, 1])
    expect(m.isolatedOnIsolated).toBe(false)
    expect(m.note).toMatch(/0 isolated CPU\(s\) for 1 .*ordinary host CPUs 1/)
  })

  it('refuses more profile CPUs than the host has, naming machine.cpus', () => {
    expect(() => mapCpus(3, [2], { onlineCpus: [0, 1], isolatedCpus: [] })).toThrow(HostTooSmallError)
    expect(() => mapCpus(3, [2], { onlineCpus: [0, 1], isolatedCpus: [] })).toThrow(/3 CPUs and this host has 2 online.*machine\.cpus to at most 2/)
  })
})
