// drainlab run --calibration: a probe's fitted costs go into the profile that runs (an explicit --set
// still wins), and a results file without a calibration block is refused.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { measuredResults } from '../../src-main/lab/measured/measured-results'
import { parseMeasurement } from '../../src-main/lab/measured/parse-measurement'
import { writeResultsFile } from '../../src-main/store/results-file'
import { drainlab } from '../support/drainlab-process'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'measured')

async function probeResults(dir: string, withCalibration: boolean): Promise<string> {
  const parsed = parseMeasurement(readFileSync(join(FIXTURES, 'cyclictest.json'), 'utf8'), 'cyclictest.json')
  const results = measuredResults([{ file: 'cyclictest.json', parsed }], {
    name: 'probe', engine: 'host', variant: 'direct', variantFrom: 'test',
    extra: withCalibration ? { calibration: { costs: { tPageLocalNs: 215 }, samples: { tPageLocalNs: 5017 }, method: 'test' } } : {}
  })
  const file = join(dir, withCalibration ? 'probe.json' : 'import.json')
  await writeResultsFile(file, results)
  return file
}

describe('drainlab run --calibration', () => {
  it('runs with the fitted tPageLocalNs, and --set overrides it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-calibration-'))
    const file = await probeResults(dir, true)
    const args = ['run', '--preset', 'control-loop-1khz', '--variants', 'direct', '--duration', '20ms', '--jobs', '1', '--no-history', '--calibration', file]
    const r = await drainlab([...args, '--out', 'a'], dir)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(`drainlab: calibration from ${file}: kernel.costs.tPageLocalNs=215 (test)`)
    expect(JSON.parse(readFileSync(join(dir, 'a', 'profile.drainlab.json'), 'utf8')).kernel.costs.tPageLocalNs).toBe(215)
    const set = await drainlab([...args, '--out', 'b', '--set', 'kernel.costs.tPageLocalNs=99'], dir)
    expect(set.code).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'b', 'profile.drainlab.json'), 'utf8')).kernel.costs.tPageLocalNs).toBe(99)
  })

  it('refuses results without a calibration block (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-calibration-none-'))
    const file = await probeResults(dir, false)
    const r = await drainlab(['run', '--preset', 'control-loop-1khz', '--calibration', file, '--no-history'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`drainlab: ${file} has no calibration block (drainlab probe writes one when its trace has pcp drain bursts)\n`)
  })
})
