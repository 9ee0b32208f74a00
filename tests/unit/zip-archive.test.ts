// "CSV tables" fired six downloads (issue 15, point 8); the UI now hands them over as one ZIP archive. The
// archive is checked by Info-ZIP's unzip (CRCs, sizes, names), not by the code that wrote it.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { crc32, zipArchive } from '../../src-shared/zip-archive'

const text = (s: string) => new TextEncoder().encode(s)

describe('zip archive', () => {
  it('crc32 is the IEEE CRC-32', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })

  it('unzip tests it clean and gives back every file, names and bytes', () => {
    const files = [
      { name: 'summary.csv', data: text('variant,latency max (µs)\nworkqueue,12.5\n') },
      { name: 'histograms.csv', data: text('a,b\n'.repeat(5000)) },
      { name: 'empty.csv', data: new Uint8Array() }
    ]
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-zip-'))
    const path = join(dir, 'run-csv.zip')
    writeFileSync(path, zipArchive(files))
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected')
    const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n')
    expect(listing).toEqual(files.map((f) => f.name))
    for (const f of files) expect(execFileSync('unzip', ['-p', path, f.name])).toEqual(Buffer.from(f.data))
  })

  it('the same files give the same bytes (no clock inside)', () => {
    const files = [{ name: 'a.csv', data: text('x\n') }]
    expect(zipArchive(files)).toEqual(zipArchive(files))
  })
})
