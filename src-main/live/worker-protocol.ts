// What the runner hands a CPU worker (workerData) and what the worker posts back: its thread id when it is
// ready to be pinned, and its report when its loop has ended. Plain data, structured-cloned.
import type { RtTask, Profile } from '../../src-shared/profile/schema'
import type { DrainMode, DrainRecord, DrainScope } from './drain-all-pages'
import type { LiveLayout } from './live-state'
import type { OwnerCounters } from './owner-fast-path'
import type { LiveStarvationParams } from './starvation-window'

export interface DrainSourceSpec {
  kind: Profile['drainSources'][number]['kind']
  scope: DrainScope
  /** Poisson rate per s (0: never), or for "once" the time after the start, ns */
  ratePerSec: number
  atNs: number | null
}

export type CpuRole =
  | { kind: 'housekeeping'; allocPagesPerSec: number; freePagesPerSec: number }
  /** a drain source's requesting task, on its housekeeping CPU; `index` its place in profile.drainSources */
  | { kind: 'drainer'; source: DrainSourceSpec; index: number }
  /** a realtime task, and the anti-starvation policy its CPU enforces (only a polling task ever meets it) */
  | { kind: 'rt'; task: RtTask; starvation: LiveStarvationParams }
  /** an isolated CPU without a task: only its kworker */
  | { kind: 'idle' }

export interface WorkerSpec {
  buffer: SharedArrayBuffer
  layout: LiveLayout
  /** this worker's index among the run's workers (the profile's CPUs first, then the drain sources) */
  index: number
  /** process.hrtime.bigint() of the run's epoch, as a decimal string (bigint does not clone everywhere) */
  epochNs: string
  /** the profile CPU it runs on (a drainer: its source's CPU) */
  cpu: number
  seed: number
  role: CpuRole
  mode: DrainMode
  /** the owner fast path tries pcp->lock (direct family) or takes it (workqueue) */
  trylock: boolean
}

export interface TaskSamples {
  /** per job: release (or arrival) time, ns since the epoch; latency and response, ns; missed */
  releaseNs: number[]
  latencyNs: number[]
  responseNs: number[]
  missed: boolean[]
}

export interface WorkerReport {
  index: number
  cpu: number
  owner: OwnerCounters
  /** per allocation or free burst: its duration per page, ns (housekeeping) */
  fastPathNsPerPage: number[]
  drains: Array<DrainRecord & { source: DrainSourceSpec['kind'] }>
  /** drain_local_pages_wq items this CPU's worker ran, their durations, and the part of them past a task's release */
  workItems: number
  workNs: number[]
  workPastReleaseNs: number
  /** a polling task's anti-starvation windows (starvation-window.ts): how many, and their lengths by kind */
  starvationWindows: number
  throttledNs: number
  boostedNs: number
  task: TaskSamples | null
  /** operations (pages, jobs, items, bursts) the loop went through */
  operations: number
}

export type WorkerMessage =
  | { kind: 'ready'; index: number; tid: number | null; tidError?: string }
  | { kind: 'done'; report: WorkerReport }
  | { kind: 'failed'; index: number; error: string }
