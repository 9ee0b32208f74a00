// drainlab probe for real, when this machine allows it: root, Linux, tracefs with the pcp drain event, and
// cyclictest. Skipped with the reason otherwise (the parsers are tested on captured text in
// tests/unit/probe-parsers.test.ts).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readResultsFile } from '../../src-main/store/results-file'
import { drainlab } from '../support/drainlab-process'

function whyNot(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`
  if (process.getuid?.() !== 0) return 'not root: tracefs and SCHED_FIFO need it'
  try {
    execFileSync('cyclictest', ['--help'], { stdio: 'ignore' })
  } catch (e) {
    // cyclictest --help exits 1 after printing; only a missing binary is a reason
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'cyclictest is not installed (apt-get install rt-tests)'
  }
  const mounted = existsSync('/sys/kernel/tracing/events')
  // the probe mounts tracefs itself; the event must exist in this kernel
  if (mounted && !existsSync('/sys/kernel/tracing/events/kmem/mm_page_pcpu_drain')) return 'this kernel has no kmem:mm_page_pcpu_drain tracepoint'
  return null
}

const reason = whyNot()

describe('drainlab probe options', () => {
  it('refuses an unknown trigger, a duration not in whole seconds or without a unit, and a CPU that is not online, before probing (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-probe-options-'))
    const trigger = await drainlab(['probe', '--trigger', 'free,reboot', '--no-history'], dir)
    expect([trigger.code, trigger.stderr]).toEqual([2, 'drainlab: --trigger reboot: triggers are free, compact\n'])
    for (const duration of ['500ms', '1.5s']) {
      const refused = await drainlab(['probe', '--duration', duration, '--no-history'], dir)
      expect([refused.code, refused.stderr]).toEqual([2, `drainlab: --duration ${duration}: whole seconds from 1s to 3600s (cyclictest -D counts whole seconds)\n`])
    }
    const bare = await drainlab(['probe', '--duration', '3', '--no-history'], dir)
    expect([bare.code, bare.stderr]).toEqual([2, 'drainlab: --duration: "3" has no unit: write it with ns, us, µs, ms or s (e.g. 3s or 3ms)\n'])
    const absent = await drainlab(['probe', '--cpus', '99', '--duration', '1s', '--no-history'], dir)
    expect(absent.code).toBe(2)
    expect(absent.stderr).toMatch(/^drainlab: --cpus 99: CPU 99 is not online on this machine \(online: [\d,-]+\)\n$/)
  })
})

describe('drainlab probe on this machine', () => {
  it.skipIf(reason !== null)(`writes the real pcp values, the model's beside them and a per-page free cost${reason === null ? '' : ` (skipped: ${reason})`}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-probe-'))
    // what a killed probe leaves: an instance named for a process that is gone (above any pid_max)
    if (existsSync('/sys/kernel/tracing/instances')) mkdirSync('/sys/kernel/tracing/instances/drainlab-probe-99999999')
    const r = await drainlab(['probe', '--duration', '2s', '--trigger', 'free', '--out', 'out', '--no-history'], dir)
    expect(r.stderr).toMatch(/probe of .* written to /)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^node 0 Normal: managed \d+, watermarks \d+\/\d+\/\d+ \(model \d+\/\d+\/\d+\)/m)
    // the settings that give the model this machine's zones, as drainlab run --set takes them
    const settings = /^to model this machine's zones: --set (machine\.cpus=\d+) --set (machine\.memoryGiB=[\d.]+) --set (machine\.dmaZonesMiB=[\d.]+) --set (kernel\.thp=(?:true|false)) \(on a profile whose isolated CPUs and tasks lie in CPUs 0-\d+: a preset's may not\)$/m.exec(r.stdout)
    expect(settings).not.toBeNull()
    const results = await readResultsFile(join(dir, 'out', 'results.json'))
    const m = results.measurement!
    expect(m.engine).toBe('host')
    expect(m.host!.zones.some((z) => z.zone === 'Normal' && z.cpus.length > 0)).toBe(true)
    // the free trigger fires pcp frees from its own process, and they make the calibration
    expect(m.host!.events['mm_page_pcpu_drain from triggers']).toBeGreaterThan(0)
    expect(m.calibration!.samples.tPageLocalNs).toBeGreaterThan(0)
    expect(m.calibration!.costs.tPageLocalNs).toBeGreaterThan(0)
    expect(results.jobs[0].result!.tasks.length).toBeGreaterThan(0)
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['profile.drainlab.json', 'results.json', 'trace.txt', 'zoneinfo.txt'])
    // the probe's tracefs instance is gone, and so is the abandoned one
    expect(readdirSync('/sys/kernel/tracing/instances').filter((n) => n.startsWith('drainlab-probe-'))).toEqual([])
  })
})
