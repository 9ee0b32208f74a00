// The results document schema against a document a real run saved, and against targeted corruptions of it:
// each is refused with the path of the broken field, by parseResults and by LabApi getResults.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LabError, type RunFinished } from '../../src-shared/api'
import { experimentResultsSchema } from '../../src-shared/results/results-schema'
import { createLabService } from '../../src-main/lab/lab-service'
import { labFolderPolicy } from '../../src-main/lab/path-policy'
import { parseResults, readResultsFile, ResultsFileError, serializeResults } from '../../src-main/store/results-file'
import { syntheticResults } from './lab-support/synthetic-results'
import { smallExperiment } from '../support/small-experiment'

const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-results-schema-'))
const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
afterAll(() => lab.close())

const profile = smallExperiment('Schema test', { durationMs: 200, seeds: [1] })

let runId: string
let savedText: string
const resultsFile = () => join(dataDir, 'experiments', runId, 'results.json')

beforeAll(async () => {
  ;({ runId } = await lab.startRun({ profile }))
  const finished = await new Promise<RunFinished>((resolve) => {
    const off = lab.on('runFinished', (e) => {
      if (e.runId !== runId) return
      off()
      resolve(e)
    })
  })
  expect(finished.status).toBe('completed')
  savedText = readFileSync(resultsFile(), 'utf8')
}, 60_000)

/** Marks a field to delete in corrupted(). */
const REMOVE = Symbol('remove')

/** The saved document with fields set (or removed) at dotted paths, as JSON text. */
function corrupted(...edits: Array<[path: string, value: unknown]>): string {
  const doc = JSON.parse(savedText) as Record<string, unknown>
  for (const [path, value] of edits) {
    const keys = path.split('.')
    const last = keys.pop() as string
    const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, doc)
    if (value === REMOVE) delete parent[last]
    else parent[last] = value
  }
  // JSON.stringify cannot write an infinite number; 1e400 is how one reaches a parser
  return JSON.stringify(doc).replace('"INFINITE"', '1e400')
}

function problemsOf(text: string): string[] {
  try {
    parseResults(text, 'r.json')
  } catch (e) {
    expect(e).toBeInstanceOf(ResultsFileError)
    return ((e as ResultsFileError).issues ?? []).map((i) => `${i.path}: ${i.message}`)
  }
  throw new Error('the document was accepted')
}

describe('the results schema', () => {
  it('accepts the document a real run saved, and reading it back keeps its bytes', () => {
    const doc = JSON.parse(savedText) as unknown
    expect(experimentResultsSchema.safeParse(doc).success).toBe(true)
    const read = parseResults(savedText, 'r.json')
    expect(read.jobs.map((j) => j.status)).toEqual(['completed', 'completed'])
    expect(read.jobs[0].result?.worst).not.toBeNull()
    expect(serializeResults(read)).toBe(savedText)
  })

  it('accepts the synthetic documents of the chart and export tests', () => {
    expect(experimentResultsSchema.safeParse(syntheticResults(true)).success).toBe(true)
  })

  it('saves housekeeping.perCpu, and still reads a document saved before it (no perCpu) unchanged', () => {
    const saved = parseResults(savedText, 'r.json')
    const perCpu = saved.jobs[0].result?.housekeeping.perCpu
    // machine: 4 CPUs, 2-3 isolated
    expect(perCpu?.map((c) => c.cpu)).toEqual([0, 1])
    const old = corrupted(['jobs.0.result.housekeeping.perCpu', REMOVE], ['jobs.1.result.housekeeping.perCpu', REMOVE])
    const read = parseResults(old, 'r.json')
    expect(read.jobs.map((j) => j.result?.housekeeping.perCpu)).toEqual([undefined, undefined])
    expect(read.jobs[0].result?.housekeeping.allocFastPathNs).toEqual(saved.jobs[0].result?.housekeeping.allocFastPathNs)
    expect(JSON.parse(serializeResults(read))).toEqual(JSON.parse(old))
  })

  it('reads a document of engine 0.5 (no per-CPU flush sources, no flushes): those sources read as 0', () => {
    const flushSources = ['lru-drain', 'vmstat', 'memcg-drain', 'slab-flush']
    const old = corrupted(...flushSources.map((k): [string, unknown] => [`jobs.0.result.interference.0.bySourceNs.${k}`, REMOVE]), ['jobs.0.result.flushes', REMOVE])
    const read = parseResults(old, 'r.json')
    const bySource = read.jobs[0].result?.interference[0].bySourceNs as Record<string, number>
    for (const k of flushSources) expect(bySource[k], k).toBe(0)
    expect(read.jobs[0].result?.flushes).toBeUndefined()
    // a flush row with an unknown key is still refused
    const problems = problemsOf(corrupted(['jobs.0.result.flushes', { lru: { gremlins: 1 } }]))
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => p.startsWith('jobs.0.result.flushes.lru'))).toBe(true)
  })

  it('accepts partial as true, refuses it as false; a saved document never says it is a live snapshot', () => {
    expect(() => parseResults(corrupted(['partial', true]), 'r.json')).not.toThrow()
    expect(problemsOf(corrupted(['partial', false]))).toEqual([expect.stringMatching(/^partial: /)])
    expect(problemsOf(corrupted(['inProgress', false]))).toEqual([expect.stringMatching(/^inProgress: /)])
    expect(problemsOf(corrupted(['inProgress', true]))).toEqual([expect.stringMatching(/^inProgress: only a live snapshot/)])
  })

  const cases: Array<{ what: string; path: string; value: unknown; problem: RegExp }> = [
    { what: 'a result that is not a RunResult', path: 'jobs.0.result', value: { foo: 1 }, problem: /^jobs\.0\.result: unknown key "foo"/ },
    { what: 'a result without tasks', path: 'jobs.0.result.tasks', value: REMOVE, problem: /^jobs\.0\.result\.tasks: is required$/ },
    { what: 'a negative count', path: 'jobs.1.result.drains.requested', value: -1, problem: /^jobs\.1\.result\.drains\.requested: / },
    { what: 'a fractional count', path: 'jobs.0.result.tasks.0.misses', value: 1.5, problem: /^jobs\.0\.result\.tasks\.0\.misses: / },
    { what: 'an infinite time', path: 'jobs.0.result.tasks.0.latencyNs.max', value: 'INFINITE', problem: /^jobs\.0\.result\.tasks\.0\.latencyNs\.max: / },
    { what: 'an HDR histogram that is not base64', path: 'jobs.0.result.drains.durationNs.hdr', value: '<b>', problem: /^jobs\.0\.result\.drains\.durationNs\.hdr: must be a base64/ },
    { what: 'an unknown variant', path: 'jobs.0.variant', value: 'linux-2.4', problem: /^jobs\.0\.variant: / },
    { what: 'a seed that is text (not "missing")', path: 'jobs.0.result.seed', value: '<img src=x>', problem: /^jobs\.0\.result\.seed: must be a number, not the text "<img src=x>"$/ },
    { what: 'a job without its variant', path: 'jobs.0.variant', value: REMOVE, problem: /^jobs\.0\.variant: is required$/ },
    { what: 'an unknown job status', path: 'jobs.0.status', value: 'done', problem: /^jobs\.0\.status: / },
    { what: 'an interference source missing', path: 'jobs.0.result.interference.0.bySourceNs.tick', value: REMOVE, problem: /^jobs\.0\.result\.interference\.0\.bySourceNs\.tick: / },
    { what: 'an unknown interference source', path: 'jobs.0.result.interference.0.bySourceNs.gremlins', value: 1, problem: /^jobs\.0\.result\.interference\.0\.bySourceNs/ },
    { what: 'a worst sample CPU that is text', path: 'jobs.0.result.worst.cpu', value: '<script>', problem: /^jobs\.0\.result\.worst\.cpu: / },
    { what: 'series of different lengths', path: 'jobs.0.result.strandedPages.values', value: [1], problem: /^jobs\.0\.result\.strandedPages: tNs and values/ },
    { what: 'a per-CPU housekeeping entry with an unknown key', path: 'jobs.0.result.housekeeping.perCpu.0.node', value: 1, problem: /^jobs\.0\.result\.housekeeping\.perCpu\.0: unknown key "node"/ },
    { what: 'a per-CPU housekeeping entry without its CPU', path: 'jobs.0.result.housekeeping.perCpu.0.cpu', value: REMOVE, problem: /^jobs\.0\.result\.housekeeping\.perCpu\.0\.cpu: is required$/ },
    { what: 'an unknown aggregate metric', path: 'aggregates.0.metric', value: 'vibes', problem: /^aggregates\.0\.metric: must be one of misses/ },
    { what: 'an unknown top-level key', path: 'comment', value: 'hi', problem: /^: unknown key "comment"/ },
    { what: 'no profile', path: 'profile', value: REMOVE, problem: /^profile: is required$/ },
    { what: 'an invalid profile field', path: 'profile.machine.cpus', value: 0, problem: /^profile\.machine\.cpus: / },
    { what: 'jobs that are not a list', path: 'jobs', value: {}, problem: /^jobs: / }
  ]

  for (const c of cases) {
    it(`refuses ${c.what}, naming the field`, () => {
      expect(problemsOf(corrupted([c.path, c.value]))).toContainEqual(expect.stringMatching(c.problem))
    })
  }

  it('names the document itself "(document)" and keeps the newer-version message', () => {
    expect(() => parseResults('[1, 2]', 'r.json')).toThrow(/^r\.json is not a valid results document \(a problem at \(document\)\)$/)
    expect(() => parseResults(corrupted(['schemaVersion', 7]), 'r.json')).toThrow(/written by a newer Drain Lab \(results schemaVersion 7/)
    expect(() => parseResults(corrupted(['profile', REMOVE]), 'r.json')).toThrow(/problem at profile\)$/)
  })

  it('getResults of a corrupt stored document rejects with a LabError naming the field', async () => {
    writeFileSync(resultsFile(), corrupted(['jobs.1.result.tasks.0.latencyNs.p99', -5]))
    // a fresh service on the same data folder, as after a restart: it can only read the stored document
    const reader = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
    try {
      const err = await reader.getResults({ runId }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(LabError)
      expect((err as LabError).code).toBe('invalid-request')
      expect((err as LabError).message).toContain('jobs.1.result.tasks.0.latencyNs.p99')
      expect((err as LabError).issues?.map((i) => i.path)).toEqual(['jobs.1.result.tasks.0.latencyNs.p99'])
    } finally {
      await reader.close()
    }
  })
})

describe('reading a results file', () => {
  it('a missing file is invalid input; a file that cannot be read is a failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-read-results-'))
    await expect(readResultsFile(join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'invalid-request' })
    // a directory where the file should be: EISDIR, not the user's input at fault
    await expect(readResultsFile(dir)).rejects.toMatchObject({ code: 'failed', message: expect.stringMatching(/^cannot read /) })
  })
})
