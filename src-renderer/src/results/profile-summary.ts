// One-line facts of a profile for History: what machine, which tasks, which drains, how long.
import { describePolicy } from '@shared/kernel/variant-summary'
import type { Profile } from '@shared/profile/schema'
import { meanRuntimeUs } from '@shared/profile/rules'

export function profileFacts(p: Profile): Array<[string, string]> {
  const tasks = p.rtTasks.map((t) => `${t.name} (${t.mode}, CPU ${t.cpu}, ${t.periodUs} µs period, ${meanRuntimeUs(t.runtimeUs).toFixed(0)} µs runtime, ${t.initialPcpPages} pages)`)
  const sources = p.drainSources.map((s) => (s.kind === 'once' ? `once at ${s.atMs} ms` : `${s.kind} ${s.ratePerSec}/s`))
  const policy = describePolicy(p.kernel.antiStarvation)
  return [
    ['Machine', `${p.machine.cpus} CPUs, isolated ${p.machine.isolated || 'none'}, ${p.machine.memoryGiB} GiB, HZ ${p.machine.hz}`],
    ['Kernel', `${p.kernel.variants.join(', ')}; ${policy}; pcp batch ${p.kernel.pcp.batch}, high ${p.kernel.pcp.high}`],
    ['Realtime tasks', tasks.length ? tasks.join('; ') : 'none'],
    ['Housekeeping', `${p.housekeeping.allocRatePagesPerSec} alloc/s, ${p.housekeeping.freeRatePagesPerSec} free/s per CPU`],
    ['Drain sources', sources.length ? sources.join(', ') : 'none'],
    ['Run', `${p.run.durationMs} ms, seeds ${p.run.seeds.join(', ')}${p.sweep ? `; sweep ${p.sweep.parameters.map((s) => `${s.path} ∈ [${s.values.join(', ')}]`).join(' × ')}` : ''}`]
  ]
}
