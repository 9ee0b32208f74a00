// One zone->lock hold taken by an owner or a drainer: the spin before it and the hold itself, filled in
// place (no allocation per operation).
import { DOUBLE_ZERO } from '../sim/double-zero'

export class ZoneLockHold {
  waitNs = DOUBLE_ZERO
  holdNs = DOUBLE_ZERO
}
