// Kernel cpulist syntax (Documentation/admin-guide/kernel-parameters.rst, "cpu lists"):
// "0-3,8,10-15:2" — ranges, single CPUs and strided ranges, as isolcpus= and nohz_full= take them.

export class CpulistError extends Error {}

export function parseCpulist(text: string, cpus: number): number[] {
  const result = new Set<number>()
  const trimmed = text.trim()
  if (trimmed === '') return []
  for (const part of trimmed.split(',')) {
    const m = /^\s*(\d+)(?:-(\d+)(?::(\d+))?)?\s*$/.exec(part)
    if (!m) throw new CpulistError(`"${part.trim()}" is not a CPU, a range a-b, or a strided range a-b:step`)
    const first = Number(m[1])
    const last = m[2] === undefined ? first : Number(m[2])
    const step = m[3] === undefined ? 1 : Number(m[3])
    if (last < first) throw new CpulistError(`range ${first}-${last} runs backwards`)
    if (step < 1) throw new CpulistError(`stride ${step} must be at least 1`)
    if (last >= cpus) throw new CpulistError(`CPU ${last} does not exist (the machine has CPUs 0-${cpus - 1})`)
    for (let cpu = first; cpu <= last; cpu += step) result.add(cpu)
  }
  return [...result].sort((a, b) => a - b)
}

/** The shortest cpulist for a set of CPUs, e.g. [0,1,2,5] -> "0-2,5". */
export function formatCpulist(cpus: readonly number[]): string {
  const sorted = [...new Set(cpus)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`)
    i = j + 1
  }
  return parts.join(',')
}
