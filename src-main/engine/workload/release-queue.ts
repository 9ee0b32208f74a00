// The realtime task's released jobs that have not started yet, oldest first: a growable ring of
// (release time, timer latency) pairs, allocation-free once grown to the backlog's size.
import { DOUBLE_ZERO } from '../sim/double-zero'

export class ReleaseQueue {
  private release = new Float64Array(16)
  private timer = new Float64Array(16)
  private head = 0
  length = 0
  /** Filled by shift(): the job's release time and hrtimer latency. */
  releaseNs = DOUBLE_ZERO
  timerNs = DOUBLE_ZERO

  push(releaseNs: number, timerNs: number): void {
    if (this.length === this.release.length) this.grow()
    const slot = (this.head + this.length) % this.release.length
    this.release[slot] = releaseNs
    this.timer[slot] = timerNs
    this.length++
  }

  /** Removes the oldest job into releaseNs / timerNs; false when empty. */
  shift(): boolean {
    if (this.length === 0) return false
    this.releaseNs = this.release[this.head]
    this.timerNs = this.timer[this.head]
    this.head = (this.head + 1) % this.release.length
    this.length--
    return true
  }

  private grow(): void {
    const n = this.release.length * 2
    const release = new Float64Array(n)
    const timer = new Float64Array(n)
    for (let i = 0; i < this.length; i++) {
      const j = (this.head + i) % this.release.length
      release[i] = this.release[j]
      timer[i] = this.timer[j]
    }
    this.release = release
    this.timer = timer
    this.head = 0
  }
}
