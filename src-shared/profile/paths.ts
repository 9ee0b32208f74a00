// Dotted paths into a profile ("kernel.pcp.high", "rtTasks.0.cpu"): how `--set` and sweeps name a field,
// and how the Design form names the field it shows, its value and its validation message.
import { validateProfile, type ProfileIssue, type ProfileValidation } from './validate'

export class ProfilePathError extends Error {}

type Container = Record<string, unknown> | unknown[]

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null
}

export function splitPath(path: string): string[] {
  const keys = path.split('.')
  if (path === '' || keys.some((k) => k === '')) throw new ProfilePathError(`"${path}" is not a dotted path (e.g. kernel.pcp.high)`)
  // A path may not reach into the prototype chain: a profile is plain data.
  for (const k of keys) if (k === '__proto__' || k === 'prototype' || k === 'constructor') throw new ProfilePathError(`"${k}" cannot appear in a path`)
  return keys
}

export function getAtPath(doc: unknown, path: string): unknown {
  let node: unknown = doc
  for (const key of splitPath(path)) {
    if (!isContainer(node)) return undefined
    if (Array.isArray(node)) {
      node = node[Number(key)]
      continue
    }
    // read before the ownership check: reading through a Vue reactive draft is what makes a computed
    // value follow the key, including one added later (Object.hasOwn alone is not tracked)
    const value = node[key]
    node = Object.hasOwn(node, key) ? value : undefined
  }
  return node
}

/**
 * Write `value` at `path` inside `doc` itself, for a draft being edited (the form keeps one reactive
 * object): missing containers on the way are created, an array before a numeric key, and `undefined`
 * removes an object key, so a cleared field falls back to its default.
 */
export function assignAtPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = splitPath(path)
  let node: Container = doc
  keys.slice(0, -1).forEach((key, i) => {
    const record = node as Record<string, unknown>
    if (!isContainer(record[key])) record[key] = /^\d+$/.test(keys[i + 1]) ? [] : {}
    node = record[key] as Container
  })
  const last = keys[keys.length - 1]
  if (value === undefined && !Array.isArray(node)) delete (node as Record<string, unknown>)[last]
  else (node as Record<string, unknown>)[last] = value
}

/** A copy of `doc` with `value` at `path`; missing objects on the way are created, arrays need an existing index. */
export function setAtPath<T>(doc: T, path: string, value: unknown): T {
  const keys = splitPath(path)
  const root: unknown = structuredClone(doc)
  if (!isContainer(root)) throw new ProfilePathError('the profile is not an object')
  let node: Container = root
  keys.forEach((key, i) => {
    const last = i === keys.length - 1
    if (Array.isArray(node)) {
      const index = Number(key)
      if (!Number.isInteger(index) || index < 0 || index >= node.length) {
        throw new ProfilePathError(`${keys.slice(0, i).join('.')} has no element ${key} (it has ${node.length})`)
      }
      if (last) node[index] = value
      else {
        if (!isContainer(node[index])) node[index] = {}
        node = node[index] as Container
      }
      return
    }
    if (last) node[key] = value
    else {
      if (!isContainer(node[key])) node[key] = {}
      node = node[key] as Container
    }
  })
  return root as T
}

/** The values a command-line text could mean: JSON first (numbers, booleans, arrays, objects), then the text itself. */
export function candidateValues(text: string): unknown[] {
  const candidates: unknown[] = []
  try {
    candidates.push(JSON.parse(text))
  } catch {
    // not JSON: only the string reading remains
  }
  if (!candidates.some((c) => c === text)) candidates.push(text)
  return candidates
}

function touches(issue: ProfileIssue, path: string): boolean {
  return issue.path === path || issue.path.startsWith(`${path}.`) || path.startsWith(`${issue.path}.`) || issue.path === ''
}

/**
 * Set a field from text as the schema wants it: "machine.isolated=3" stays the string "3" (a cpulist),
 * "kernel.pcp.high=1000" becomes the number 1000, "kernel.pcp.autotune=true" the boolean. The first reading
 * the schema accepts at that path wins; when none does, the JSON reading is kept so validation reports why.
 */
export function setFromText<T>(doc: T, path: string, text: string): T {
  const candidates = candidateValues(text)
  for (const value of candidates) {
    const next = setAtPath(doc, path, value)
    const checked: ProfileValidation = validateProfile(next)
    if (checked.ok || !checked.issues.some((issue) => touches(issue, path))) return next
  }
  return setAtPath(doc, path, candidates[0])
}
