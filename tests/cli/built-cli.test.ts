// The JavaScript build that `drainlab` runs after npm install (out/cli, vite.cli.config.ts): built here first,
// so this never tests a stale build, then started through bin/drainlab.mjs like a user's `npx drainlab`. The
// other CLI tests run the sources (vitest.config.ts sets DRAINLAB_FROM_SOURCES); this file checks what only
// the build can get wrong: the paths it finds from out/cli, the built pool worker, and the stale-build check.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import { drainlab, type DrainlabResult } from '../support/drainlab-process'

const ROOT = join(import.meta.dirname, '..', '..')
const OUT = join(ROOT, 'out', 'cli')

function builtDrainlab(args: string[], cwd: string): Promise<DrainlabResult> {
  // without DRAINLAB_FROM_SOURCES bin/drainlab.mjs takes the build, or says on stderr why not
  const { DRAINLAB_FROM_SOURCES: _fromSources, ...env } = process.env
  return drainlab(args, cwd, env)
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name))
}

describe('the built CLI', () => {
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drainlab-built-'))
    await build({ configFile: join(ROOT, 'vite.cli.config.ts'), logLevel: 'warn' })
  })

  it('prints the package version, from the build (no note that it fell back to the sources)', async () => {
    const r = await builtDrainlab(['--version'], dir)
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('runs a job on the pool with the built worker, and the build loads no tsx', async () => {
    const r = await builtDrainlab(['run', '--preset', 'control-loop-1khz', '--variants', 'direct', '--duration', '100ms', '--jobs', '1', '--no-history', '--out', 'out'], dir)
    expect(r.stderr).not.toContain('running from the sources')
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('1 completed, 0 failed')
    expect(JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'))).toHaveProperty('jobs')
    for (const file of jsFiles(OUT)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/(from\s*|import\s*\(\s*)["']tsx/)
  })
})

describe('bin/built-cli.mjs: when the build is stale', () => {
  type Check = (root: string) => string | null
  let builtCliProblem: Check
  let root: string
  const source = () => join(root, 'src', 'a.ts')
  const startedAtMs = Date.parse('2026-01-01T00:00:00Z')
  const setModified = (path: string, ms: number) => utimesSync(path, new Date(ms), new Date(ms))

  beforeAll(async () => {
    ;({ builtCliProblem } = (await import(pathToFileURL(join(ROOT, 'bin', 'built-cli.mjs')).href)) as { builtCliProblem: Check })
    root = mkdtempSync(join(tmpdir(), 'drainlab-stale-'))
    mkdirSync(join(root, 'src'))
    writeFileSync(source(), 'export {}\n')
  })

  const writeList = (files: string[]) => {
    mkdirSync(join(root, 'out', 'cli'), { recursive: true })
    writeFileSync(join(root, 'out', 'cli', 'sources.json'), JSON.stringify({ startedAtMs, files }))
  }

  it('no build: run the sources', () => {
    expect(builtCliProblem(root)).toBe(`there is no build in ${join('out', 'cli')}`)
  })

  it('every source older than the build: use the build', () => {
    writeList(['src/a.ts'])
    setModified(source(), startedAtMs - 1000)
    expect(builtCliProblem(root)).toBeNull()
  })

  it('a source saved after the build started (even while it ran): run the sources, naming the file', () => {
    writeList(['src/a.ts'])
    setModified(source(), startedAtMs + 1000)
    expect(builtCliProblem(root)).toBe(`src/a.ts changed after the build in ${join('out', 'cli')}`)
  })

  it('a source the build was made from is gone: run the sources', () => {
    writeList(['src/a.ts', 'src/gone.ts'])
    setModified(source(), startedAtMs - 1000)
    expect(builtCliProblem(root)).toBe(`src/gone.ts, part of the build in ${join('out', 'cli')}, is gone`)
  })
})
