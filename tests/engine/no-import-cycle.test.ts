// src-main/engine reads top-down: no file imports, even for types only, a file that leads back to it.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ENGINE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src-main/engine')
const RELATIVE_IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return engineFiles(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

/** file -> the engine files it imports */
function importGraph(files: string[]): Map<string, string[]> {
  const inEngine = new Set(files)
  return new Map(files.map((file) => {
    const targets = [...readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)]
      .map((m) => resolve(dirname(file), m[1]) + '.ts')
      .filter((target) => inEngine.has(target))
    return [file, targets]
  }))
}

/** One import cycle as a list of files (first = last), or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (file: string): string[] | null => {
    state.set(file, 'open')
    path.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next]
      if (state.get(next) === undefined) {
        const cycle = visit(next)
        if (cycle !== null) return cycle
      }
    }
    path.pop()
    state.set(file, 'done')
    return null
  }
  for (const file of graph.keys()) {
    if (state.get(file) !== undefined) continue
    const cycle = visit(file)
    if (cycle !== null) return cycle
  }
  return null
}

describe('the engine has no import cycle', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a'])
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeNull()
  })

  it('src-main/engine, type-only imports included', () => {
    const files = engineFiles(ENGINE)
    const graph = importGraph(files)
    // the walk sees the engine: the entry point imports the simulation
    expect(graph.get(join(ENGINE, 'run-model.ts'))).toContain(join(ENGINE, 'simulation.ts'))
    const cycle = findCycle(graph)
    expect(cycle?.map((f) => relative(ENGINE, f)) ?? null).toBeNull()
  })
})
