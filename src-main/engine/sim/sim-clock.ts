// Simulated time, integer nanoseconds. It only moves forward: the invariant "simulated time never
// goes backwards" (model.md §7) is checked here.
import { DOUBLE_ZERO } from './double-zero'

export class SimClock {
  now = DOUBLE_ZERO

  advanceTo(t: number): void {
    if (t < this.now) throw new Error(`simulated time went backwards: ${t} < ${this.now}`)
    this.now = t
  }
}
