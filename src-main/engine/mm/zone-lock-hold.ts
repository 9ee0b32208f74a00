// One zone->lock hold taken by an owner or a drainer: the spin before it and the hold itself, filled in
// place (no allocation per operation).
export class ZoneLockHold {
  waitNs = 0
  holdNs = 0
}
