// The profile difference as Compare lists it: two different presets differ in ~100 fields, most of them one
// per realtime task, and listed in profile order they pushed the charts four screens down. The most telling
// differences come first (the machine, the kernel, how many tasks and drain sources), each task's own fields
// after them and the names last (the pickers show them), so a short head of the list says what was compared.
import { getAtPath } from '@shared/profile/paths'
import { profileDiff, type ProfileDifference } from './profile-diff'

/** Lists whose entry count is worth a row of its own ("realtime tasks (count)": 6 vs 8). */
const COUNTED_LISTS = ['rtTasks', 'drainSources', 'housekeeping.perCpu', 'sweep.parameters'] as const

/** Rank of a path's section, lowest first; paths not named here sit before the task fields. */
const RANK: ReadonlyArray<[RegExp, number]> = [
  [/^machine\./, 0],
  [/^kernel\./, 1],
  [/\.length$/, 2],
  [/^sweep\./, 3],
  [/^drainSources\./, 4],
  [/^housekeeping\./, 5],
  [/^run\./, 6],
  [/^rtTasks\./, 8],
  [/^(name|description)$/, 9]
]
const OTHER = 7

const rankOf = (path: string) => RANK.find(([re]) => re.test(path))?.[1] ?? OTHER

function listCounts(a: unknown, b: unknown): ProfileDifference[] {
  const count = (doc: unknown, path: string) => {
    const list = getAtPath(doc, path)
    return Array.isArray(list) ? list.length : undefined
  }
  return COUNTED_LISTS.map((path) => ({ path: `${path}.length`, a: count(a, path), b: count(b, path) }))
    .filter((d) => d.a !== d.b)
}

/** Every difference between two profiles, entry counts included, most telling first (a stable sort: profile order within a rank). */
export function compareDiff(a: unknown, b: unknown): ProfileDifference[] {
  return [...listCounts(a, b), ...profileDiff(a, b)]
    .map((d, i) => ({ d, i, rank: rankOf(d.path) }))
    .sort((x, y) => x.rank - y.rank || x.i - y.i)
    .map(({ d }) => d)
}

/** The field a difference's value names (a sweep parameter's path), to show it by its readable name; null otherwise. */
export function fieldValue(d: ProfileDifference, side: 'a' | 'b'): string | null {
  const value = d[side]
  return /^sweep\.parameters\.\d+\.path$/.test(d.path) && typeof value === 'string' ? value : null
}
