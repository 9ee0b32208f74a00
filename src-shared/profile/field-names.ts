// What a profile field is called where a person reads it (sweep charts, their titles and axes, the sweep
// editor, the Results point picker): "reclaim drains per second", not drainSources.0.ratePerSec. The
// dotted path stays what files, CSV columns and `--set` use. Names of list entries come from the profile
// (the drain source's kind, the task's name), so a sweep reads as the experiment was designed.
import { splitPath } from './paths'

interface NamedEntries {
  drainSources?: ReadonlyArray<{ kind?: unknown }>
  rtTasks?: ReadonlyArray<{ name?: unknown }>
}

const FIXED: Readonly<Record<string, string>> = {
  'kernel.pcp.high': 'pcp high (pages)',
  'kernel.pcp.batch': 'pcp batch (pages)',
  'kernel.pcp.batchScaleMax': 'batch scale max',
  'kernel.pcp.thpFraction': 'THP share of pcplists',
  'kernel.antiStarvation.policy': 'anti-starvation policy',
  'kernel.antiStarvation.runtimeUs': 'RT runtime (µs)',
  'kernel.antiStarvation.periodUs': 'RT period (µs)',
  'kernel.costs.fastPathOverhead': 'fast-path overhead (fraction)',
  'kernel.costs.tPageRemoteNs': 'remote page free (ns)',
  'kernel.costs.kworkerWakeSwitchNs': 'kworker wake + switches (ns)',
  'machine.cpus': 'CPUs',
  'machine.memoryGiB': 'zone memory (GiB)',
  'housekeeping.allocRatePagesPerSec': 'housekeeping allocations (pages/s per CPU)',
  'housekeeping.freeRatePagesPerSec': 'housekeeping frees (pages/s per CPU)',
  'housekeeping.initialPcpPages': 'housekeeping pcplist pages at start'
}

const TASK_FIELDS: Readonly<Record<string, string>> = {
  cpu: 'CPU',
  mode: 'mode',
  periodUs: 'period (µs)',
  runtimeUs: 'runtime (µs)',
  allocsPerJob: 'allocations per job',
  initialPcpPages: 'pcplist pages at start',
  deadlineUs: 'deadline (µs)',
  priority: 'priority'
}

/** The readable name of a profile field; the path itself for a field without one. */
export function fieldName(path: string, profile: NamedEntries = {}): string {
  const fixed = FIXED[path]
  if (fixed !== undefined) return fixed
  let keys: string[]
  try {
    keys = splitPath(path)
  } catch {
    return path
  }
  const [list, index, field] = keys
  const i = Number(index)
  if (keys.length !== 3 || !Number.isInteger(i)) return path
  if (list === 'drainSources' && field === 'ratePerSec') {
    const kind = profile.drainSources?.[i]?.kind
    return typeof kind === 'string' ? `${kind} drains per second` : `drain source ${i + 1}: drains per second`
  }
  if (list === 'rtTasks' && TASK_FIELDS[field] !== undefined) {
    const name = profile.rtTasks?.[i]?.name
    return `${typeof name === 'string' ? name : `task ${i + 1}`} ${TASK_FIELDS[field]}`
  }
  return path
}

/**
 * The list entries two profiles name alike (same task name, same drain-source kind at an index), for naming
 * the fields of a comparison: an entry the two name differently is "task 2", not one side's name.
 */
export function sharedEntries(a: NamedEntries, b: NamedEntries): NamedEntries {
  const same = <T>(x: ReadonlyArray<T> | undefined, y: ReadonlyArray<T> | undefined, key: (e: T) => unknown): Array<T | object> =>
    (x ?? []).map((e, i) => (y?.[i] !== undefined && key(e) === key(y[i]) ? e : {}))
  return {
    rtTasks: same(a.rtTasks, b.rtTasks, (t) => t.name),
    drainSources: same(a.drainSources, b.drainSources, (d) => d.kind)
  }
}

/** A sweep point as a person reads it: "reclaim drains per second = 100, pcp high (pages) = 1000". */
export function pointName(values: Readonly<Record<string, unknown>>, profile: NamedEntries = {}): string {
  return Object.entries(values).map(([path, value]) => `${fieldName(path, profile)} = ${String(value)}`).join(', ')
}
