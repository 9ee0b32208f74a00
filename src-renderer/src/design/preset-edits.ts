// What was changed in a profile started from a preset, named as a person reads it, and the name a run of it
// gets: an edited preset run under the preset's own name could not be told apart from the preset in History
// and Compare ("Stress test from the series" twice, one of them with pcp high 50).
import { getAtPath } from '@shared/profile/paths'
import { profileDiff, type ProfileDifference } from '../results/profile-diff'
import { readableField } from './readable-field'

export interface PresetEdit extends ProfileDifference {
  /** "pcp high (pages)", "poller allocations per job", "realtime task 2 added" */
  name: string
}

/** Names at most this many fields in a run's name; more are counted. */
const NAMED_IN_RUN = 2
const MAX_NAME = 120

/** The fields of `edited` that differ from `preset`; a list entry added or removed as a whole counts once. */
export function presetEdits(preset: unknown, edited: unknown): PresetEdit[] {
  const out: PresetEdit[] = []
  const wholeEntries = new Set<string>()
  for (const d of profileDiff(preset, edited)) {
    const entry = /^(rtTasks|drainSources)\.(\d+)\./.exec(d.path)
    const key = entry ? `${entry[1]}.${entry[2]}` : ''
    const inPreset = entry ? getAtPath(preset, key) !== undefined : true
    const inEdited = entry ? getAtPath(edited, key) !== undefined : true
    if (entry && inPreset !== inEdited) {
      if (wholeEntries.has(key)) continue
      wholeEntries.add(key)
      const what = entry[1] === 'rtTasks' ? 'realtime task' : 'drain source'
      out.push({ ...d, path: key, name: `${what} ${Number(entry[2]) + 1} ${inPreset ? 'removed' : 'added'}` })
      continue
    }
    out.push({ ...d, name: readableField(d.path, (edited ?? {}) as object) })
  }
  return out
}

/** "Stress test from the series (edited: pcp high (pages))", "… (edited: 3 fields)"; within the 120 characters of a name. */
export function editedRunName(presetName: string, edits: readonly PresetEdit[]): string {
  const what = edits.length <= NAMED_IN_RUN ? edits.map((e) => e.name).join(', ') : `${edits.length} fields`
  const suffix = ` (edited: ${what})`
  const counted = ` (edited: ${edits.length} field${edits.length === 1 ? '' : 's'})`
  const tail = presetName.length + suffix.length <= MAX_NAME ? suffix : counted
  return `${presetName.slice(0, MAX_NAME - tail.length)}${tail}`
}

/** The preset a run's name says it was edited from, or null. */
export function presetNameOf(runName: string): string | null {
  const at = runName.lastIndexOf(' (edited: ')
  return at > 0 && runName.endsWith(')') ? runName.slice(0, at) : null
}
