// The probe's measuring threads: the real cyclictest, one SCHED_FIFO thread pinned to each measured CPU,
// for the probe's duration, its --json read back with drainlab import's parser. A missing cyclictest or
// one that cannot run (no root for -p 80 and -m) is reported, not faked.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rmdir, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatCpulist } from '../../../src-shared/profile/cpulist'
import type { ParsedMeasurement } from '../measured/measured-histogram'
import { parseMeasurement } from '../measured/parse-measurement'

export interface MeasuringOutcome {
  parsed: ParsedMeasurement | null
  command: string
  problem?: string
}

/** 1 ms: cyclictest's default interval, and a histogram to 1 ms so little overflows */
const INTERVAL_US = 1000
const HISTOGRAM_US = 1000

export async function runCyclictest(cpus: number[], seconds: number, binary = 'cyclictest'): Promise<MeasuringOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'drainlab-probe-'))
  const json = join(dir, 'cyclictest.json')
  const args = ['-m', '-p', '80', '-t', String(cpus.length), '-a', formatCpulist(cpus), '-i', String(INTERVAL_US), '-D', String(seconds), '-h', String(HISTOGRAM_US), '-q', `--json=${json}`]
  const command = [binary, ...args].join(' ')
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(binary, args, { maxBuffer: 16 * 2 ** 20 }, (error, _stdout, stderr) => {
        if (error === null) resolve()
        else reject(new Error((error as NodeJS.ErrnoException).code === 'ENOENT' ? `${binary} not found (Debian: apt-get install rt-tests)` : `${command} failed: ${stderr.trim() || error.message}`))
      })
    })
    return { parsed: parseMeasurement(await readFile(json, 'utf8'), 'cyclictest.json'), command }
  } catch (e) {
    return { parsed: null, command, problem: (e as Error).message }
  } finally {
    // only what this function made: cyclictest's file, then its empty folder
    await unlink(json).catch(() => undefined)
    await rmdir(dir).catch(() => undefined)
  }
}
