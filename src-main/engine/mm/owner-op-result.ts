// What an owner's pcplist operation cost, filled in place (no allocation per operation).
import { ZoneLockHold } from './zone-lock-hold'
import { DOUBLE_ZERO } from '../sim/double-zero'

export class OwnerOpResult {
  /** scratch for the operation's zone->lock holds */
  readonly zoneLock = new ZoneLockHold()
  /** total time the operation took on the owner CPU */
  ns = DOUBLE_ZERO
  /** the pcp->lock trylock failed: the operation went to the buddy allocator */
  fallback = false
  /** part of ns spent in the buddy fallback after a failed pcp->lock trylock, zone->lock wait included */
  fallbackNs = DOUBLE_ZERO
  /** part of ns spent spinning on a remotely held pcp->lock (6.0–6.1 list free) */
  spinNs = DOUBLE_ZERO
  /** part of ns added by fastPathOverhead (spinlock designs) */
  overheadNs = DOUBLE_ZERO
  /** time spent waiting for zone->lock (refill, bulk free, fallback) */
  zoneWaitNs = DOUBLE_ZERO
  /** the slow part of an allocation: one refill (rmqueue_bulk) — charged to a single allocation */
  slowNs = DOUBLE_ZERO

  /** The pcp->lock trylock failed: the whole operation was the buddy fallback's zoneLock hold. */
  fellBack(): void {
    this.fallback = true
    this.fallbackNs = this.zoneLock.waitNs + this.zoneLock.holdNs
    this.zoneWaitNs = this.zoneLock.waitNs
    this.ns = this.fallbackNs
  }

  reset(): void {
    this.ns = 0
    this.fallback = false
    this.fallbackNs = 0
    this.spinNs = 0
    this.overheadNs = 0
    this.zoneWaitNs = 0
    this.slowNs = 0
  }
}
