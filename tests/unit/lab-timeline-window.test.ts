// LabApi recordTimelineWindow (Results → Timeline "Record this window"): the lab runs one job of a recorded
// run again — at its sweep point, with its variant and seed — and returns the window's timeline, which holds
// exactly the stored run's records there; the saved results stay as they were; a window that is not whole ns
// within the run, ends before it starts, or names no job is refused with the field it is about.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunFinished } from '../../src-shared/api'
import type { ExperimentResults, RunResult, RunTimeline } from '../../src-shared/results/types'
import { dispatchLabCall } from '../../src-main/lab/dispatch'
import { createLabService } from '../../src-main/lab/lab-service'
import { labFolderPolicy } from '../../src-main/lab/path-policy'
import { recordsOf, type TimelineRecord } from '../engine/support/timeline-records'
import { rejection } from '../support/rejection'
import { smallExperiment } from '../support/small-experiment'

const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-timeline-window-'))
const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
afterAll(() => lab.close())

// two sweep points that drain at very different rates: a window of the wrong point would not match
const swept = {
  ...smallExperiment('Timeline window', { durationMs: 200, seeds: [3] }),
  sweep: { parameters: [{ path: 'drainSources.0.ratePerSec', values: [5, 400] }] }
}
const FROM = 40_000_123
const UNTIL = 90_000_456

let runId = ''
let results: ExperimentResults
const resultsFile = () => readFileSync(join(dataDir, 'experiments', runId, 'results.json'))

beforeAll(async () => {
  const started = await lab.startRun({ profile: swept })
  runId = started.runId
  await new Promise<RunFinished>((resolve) => {
    const off = lab.on('runFinished', (e) => {
      if (e.runId === runId) {
        off()
        resolve(e)
      }
    })
  })
  results = await lab.getResults({ runId })
})

const inWindow = (rec: TimelineRecord) => rec.startNs < UNTIL && (rec.endNs > FROM || (rec.startNs === rec.endNs && rec.startNs >= FROM))
const stored = (jobId: string): RunResult => results.jobs.find((j) => j.id === jobId)!.result!

describe('LabApi recordTimelineWindow', () => {
  it('runs the job again at its sweep point and returns exactly the stored run\'s records in the window, saving nothing', async () => {
    const before = resultsFile()
    expect(results.jobs.map((j) => j.id)).toContain('p1-direct-s3')
    const t = await dispatchLabCall(lab, 'recordTimelineWindow', { runId, jobId: 'p1-direct-s3', fromNs: FROM, untilNs: UNTIL }) as RunTimeline
    expect(t.windows).toEqual([{ reason: 'requested', fromNs: FROM, untilNs: UNTIL, truncated: false }])
    const expected = recordsOf(stored('p1-direct-s3').timeline!).filter(inWindow)
    // the other sweep point drains far less: its records in the window differ
    expect(recordsOf(stored('p0-direct-s3').timeline!).filter(inWindow)).not.toEqual(expected)
    expect(expected.some((r) => r.kind === 'remote-drain')).toBe(true)
    expect(recordsOf(t)).toEqual(expected)
    expect(resultsFile().equals(before)).toBe(true)
  })

  it('refuses a window that is not whole ns, ends before it starts or lies outside the run, naming the field', async () => {
    const call = (fromNs: unknown, untilNs: unknown, jobId = 'p0-workqueue-s3') => rejection(dispatchLabCall(lab, 'recordTimelineWindow', { runId, jobId, fromNs, untilNs }))
    const simulatedNs = stored('p0-workqueue-s3').simulatedNs
    const cases: Array<[Promise<{ code: string; message: string }>, RegExp]> = [
      [call('1000', 2000), /^fromNs: /],
      [call(1000, null), /^untilNs: /],
      [call(1000.5, 2000), /^fromNs: 1000\.5 is not a whole number of ns/],
      [call(5000, 5000), /^untilNs: 5000 ns is not after fromNs \(5000 ns\)/],
      [call(-1, 2000), /^fromNs: -1 ns is outside the run/],
      [call(0, simulatedNs + 1), new RegExp(`^untilNs: ${simulatedNs + 1} ns is outside the run \\(0 to ${simulatedNs} ns\\)`)],
      [call(0, 1000, 'p9-direct-s3'), /^jobId: run .* has no job p9-direct-s3/]
    ]
    for (const [refused, message] of cases) {
      const e = await refused
      expect(e.code, e.message).toBe(e.message.startsWith('jobId') ? 'not-found' : 'invalid-request')
      expect(e.message).toMatch(message)
    }
  })
})
