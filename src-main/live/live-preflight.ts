// Everything a live run refuses, checked before a run starts (and so before anything is written): the
// profile's limits (live-limits.ts) and whether this host has a CPU for each profile CPU (cpu-mapping.ts).
// runLiveJob checks them again, for callers that start a job directly.
import { isolatedCpus } from '../../src-shared/profile/cpu-roles'
import type { Profile } from '../../src-shared/profile/schema'
import { mapCpus } from './cpu-mapping'
import { readHostCpus } from './host-cpus'
import { checkLiveProfile } from './live-limits'

/** Throws a LiveRefusal or HostTooSmallError whose message names the field to change. */
export async function preflightLive(profile: Profile): Promise<void> {
  checkLiveProfile(profile)
  mapCpus(profile.machine.cpus, isolatedCpus(profile), await readHostCpus())
}
