// LabApi importMeasurements (File ▸ Import in the app and the browser): the page sends the files' text, the
// lab records a measured run that getResults and listHistory return like any run; a file that is not a
// measurement, or a request of the wrong shape, is refused.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CHARTS } from '../../src-shared/charts'
import { dispatchLabCall } from '../../src-main/lab/dispatch'
import { createLabService } from '../../src-main/lab/lab-service'
import { labFolderPolicy } from '../../src-main/lab/path-policy'
import { rejection } from '../support/rejection'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'measured')
const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-import-service-'))
const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
afterAll(() => lab.close())

const file = (name: string) => ({ name, text: readFileSync(join(FIXTURES, name), 'utf8') })

describe('LabApi importMeasurements', () => {
  it('records the files as a measured run that opens like any run', async () => {
    const { runId } = await lab.importMeasurements({ files: [file('oslat.json'), file('rtla-osnoise-hist.txt')], name: 'oslat and osnoise' })
    const results = await lab.getResults({ runId })
    expect(results.measurement?.files.map((f) => [f.file, f.format])).toEqual([['oslat.json', 'oslat-json'], ['rtla-osnoise-hist.txt', 'rtla-osnoise-hist']])
    expect(results.jobs.map((j) => j.result?.tasks.map((t) => t.latencyNs.count))).toEqual([[68_408_786, 66_499_453], [56, 58]])
    const history = await lab.listHistory({})
    expect(history.find((e) => e.id === runId)).toMatchObject({ name: 'oslat and osnoise', status: 'completed' })
    expect((await lab.getProfile({ runId })).name).toBe('oslat and osnoise')
    // a tool's samples have no series over time, drains or worst sample: the Results view and the exports draw
    // the charts the samples make, and no empty ones
    expect(CHARTS.filter((c) => c.available(results)).map((c) => c.id)).toEqual(['latency-histogram', 'latency-percentiles'])
  })

  it('refuses a file that is not a measurement, naming it and the line', async () => {
    const e = await rejection(lab.importMeasurements({ files: [{ name: 'x.txt', text: 'hello\n' }] }))
    expect([e.code, e.message]).toEqual(['invalid-request', 'x.txt:1: not a cyclictest (-h or --json), oslat or rtla timerlat/osnoise hist output: "hello" is none of their lines'])
  })

  it('checks the request before the lab sees it: no files, or a file without a name', async () => {
    expect((await rejection(dispatchLabCall(lab, 'importMeasurements', { files: [] }))).code).toBe('invalid-request')
    expect((await rejection(dispatchLabCall(lab, 'importMeasurements', { files: [{ name: '', text: 'x' }] }))).code).toBe('invalid-request')
  })
})
