// Measurements as a results document (docs/measurements.md): one job per measured file (or probe), whose
// tasks carry the measured latency distributions in the shape simulated tasks have, so History, Results
// and Compare show it like any run. The figures a tool does not measure (drains, interference, misses)
// are empty or zero, never invented; what the file says about itself is in `measurement`.
import { formatCpulist } from '../../../src-shared/profile/cpulist'
import type { Profile, Variant } from '../../../src-shared/profile/schema'
import { validateProfile } from '../../../src-shared/profile/validate'
import { resultsDocumentHead } from '../../../src-shared/results/results-document'
import type { DistributionNs, ExperimentResults, JobResult, Measurement, MeasuredFile, PcpParams, RunResult, TaskResult } from '../../../src-shared/results/types'
import { DistributionRecorder } from '../../engine/metrics/distribution-recorder'
import { distributionOfHistogram } from './distribution-of-histogram'
import type { MeasuredHistogram, ParsedMeasurement } from './measured-histogram'

export interface MeasuredInput {
  /** the file's name as the user gave it */
  file: string
  parsed: ParsedMeasurement
}

export interface MeasuredDocumentOptions {
  name: string
  engine: Measurement['engine']
  variant: Variant
  variantFrom: string
  /** the host's real zone figures (drainlab probe); zeros otherwise: an imported file does not say them */
  pcp?: PcpParams
  memoryGiB?: number
  extra?: Pick<Measurement, 'calibration' | 'host'>
  /** what measured, when more than the files' tools (drainlab probe: cyclictest and tracefs) */
  tool?: string
}

const NO_PCP: PcpParams = { managedPages: 0, batch: 0, high: 0, highMax: 0, wmarkMin: 0, wmarkLow: 0, wmarkHigh: 0 }

function emptyDistribution(): DistributionNs {
  return new DistributionRecorder().summary()
}

/** The CPU each histogram stands for in the profile: the one the file names, else its thread's index. */
function cpuOf(h: MeasuredHistogram, index: number): number {
  return h.cpu ?? index
}

function taskResult(h: MeasuredHistogram, index: number, mode: ParsedMeasurement['mode'], durationNs: number): TaskResult {
  const latencyNs = distributionOfHistogram(h)
  return {
    name: h.task,
    cpu: cpuOf(h, index),
    mode,
    // a measuring thread has no deadline: nothing is a miss
    deadlineNs: 0,
    activations: latencyNs.count,
    misses: 0,
    missRatio: 0,
    longestMissRun: 0,
    latencyNs,
    responseNs: emptyDistribution(),
    slackNs: emptyDistribution(),
    maxLatencyPerWindowNs: { windowNs: Math.max(1, durationNs), values: [] },
    missesPerWindow: { windowNs: Math.max(1, durationNs), values: [] },
    fallbacks: 0
  }
}

function runResult(input: MeasuredInput, variant: Variant, seed: number, engineVersion: string, pcp: PcpParams): RunResult {
  const durationNs = input.parsed.durationNs ?? 0
  return {
    engineVersion,
    variant,
    seed,
    pcp,
    tasks: input.parsed.histograms.map((h, i) => taskResult(h, i, input.parsed.mode, durationNs)),
    drains: {
      requested: 0, completed: 0, skipped: 0, stalled: 0, pagesFreed: 0,
      durationNs: emptyDistribution(), mutexWaitNs: emptyDistribution(), perTargetNs: emptyDistribution(), targets: emptyDistribution(),
      bySource: {}, overTime: { tNs: [], values: [] }, oldestPendingNs: 0
    },
    interference: [],
    housekeeping: { allocFastPathNs: emptyDistribution(), zoneLockWaitNs: emptyDistribution(), fallbacks: 0, fastPathOverheadNs: 0 },
    strandedPages: { tNs: [], values: [] },
    zoneFreePages: { tNs: [], values: [] },
    drainCpuNs: 0,
    worst: null,
    events: 0,
    simulatedNs: durationNs,
    partial: false
  }
}

/**
 * The profile that stands for the measured setup: one realtime task per measured CPU (period from the file
 * where it says it), those CPUs isolated, and one more CPU for housekeeping when the measured ones are
 * 0..n-1 (the model needs one). Re-running it simulates that setup with the model's defaults.
 */
function measuredProfile(inputs: MeasuredInput[], o: MeasuredDocumentOptions): Profile {
  const tasks = new Map<number, { name: string; mode: ParsedMeasurement['mode']; periodUs: number }>()
  for (const { parsed } of inputs) {
    parsed.histograms.forEach((h, i) => {
      const cpu = cpuOf(h, i)
      // one task per CPU: timerlat's thread column speaks for its CPU rather than the IRQ column
      if (!tasks.has(cpu) || / thread /.test(h.task)) tasks.set(cpu, { name: h.task.slice(0, 64), mode: parsed.mode, periodUs: parsed.periodUs ?? 1000 })
    })
  }
  const cpus = [...tasks.keys()].sort((a, b) => a - b)
  let housekeeping = 0
  while (tasks.has(housekeeping)) housekeeping++
  const machineCpus = Math.max(housekeeping, ...cpus) + 1
  const sources = inputs.map((i) => `${i.file} (${i.parsed.tool})`).join(', ')
  const checked = validateProfile({
    schemaVersion: 1,
    name: o.name,
    description: `Measured, not simulated: ${sources}. Re-running this profile simulates the measured CPUs (${formatCpulist(cpus)}) with the model's defaults; CPU ${housekeeping} is the housekeeping CPU the model needs.`,
    machine: { cpus: machineCpus, isolated: formatCpulist(cpus), ...(o.memoryGiB === undefined ? {} : { memoryGiB: o.memoryGiB }) },
    kernel: { variants: [o.variant] },
    rtTasks: cpus.map((cpu) => {
      const t = tasks.get(cpu)!
      return { name: t.name, cpu, priority: 80, mode: t.mode, periodUs: t.periodUs, runtimeUs: 1 }
    }),
    run: { seeds: inputs.map((_, i) => i) }
  })
  if (!checked.ok) throw new Error(`the profile of the measured setup is invalid: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  return checked.profile
}

function measuredFile(input: MeasuredInput): MeasuredFile {
  const p = input.parsed
  return {
    file: input.file,
    format: p.format,
    ...(p.command === undefined ? {} : { command: p.command }),
    ...(p.host === undefined ? {} : { host: p.host }),
    ...(p.kernelRelease === undefined ? {} : { kernelRelease: p.kernelRelease }),
    ...(p.durationNs === undefined ? {} : { durationNs: p.durationNs }),
    tasks: p.histograms.map((h) => ({ task: h.task, cpu: h.cpu, overflows: h.overflows, overflowFloorNs: h.overflowFloorNs }))
  }
}

export function measuredResults(inputs: MeasuredInput[], o: MeasuredDocumentOptions): ExperimentResults {
  const engineVersion = o.engine
  const profile = measuredProfile(inputs, o)
  const jobs: JobResult[] = inputs.map((input, seed) => ({
    id: `${o.variant}-s${seed}`,
    variant: o.variant,
    seed,
    sweepPoint: null,
    status: 'completed',
    result: runResult(input, o.variant, seed, engineVersion, o.pcp ?? NO_PCP)
  }))
  const tools = [...new Set(inputs.map((i) => i.parsed.tool))]
  return {
    ...resultsDocumentHead(engineVersion, profile, jobs),
    measurement: { engine: o.engine, tool: o.tool ?? tools.join(', '), variantFrom: o.variantFrom, files: inputs.map(measuredFile), ...o.extra }
  }
}
