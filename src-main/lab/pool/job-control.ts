// One job's shared control block, a SharedArrayBuffer both threads see without messages: the lab sets the
// cancel flag at any moment and the engine reads it between events (runModel's shouldCancel); the engine
// writes its progress and the lab samples it on its own timer, so progress costs the engine no postMessage.
//
// Layout: Int32 [0] cancel flag, Int32 [1] padding; Float64 [1] fraction, [2] events, [3] simulated ns.
const BYTES = 32
const CANCEL = 0
const FRACTION = 1
const EVENTS = 2
const SIMULATED_NS = 3

export interface JobProgressSample {
  fraction: number
  events: number
  simulatedNs: number
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
  }

  /** A torn read across the three numbers is harmless: it is a progress display, sampled again soon. */
  sample(): JobProgressSample {
    return { fraction: this.numbers[FRACTION], events: this.numbers[EVENTS], simulatedNs: this.numbers[SIMULATED_NS] }
  }
}
