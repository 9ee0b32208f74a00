// One job's shared control block, a SharedArrayBuffer both threads see without messages: the lab sets the
// cancel flag at any moment and the engine reads it between events (runModel's shouldCancel); the engine
// writes its progress and the lab samples it on its own timer, so progress costs the engine no postMessage.
// The worker also writes when the job passed each of its stages (JobTimings), for `drainlab run --timings`.
//
// Layout: Int32 [0] cancel flag, Int32 [1] padding; Float64 [1] fraction, [2] events, [3] simulated ns,
// [4] the worker's code loaded, [5] the job started, [6] the last progress report, [7] the result ready.
const BYTES = 64
const CANCEL = 0
const FRACTION = 1
const EVENTS = 2
const SIMULATED_NS = 3
const WORKER_LOADED_AT = 4
const STARTED_AT = 5
const REPORTED_AT = 6
const RESULT_READY_AT = 7

/** Wall-clock time in ms since the epoch, to the µs: the same clock in every thread (each thread's performance.now() has its own origin). */
export function epochMs(): number {
  return performance.timeOrigin + performance.now()
}

export interface JobProgressSample {
  fraction: number
  events: number
  simulatedNs: number
}

/**
 * When a job passed each stage in its worker, ms since the epoch (epochMs); 0: not reached (a job that failed
 * first, or a runner that does not record them). The engine's last progress report comes after the simulation
 * ended and before its result is collected (engine/simulation.ts).
 */
export interface JobTimings {
  workerLoadedAt: number
  startedAt: number
  simulatedAt: number
  resultReadyAt: number
}

export class JobControl {
  private readonly flags: Int32Array
  private readonly numbers: Float64Array

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(BYTES)) {
    this.flags = new Int32Array(buffer, 0, 2)
    this.numbers = new Float64Array(buffer, 0, BYTES / 8)
  }

  cancel(): void {
    Atomics.store(this.flags, CANCEL, 1)
  }

  get cancelled(): boolean {
    return Atomics.load(this.flags, CANCEL) === 1
  }

  report(p: JobProgressSample): void {
    this.numbers[FRACTION] = p.fraction
    this.numbers[EVENTS] = p.events
    this.numbers[SIMULATED_NS] = p.simulatedNs
    this.numbers[REPORTED_AT] = epochMs()
  }

  /** The job starts on a worker whose code finished loading at `workerLoadedAt` (epochMs). */
  started(workerLoadedAt: number): void {
    this.numbers[WORKER_LOADED_AT] = workerLoadedAt
    this.numbers[STARTED_AT] = epochMs()
  }

  resultReady(): void {
    this.numbers[RESULT_READY_AT] = epochMs()
  }

  timings(): JobTimings {
    const n = this.numbers
    return { workerLoadedAt: n[WORKER_LOADED_AT], startedAt: n[STARTED_AT], simulatedAt: n[REPORTED_AT], resultReadyAt: n[RESULT_READY_AT] }
  }

  /** A torn read across the three numbers is harmless: it is a progress display, sampled again soon. */
  sample(): JobProgressSample {
    return { fraction: this.numbers[FRACTION], events: this.numbers[EVENTS], simulatedNs: this.numbers[SIMULATED_NS] }
  }
}
