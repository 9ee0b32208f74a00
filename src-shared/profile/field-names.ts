// What a profile field is called where a person reads it (sweep charts, their titles and axes, the sweep
// editor, the Results point picker, Compare's profile difference): "reclaim drains per second", not
// drainSources.0.ratePerSec. The dotted path stays what files, CSV columns and `--set` use. Names of list
// entries come from the profile (the drain source's kind, the task's name), so a sweep reads as the
// experiment was designed.
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
  priority: 'priority',
  missPolicy: 'on a missed deadline'
}

/** A task's runtime given as a distribution: one field per parameter (schema.ts distributionSchema). */
const RUNTIME_FIELDS: Readonly<Record<string, string>> = {
  dist: 'runtime: distribution',
  valueUs: 'runtime (µs)',
  minUs: 'runtime min (µs)',
  maxUs: 'runtime max (µs)',
  medianUs: 'runtime median (µs)',
  sigma: 'runtime σ (lognormal)'
}

/**
 * Fields that only a whole-profile comparison meets (a sweep varies scalars): an entry's own name or kind, a
 * runtime distribution's parameters, the sweep's parameters. An entry's name or kind is named by its number:
 * it is what differs.
 */
function entryPartName(list: string, i: number, field: string, sub: string | undefined, task: string): string | undefined {
  if (list === 'rtTasks' && sub === undefined && field === 'name') return `task ${i + 1} name`
  if (list === 'rtTasks' && field === 'runtimeUs' && sub !== undefined && RUNTIME_FIELDS[sub] !== undefined) return `${task} ${RUNTIME_FIELDS[sub]}`
  if (list === 'drainSources' && sub === undefined && field === 'kind') return `drain source ${i + 1}: kind`
  if (list === 'sweep.parameters' && sub === undefined && field === 'path') return `sweep parameter ${i + 1}: field`
  if (list === 'sweep.parameters' && sub === undefined && field === 'values') return `sweep parameter ${i + 1}: values`
  return undefined
}

/** How many entries a profile list has ("rtTasks.length", a row of Compare's difference): its name for people. */
const LIST_COUNTS: Readonly<Record<string, string>> = {
  'rtTasks.length': 'realtime tasks (count)',
  'drainSources.length': 'drain sources (count)',
  'housekeeping.perCpu.length': 'housekeeping CPU overrides (count)',
  'sweep.parameters.length': 'sweep parameters (count)'
}

/** The readable name of a profile field; the path itself for a field without one. */
export function fieldName(path: string, profile: NamedEntries = {}): string {
  const fixed = FIXED[path] ?? LIST_COUNTS[path]
  if (fixed !== undefined) return fixed
  let keys: string[]
  try {
    keys = splitPath(path)
  } catch {
    return path
  }
  // the sweep's list sits one level down: sweep.parameters.0.path
  if (keys[0] === 'sweep' && keys[1] === 'parameters') keys = ['sweep.parameters', ...keys.slice(2)]
  const [list, index, field, sub] = keys
  const i = Number(index)
  if (keys.length < 3 || keys.length > 4 || !Number.isInteger(i)) return path
  const name = profile.rtTasks?.[i]?.name
  const task = typeof name === 'string' ? name : `task ${i + 1}`
  const part = entryPartName(list, i, field, sub, task)
  if (part !== undefined) return part
  if (keys.length !== 3) return path
  if (list === 'drainSources' && field === 'ratePerSec') {
    const kind = profile.drainSources?.[i]?.kind
    return typeof kind === 'string' ? `${kind} drains per second` : `drain source ${i + 1}: drains per second`
  }
  if (list === 'rtTasks' && TASK_FIELDS[field] !== undefined) return `${task} ${TASK_FIELDS[field]}`
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
