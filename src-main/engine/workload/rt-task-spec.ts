// A realtime task of the profile in engine units: SCHED_FIFO, pinned to its isolated CPU.
import type { RtTask } from '../../../src-shared/profile/schema'
import { RandomStream } from '../sim/random-stream'
import { RuntimeSampler } from './runtime-sampler'
import type { PerCpuStateSource } from '../flush/per-cpu-flush-state'

export interface RtTaskSpec extends PerCpuStateSource {
  name: string
  cpu: number
  polling: boolean
  periodNs: number
  deadlineNs: number
  allocsPerJob: number
  initialPcpPages: number
  missPolicy: RtTask['missPolicy']
  runtime: RuntimeSampler
  /** hrtimer expiry to wakeup (periodic only) */
  timer: RandomStream
  /** first release, within the first period, so tasks are not all in phase */
  firstReleaseNs: number
}

export function rtTaskSpec(task: RtTask, seed: number): RtTaskSpec {
  const periodNs = Math.round(task.periodUs * 1000)
  const phase = new RandomStream(seed, `rt:${task.name}:phase`)
  return {
    name: task.name,
    cpu: task.cpu,
    polling: task.mode === 'polling',
    periodNs,
    deadlineNs: Math.round((task.deadlineUs ?? task.periodUs) * 1000),
    allocsPerJob: task.allocsPerJob,
    initialPcpPages: task.initialPcpPages,
    missPolicy: task.missPolicy,
    lruFoliosPerJob: task.lruFoliosPerJob,
    dirtiesVmstat: task.dirtiesVmstat,
    chargesMemcg: task.chargesMemcg,
    allocatesSlab: task.allocatesSlab,
    runtime: new RuntimeSampler(task.runtimeUs, new RandomStream(seed, `rt:${task.name}:runtime`)),
    timer: new RandomStream(seed, `rt:${task.name}:timer`),
    firstReleaseNs: Math.floor(phase.next() * periodNs)
  }
}
