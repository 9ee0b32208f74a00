// The zone's managed pages of a profile's machine: one ZONE_NORMAL holding all of memoryGiB. The profile's
// rules bound pcp->batch and pcp->high by it, and the engine sizes its zone with it.
import type { Profile } from './schema'

export function managedPagesOf(profile: Pick<Profile, 'machine'>): number {
  return Math.floor((profile.machine.memoryGiB * 1024 * 1024) / profile.machine.pageSizeKiB)
}
