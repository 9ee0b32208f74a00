// The drainlab binary, run for real in a temp folder: each subcommand, its exit codes and its files.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { beforeAll, describe, expect, it } from 'vitest'
import { syntheticResults } from '../unit/lab-support/synthetic-results'
import { BUSY_TASK, smallExperiment } from '../support/small-experiment'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'drainlab.mjs')

interface Result { code: number | null; stdout: string; stderr: string }

function drainlab(args: string[], cwd: string, onStderr?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    // the run history goes to a temporary data folder (XDG_DATA_HOME), never the real one
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_DATA_HOME: join(cwd, 'xdg') } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (t: string) => { stdout += t })
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t
      onStderr?.(stderr, child)
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const tiny = smallExperiment('CLI tiny', { durationMs: 1000, seeds: [1] })

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'drainlab-cli-'))
  writeFileSync(join(dir, 'tiny.drainlab.json'), JSON.stringify(tiny, null, 2))
  writeFileSync(join(dir, 'sweep.drainlab.json'), JSON.stringify({ ...tiny, name: 'CLI sweep', sweep: { parameters: [{ path: 'kernel.pcp.high', values: [100, 500] }] } }))
  writeFileSync(join(dir, 'broken.drainlab.json'), '{ "schemaVersion": 1, "machine": { "cpus": 4, }')
  writeFileSync(join(dir, 'future.drainlab.json'), JSON.stringify({ ...tiny, schemaVersion: 99 }))
  writeFileSync(join(dir, 'typo.drainlab.json'), JSON.stringify({ ...tiny, machine: { ...tiny.machine, cpu: 4 }, run: { durationMs: -5 } }))
})

async function pngStats(path: string): Promise<{ width: number; height: number; ink: number }> {
  const img = await loadImage(readFileSync(path))
  const canvas = createCanvas(img.width, img.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(img, 0, 0)
  const { data } = ctx.getImageData(0, 0, img.width, img.height)
  let ink = 0
  let n = 0
  for (let i = 0; i < data.length; i += 4 * 31) {
    n++
    if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++
  }
  return { width: img.width, height: img.height, ink: ink / n }
}

describe('drainlab presets', () => {
  it('lists every preset, one line each', async () => {
    const r = await drainlab(['presets'], dir)
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(6)
    expect(lines.some((l) => l.startsWith('polling-rt-throttling-off '))).toBe(true)
    for (const l of lines) expect(l.length).toBeLessThan(220)
    // the list cuts descriptions: it says where the whole one is
    expect(r.stderr).toContain('drainlab presets ID')
  })
  it('describes one preset whole, and refuses an unknown id (exit 2)', async () => {
    const r = await drainlab(['presets', 'stress-test-series'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('how many global drains workqueue silently skips while\none waits for an isolated CPU.')
    expect(r.stdout).toContain('npx drainlab run --preset stress-test-series')
    const bad = await drainlab(['presets', 'nope'], dir)
    expect([bad.code, bad.stderr]).toEqual([2, 'drainlab: no preset nope; drainlab presets lists them\n'])
  })
})

describe('drainlab variants', () => {
  it('shows each variant\'s release and traits, and a profile\'s overrides marked', async () => {
    const all = await drainlab(['variants'], dir)
    expect(all.code).toBe(0)
    expect(all.stdout).toContain('workqueue — Linux 5.19 (as 5.14–5.19)')
    expect(all.stdout).toMatch(/direct-chunked — Linux 6\.12[\s\S]*high auto-tuning +on\n/)
    const file = join(dir, 'forced.drainlab.json')
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, machine: { cpus: 2 }, kernel: { variants: ['direct-irqon'], pcp: { autotune: true } } }))
    const one = await drainlab(['variants', file], dir)
    expect(one.stdout).not.toContain('workqueue')
    expect(one.stdout).toMatch(/high auto-tuning +on \(profile\)\n/)
    // which per-CPU flushes still reach an isolated CPU: all four on 5.19; 6.12 passes vmstat and memcg over
    expect(all.stdout).toMatch(/workqueue — [\s\S]*?flushes reaching isolated CPUs +LRU drain, vmstat update, memcg stock drain, SLUB flush\n/)
    expect(all.stdout).toMatch(/direct-chunked — [\s\S]*?flushes reaching isolated CPUs +LRU drain, SLUB flush \(vmstat update, memcg stock drain pass isolated CPUs over\)/)
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, machine: { cpus: 2 }, kernel: { variants: ['workqueue'], pwLocks: true } }))
    const pw = await drainlab(['variants', file], dir)
    expect(pw.stdout).toMatch(/flushes reaching isolated CPUs +vmstat update, memcg stock drain \(LRU drain, SLUB flush remote \(pw_queue_on, profile\)\)/)
    writeFileSync(file, '{"schemaVersion":1,"machine":{"cpus":0}}')
    const bad = await drainlab(['variants', file], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('machine.cpus')
  })
})

describe('drainlab validate', () => {
  it('valid file: exit 0 and "valid"', async () => {
    const r = await drainlab(['validate', 'tiny.drainlab.json'], dir)
    expect([r.code, r.stdout]).toEqual([0, 'valid\n'])
  })

  it('problems: exit 2, one "path: message" line each on stderr', async () => {
    const typo = await drainlab(['validate', 'typo.drainlab.json'], dir)
    expect(typo.code).toBe(2)
    expect(typo.stdout).toBe('')
    const lines = typo.stderr.trimEnd().split('\n')
    expect(lines).toContain('machine: unknown key "cpu" (check the spelling)')
    expect(lines.some((l) => l.startsWith('run.durationMs: '))).toBe(true)
    const broken = await drainlab(['validate', 'broken.drainlab.json'], dir)
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/not valid JSON at line 1, column \d+/)
    const future = await drainlab(['validate', 'future.drainlab.json'], dir)
    expect(future.code).toBe(2)
    expect(future.stderr).toMatch(/^schemaVersion: 99: this file was written by a newer Drain Lab/)
    const missing = await drainlab(['validate', 'nope.drainlab.json'], dir)
    expect(missing.code).toBe(2)
  })

  it('refuses what run refuses: a sweep path into nothing, a FIFO, a duplicate key (exit 2, the field named)', async () => {
    writeFileSync(join(dir, 'bad-sweep.drainlab.json'), JSON.stringify({ ...tiny, sweep: { parameters: [{ path: 'rtTasks.7.cpu', values: [1] }] } }))
    const sweep = await drainlab(['validate', 'bad-sweep.drainlab.json'], dir)
    expect([sweep.code, sweep.stderr]).toEqual([2, `sweep.parameters: rtTasks has no element 7 (it has ${tiny.rtTasks.length})\n`])
    execFileSync('mkfifo', [join(dir, 'pipe.drainlab.json')])
    const fifo = await drainlab(['validate', 'pipe.drainlab.json'], dir)
    expect([fifo.code, fifo.stderr]).toEqual([2, '(document): pipe.drainlab.json is a FIFO (named pipe), not a regular file; a profile is a *.drainlab.json file\n'])
    writeFileSync(join(dir, 'dup.drainlab.json'), JSON.stringify(tiny).replace('"schemaVersion":1', '"schemaVersion":1,"name":"a"'))
    const dup = await drainlab(['validate', 'dup.drainlab.json'], dir)
    expect(dup.code).toBe(2)
    expect(dup.stderr).toMatch(/^name: the key "name" appears twice in this object/)
  })
})

describe('drainlab run', () => {
  it('runs a sweep with --set/--seeds/--duration and writes every format', async () => {
    const out = join(dir, 'out-all')
    const r = await drainlab(['run', 'sweep.drainlab.json', '--seeds', '1,2', '--duration', '200ms', '--set', 'run.seriesWindowMs=50',
      '--set', 'kernel.antiStarvation.policy=none', '--jobs', '1', '--out', out, '--format', 'json,csv,png,svg,html,trace', '--width', '400', '--height', '200'], dir)
    expect(r.stderr).toContain('8 jobs')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^variant\s+sweep\s+seeds\s+misses\s+latency p99\.99\s+latency max\s+drain p50\s+drain p99\s+drain max\s+stalled\s+skipped/)
    expect(r.stdout).toContain('kernel.pcp.high=500')
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))
    expect(results.profile.run).toMatchObject({ durationMs: 200, seeds: [1, 2], seriesWindowMs: 50 })
    expect(results.profile.kernel.antiStarvation.policy).toBe('none')
    expect(results.jobs).toHaveLength(8)
    expect(results.jobs.every((j: { status: string }) => j.status === 'completed')).toBe(true)
    expect(results.partial).toBeUndefined()
    expect(JSON.parse(readFileSync(join(out, 'profile.drainlab.json'), 'utf8')).run.durationMs).toBe(200)

    const files = readdirSync(out)
    for (const f of ['latency-histogram.png', 'latency-percentiles.png', 'drain-histogram.png', 'interference.png', 'sweep-metric.png']) expect(files).toContain(f)
    for (const f of files.filter((f) => f.endsWith('.png'))) {
      const s = await pngStats(join(out, f))
      expect([f, s.width, s.height]).toEqual([f, 400, 200])
      expect(s.ink).toBeGreaterThan(0.005)
    }
    const svgs = files.filter((f) => f.endsWith('.svg'))
    expect(svgs.length).toBe(files.filter((f) => f.endsWith('.png')).length)
    for (const f of svgs) {
      const svg = readFileSync(join(out, f), 'utf8')
      expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*>/)
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
      expect(svg.split('<svg').length).toBe(2)
    }
    for (const f of ['summary.csv', 'aggregates.csv', 'jobs.csv', 'histograms.csv', 'percentiles.csv', 'series.csv', 'sweep.csv']) {
      const lines = readFileSync(join(out, f), 'utf8').trimEnd().split('\n')
      expect(lines.length, f).toBeGreaterThan(1)
      expect(lines[0]).toMatch(/^[a-z_]+(,[A-Za-z0-9_.]+)+$/)
    }
    const trace = JSON.parse(readFileSync(join(out, 'timeline.trace.json'), 'utf8'))
    expect(trace.traceEvents.filter((e: { ph: string }) => e.ph === 'X').length).toBeGreaterThan(0)
    expect(trace.traceEvents.some((e: { name: string }) => e.name === 'thread_name')).toBe(true)
    const html = readFileSync(join(out, 'report.html'), 'utf8')
    expect(html).toContain('data:image/png;base64,')
    expect(html).toContain('npx drainlab run sweep.drainlab.json --seeds 1,2 --duration 200ms')
  })

  it('prints the per-CPU flushes that reach or pass over the isolated CPUs under the summary', async () => {
    // no warm-up: the first drain_all_stock() call, the one that passes the isolated CPU over, counts
    const r = await drainlab(['run', '--preset', 'memcg-cgroup-loop', '--variants', 'direct,direct-chunked', '--duration', '1500ms', '--set', 'run.warmupMs=0', '--out', join(dir, 'out-flushes'), '--no-history'], dir)
    expect(r.code).toBe(0)
    // 6.1 queues the memcg stock drain on the loop's CPU; 6.12 passes it over
    expect(r.stdout).toMatch(/per-CPU flush[\s\S]*\ndirect +drain_all_stock\(\) +\d+ +\d+ +0 +0 +[1-9]\d* +0 /)
    // passed over once: the CPU's FLUSHING_CACHED_CHARGE bit stays set
    expect(r.stdout).toMatch(/\ndirect-chunked +drain_all_stock\(\) +\d+ +\d+ +0 +0 +0 +1 /)
  })

  it('runs a preset and records it in the data folder\'s history', async () => {
    const out = join(dir, 'out-preset')
    const r = await drainlab(['run', '--preset', 'control-loop-1khz', '--variants', 'direct', '--duration', '200ms', '--out', out], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/\ndirect\s+1\s/)
    expect(existsSync(join(out, 'results.json'))).toBe(true)
    const history = JSON.parse(readFileSync(join(dir, 'xdg', 'drainlab', 'history.json'), 'utf8'))
    expect(history[0].name).toBe('1 kHz control loop')
    expect(r.stderr).toContain(`in the history as ${history[0].id}`)
    expect(readFileSync(join(dir, 'xdg', 'drainlab', 'experiments', history[0].id, 'results.json'), 'utf8')).toBe(readFileSync(join(out, 'results.json'), 'utf8'))
    const other = join(dir, 'other-data')
    const r2 = await drainlab(['run', '--preset', 'control-loop-1khz', '--variants', 'direct', '--duration', '200ms', '--out', join(dir, 'out-preset2'), '--data-dir', other], dir)
    expect(r2.code).toBe(0)
    expect(existsSync(join(other, 'history.json'))).toBe(true)
    const r3 = await drainlab(['run', '--preset', 'control-loop-1khz', '--variants', 'direct', '--duration', '200ms', '--out', join(dir, 'out-preset3'), '--data-dir', join(dir, 'none'), '--no-history'], dir)
    expect(r3.code).toBe(0)
    expect(existsSync(join(dir, 'none'))).toBe(false)
    // serialized once for the history and --out, or for --out alone: the same bytes
    expect(readFileSync(join(dir, 'out-preset3', 'results.json'), 'utf8')).toBe(readFileSync(join(out, 'results.json'), 'utf8'))
  })

  it('--timings: each stage of the command and of every job, in order, without changing the results', async () => {
    const args = ['run', '--preset', 'control-loop-1khz', '--variants', 'workqueue,direct', '--duration', '200ms', '--jobs', '2', '--no-history']
    const r = await drainlab([...args, '--out', join(dir, 'out-timings'), '--timings'], dir)
    expect(r.code).toBe(0)
    const command = /timings, seconds since this process started: run code loaded ([\d.]+), input checked ([\d.]+), results written ([\d.]+), done ([\d.]+)\n/.exec(r.stderr)
    expect(command, r.stderr).not.toBeNull()
    const [loaded, checked, written, done] = command!.slice(1).map(Number)
    expect(loaded).toBeGreaterThan(0)
    expect([loaded, checked, written, done]).toEqual([loaded, checked, written, done].sort((a, b) => a - b))
    for (const id of ['workqueue-s1', 'direct-s1']) {
      const job = new RegExp(`timings of job ${id}: its worker loaded ([\\d.]+), started ([\\d.]+), simulated ([\\d.]+) \\(([\\d.]+) s\\), result ready ([\\d.]+), in the lab ([\\d.]+)\\n`).exec(r.stderr)
      expect(job, r.stderr).not.toBeNull()
      const [workerLoaded, started, simulated, engineS, ready, inLab] = job!.slice(1).map(Number)
      // one clock in every thread: a job starts on a loaded worker once the input is checked, and each of its
      // stages comes at or after the one before, before the results are written
      expect(started).toBeGreaterThanOrEqual(Math.max(workerLoaded, checked))
      expect([started, simulated, ready, inLab, written]).toEqual([started, simulated, ready, inLab, written].sort((a, b) => a - b))
      expect(engineS).toBeCloseTo(simulated - started, 2)
    }
    // printed, never stored: the results are the same bytes as a run without --timings
    const plain = await drainlab([...args, '--out', join(dir, 'out-no-timings')], dir)
    expect(plain.stderr).not.toContain('drainlab: timings')
    expect(readFileSync(join(dir, 'out-timings', 'results.json'), 'utf8')).toBe(readFileSync(join(dir, 'out-no-timings', 'results.json'), 'utf8'))
  })

  it('refuses an --out folder that holds a finished run (exit 2, its files untouched), and reuses one a run left without results', async () => {
    const args = ['run', 'tiny.drainlab.json', '--duration', '50ms', '--no-history']
    const out = join(dir, 'out-taken')
    expect((await drainlab([...args, '--out', out], dir)).code).toBe(0)
    const before = readFileSync(join(out, 'results.json'), 'utf8')
    const again = await drainlab([...args, '--seeds', '2', '--out', out], dir)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain(`--out ${out}: the folder already holds a run (${join(out, 'results.json')})`)
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(before)
    expect(readdirSync(out).sort()).toEqual(['profile.drainlab.json', 'results.json'])
    // a run stopped before its results (a batch system retries it into the same folder) is not in the way
    const retried = join(dir, 'out-retried')
    mkdirSync(retried)
    writeFileSync(join(retried, 'profile.drainlab.json'), JSON.stringify(tiny))
    expect((await drainlab([...args, '--out', retried], dir)).code).toBe(0)
    expect(existsSync(join(retried, 'results.json'))).toBe(true)
  })

  it('invalid input: exit 2 and nothing written', async () => {
    const cases: Array<{ args: string[]; stderr: RegExp }> = [
      { args: ['run', 'broken.drainlab.json'], stderr: /not valid JSON/ },
      { args: ['run', 'future.drainlab.json'], stderr: /schemaVersion: 99: this file was written by a newer Drain Lab/ },
      { args: ['run', 'tiny.drainlab.json', '--set', 'machine.cpus=0'], stderr: /^machine\.cpus: /m },
      { args: ['run', 'tiny.drainlab.json', '--set', 'machine.nosuch=1'], stderr: /^machine: unknown key "nosuch"/m },
      { args: ['run', 'tiny.drainlab.json', '--variants', 'workqueue,bogus'], stderr: /^kernel\.variants\.1: /m },
      { args: ['run', 'tiny.drainlab.json', '--duration', 'ten'], stderr: /run\.durationMs: --duration/ },
      { args: ['run', 'tiny.drainlab.json', '--duration', '2'], stderr: /run\.durationMs: --duration: "2" has no unit: write it with ns, us, µs, ms or s/ },
      { args: ['run', 'tiny.drainlab.json', '--format', 'png,pdf'], stderr: /unknown format pdf/ },
      { args: ['run', '--preset', 'no-such-preset'], stderr: /no preset "no-such-preset"/ },
      { args: ['run'], stderr: /give a profile FILE or --preset NAME/ },
      { args: ['run', 'tiny.drainlab.json', '--jobs', '0'], stderr: /--jobs must be a whole number/ }
    ]
    for (const [i, c] of cases.entries()) {
      const out = join(dir, `bad-${i}`)
      const r = await drainlab([...c.args, '--out', out], dir)
      expect([c.args.join(' '), r.code]).toEqual([c.args.join(' '), 2])
      expect(r.stderr).toMatch(c.stderr)
      expect(existsSync(out)).toBe(false)
    }
  })

  it('SIGINT mid-run cancels cleanly: completed jobs kept, results marked partial', async () => {
    const heavy = smallExperiment('CLI heavy', { durationMs: 60_000, seeds: [1, 2, 3] }, BUSY_TASK)
    writeFileSync(join(dir, 'heavy.drainlab.json'), JSON.stringify(heavy))
    const out = join(dir, 'out-sigint')
    let sent = false
    const r = await drainlab(['run', 'heavy.drainlab.json', '--jobs', '1', '--out', out, '--format', 'csv'], dir, (stderr, child) => {
      if (!sent && /progress \d+%: [1-5]\/6 jobs done/.test(stderr)) {
        sent = true
        child.kill('SIGINT')
      }
    })
    expect(sent).toBe(true)
    expect(r.code).toBe(130)
    expect(r.stderr).toContain('cancelling')
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))
    expect(results.partial).toBe(true)
    const statuses: string[] = results.jobs.map((j: { status: string }) => j.status)
    expect(statuses[0]).toBe('completed')
    expect(statuses.filter((s) => s === 'cancelled').length).toBeGreaterThan(0)
    expect(readFileSync(join(out, 'jobs.csv'), 'utf8')).toContain(',cancelled,')
    expect(r.stdout).toMatch(/^variant/)
  }, 120_000)
})

describe('drainlab export', () => {
  it('re-exports saved results', async () => {
    const out = join(dir, 'out-export')
    const r = await drainlab(['export', join(dir, 'out-preset', 'results.json'), '--format', 'csv,trace,svg', '--out', out], dir)
    expect(r.code).toBe(0)
    const files = readdirSync(out)
    expect(files).toContain('summary.csv')
    expect(files).toContain('timeline.trace.json')
    expect(files.some((f) => f.endsWith('.svg'))).toBe(true)
    expect(r.stdout.trimEnd().split('\n').length).toBe(files.length)
  })

  it('refuses a corrupted results document: exit 2, one "path: message" line per problem, nothing written', async () => {
    // a valid document to corrupt without running the engine: this test is about reading, not simulating
    const saved = JSON.parse(JSON.stringify(syntheticResults()))
    const cases: Array<{ name: string; doc: unknown; lines: RegExp[] }> = [
      { name: 'foreign-result', doc: { ...saved, jobs: [{ ...saved.jobs[0], result: { foo: 1 } }, ...saved.jobs.slice(1)] }, lines: [/^jobs\.0\.result: unknown key "foo"/m, /^jobs\.0\.result\.tasks: is required$/m] },
      { name: 'no-profile', doc: { ...saved, profile: undefined }, lines: [/^profile: is required$/m] },
      { name: 'not-an-object', doc: [saved], lines: [/^\(document\): /m] }
    ]
    for (const c of cases) {
      // each corrupted document alone in its folder, exported without --out: the folder must stay as it was
      const folder = join(dir, `corrupt-${c.name}`)
      mkdirSync(folder)
      writeFileSync(join(folder, 'results.json'), JSON.stringify(c.doc))
      const r = await drainlab(['export', join(folder, 'results.json'), '--format', 'json,csv,html'], dir)
      expect([c.name, r.code]).toEqual([c.name, 2])
      expect(r.stderr).toMatch(/^drainlab: .*results\.json is not a valid results document/)
      for (const line of c.lines) expect(r.stderr).toMatch(line)
      expect(r.stdout).toBe('')
      expect(readdirSync(folder)).toEqual(['results.json'])
    }
  })

  it('refuses a file that is not results: exit 2', async () => {
    const r = await drainlab(['export', 'tiny.drainlab.json', '--format', 'csv', '--out', join(dir, 'out-x')], dir)
    expect(r.code).toBe(2)
    expect(existsSync(join(dir, 'out-x'))).toBe(false)
  })
})
