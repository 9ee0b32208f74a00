// What this host offers a live run: its online, isolated and nohz_full CPUs (sysfs, kernel cpulist syntax),
// the boot command line, the CPU model. Read once per run and recorded in the results; a file that is
// missing is recorded as absent (null), not guessed.
import { readFile } from 'node:fs/promises'
import { cpus, platform } from 'node:os'
import { parseCpulist } from '../../src-shared/profile/cpulist'
import type { LiveRunFacts } from '../../src-shared/results/types'

/** The host facts a live result records, and the online and isolated CPUs parsed from them. */
export type HostCpus = LiveRunFacts['host'] & {
  onlineCpus: number[]
  isolatedCpus: number[]
}

const CPU_SYSFS = '/sys/devices/system/cpu'
/** sysfs cpulists name CPUs below this; a bound for the parser, far above any host this runs on */
const MAX_HOST_CPUS = 8192

async function readTrimmed(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim()
  } catch {
    return null
  }
}

export async function readHostCpus(): Promise<HostCpus> {
  const [online, isolated, nohzFull, cmdline] = await Promise.all([
    readTrimmed(`${CPU_SYSFS}/online`), readTrimmed(`${CPU_SYSFS}/isolated`), readTrimmed(`${CPU_SYSFS}/nohz_full`), readTrimmed('/proc/cmdline')
  ])
  const list = cpus()
  const count = list.length
  return {
    platform: platform(),
    cpuModel: list[0]?.model ?? 'unknown',
    cpuCount: count,
    online, isolated, nohzFull, cmdline,
    onlineCpus: online === null ? Array.from({ length: count }, (_, i) => i) : parseCpulist(online, MAX_HOST_CPUS),
    isolatedCpus: isolated === null ? [] : parseCpulist(isolated, MAX_HOST_CPUS)
  }
}
