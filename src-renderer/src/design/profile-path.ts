// Read and write a profile draft by the dotted paths validateProfile reports ("rtTasks.0.cpu"), so a
// form field, its value and its validation message share one key.

type Container = Record<string, unknown> | unknown[]

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null

export function getAt(root: unknown, path: string): unknown {
  if (path === '') return root
  let node: unknown = root
  for (const key of path.split('.')) {
    if (!isContainer(node)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** Sets a value, creating missing objects (or arrays, for numeric keys) on the way. `undefined` removes the key. */
export function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node: Container = root
  keys.slice(0, -1).forEach((key, i) => {
    const record = node as Record<string, unknown>
    if (!isContainer(record[key])) record[key] = /^\d+$/.test(keys[i + 1]) ? [] : {}
    node = record[key] as Container
  })
  const last = keys[keys.length - 1]
  if (value === undefined && !Array.isArray(node)) delete (node as Record<string, unknown>)[last]
  else (node as Record<string, unknown>)[last] = value
}
