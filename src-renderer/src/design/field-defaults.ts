// The default of every field, read from the zod schema by parsing minimal documents: the form shows
// exactly what a file that leaves the field out would get.
import { drainSourceSchema, profileObjectSchema, PROFILE_SCHEMA_VERSION, rtTaskSchema } from '@shared/profile/schema'
import { getAtPath } from '@shared/profile/paths'

const profileDefaults = profileObjectSchema.parse({ schemaVersion: PROFILE_SCHEMA_VERSION, machine: { cpus: 1 } })
const taskDefaults = rtTaskSchema.parse({ name: 'x', cpu: 0, mode: 'periodic', periodUs: 1, runtimeUs: 1 })
const sourceDefaults = drainSourceSchema.parse({ kind: 'once' })

/** The schema default for a field path (rtTasks.3.priority works too), or undefined when it has none. */
export function defaultFor(path: string): unknown {
  const task = /^rtTasks\.\d+\.(\w+)$/.exec(path)
  if (task) return ['name', 'cpu', 'mode', 'periodUs', 'runtimeUs'].includes(task[1]) ? undefined : getAtPath(taskDefaults, task[1])
  const source = /^drainSources\.\d+\.(\w+)$/.exec(path)
  if (source) return source[1] === 'kind' ? undefined : getAtPath(sourceDefaults, source[1])
  if (path === 'machine.cpus') return undefined
  return getAtPath(profileDefaults, path)
}

export function formatDefault(value: unknown): string {
  if (value === undefined) return 'required'
  if (Array.isArray(value)) return value.join(', ')
  if (value === '') return '(empty)'
  return String(value)
}
