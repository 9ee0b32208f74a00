// drainlab import as a real process: the captured measurements become a results document that reads back,
// opens from the history like a run, and a file that is not a measurement is refused (exit 2) with its
// line, nothing written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readResultsFile } from '../../src-main/store/results-file'
import { drainlab } from '../support/drainlab-process'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'measured')

describe('drainlab import', () => {
  it('imports cyclictest --json and oslat output as a measured run, in the history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-import-'))
    const data = join(dir, 'data')
    const r = await drainlab(['import', join(FIXTURES, 'cyclictest.json'), join(FIXTURES, 'oslat.txt'), '--out', 'out', '--name', 'VM measured', '--data-dir', data], dir)
    expect(r.stderr).toMatch(/imported 2 files \(cyclictest, oslat\) as variant direct-chunked from kernel 6\.18\.44-fc-v782 \(named in .*cyclictest\.json\); results in .*; in the history as \d{8}-\d{6}-vm-measured-[0-9a-f]{4}/)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/cyclictest T0 +0 +2000 +4 +44\.0 µs/)
    // p99.99 falls among the 4 overflows, recorded at the -h limit: printed as the lower bound it is
    expect(r.stdout).toMatch(/cyclictest T0 .* 96\.1 µs +≥200 µs +431 µs/)
    const results = await readResultsFile(join(dir, 'out', 'results.json'))
    expect(results.measurement?.engine).toBe('measured')
    expect(results.measurement?.files.map((f) => [f.format, f.command ?? null])).toEqual([
      ['cyclictest-json', 'cyclictest -m -p 80 -t 2 -i 1000 -l 2000 -h 200 -q --json=cyclictest.json'], ['oslat-text', null]
    ])
    expect(results.jobs.map((j) => [j.id, j.variant, j.result?.tasks.length])).toEqual([['direct-chunked-s0', 'direct-chunked', 2], ['direct-chunked-s1', 'direct-chunked', 2]])
    const list = await drainlab(['history', '--data-dir', data, '--json'], dir)
    const entries = JSON.parse(list.stdout) as Array<{ id: string; name: string; status: string }>
    expect(entries.map((e) => [e.name, e.status])).toEqual([['VM measured', 'completed']])
    const show = await drainlab(['history', 'show', entries[0].id, '--data-dir', data], dir)
    expect(show.code).toBe(0)
    expect(show.stdout).toMatch(/direct-chunked/)
    // its report says where the numbers come from instead of how to re-run them
    const exported = await drainlab(['export', join('out', 'results.json'), '--format', 'html', '--out', 'report'], dir)
    expect(exported.code).toBe(0)
    const html = readFileSync(join(dir, 'report', 'report.html'), 'utf8')
    expect(html).toContain('<h2>Where the numbers come from</h2>')
    expect(html).toContain('<code>cyclictest -m -p 80 -t 2 -i 1000 -l 2000 -h 200 -q --json=cyclictest.json</code>')
    expect(html).not.toContain('How to reproduce')
  })

  it('refuses a file that is not a measurement with exit 2, naming the line, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-import-bad-'))
    writeFileSync(join(dir, 'notes.txt'), '# Histogram\n000000 000001\n000001 00000x\n')
    const r = await drainlab(['import', join(FIXTURES, 'cyclictest.json'), 'notes.txt', '--out', 'out', '--data-dir', 'data'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('drainlab: notes.txt:3: not a line of cyclictest -h output: "000001 00000x"\n')
    expect(existsSync(join(dir, 'out'))).toBe(false)
    expect(existsSync(join(dir, 'data'))).toBe(false)
  })

  it('--no-history writes the results only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-import-nohist-'))
    const r = await drainlab(['import', join(FIXTURES, 'rtla-timerlat-hist.txt'), '--out', 'out', '--no-history', '--variant', 'direct'], dir)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/as variant direct from --variant direct; results in .*out\/results\.json\n$/)
    expect(existsSync(join(dir, 'xdg'))).toBe(false)
    const results = await readResultsFile(join(dir, 'out', 'results.json'))
    // one realtime task per measured CPU in the profile: the thread column speaks for it
    expect(results.profile.rtTasks.map((t) => [t.name, t.cpu])).toEqual([['timerlat thread cpu0', 0], ['timerlat thread cpu1', 1]])
    expect(results.profile.machine).toMatchObject({ cpus: 3, isolated: '0-1' })
  })
})
