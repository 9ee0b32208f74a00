// Command-line values the run and export commands share: format lists, comma lists, numbers.
import { EXPORT_FORMATS, LabError, type ExportFormat } from '../../src-shared/api'
import type { ShardSpec } from '../../src-shared/profile/shard-plan'

export function parseFormats(text: string): ExportFormat[] {
  const formats = splitList(text)
  const unknown = formats.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f))
  if (unknown.length > 0) throw new LabError('invalid-request', `unknown format ${unknown.join(', ')} (formats: ${EXPORT_FORMATS.join(', ')})`)
  return [...new Set(formats)] as ExportFormat[]
}

export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '')
}

export function parsePositiveInt(text: string, what: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new LabError('invalid-request', `${what} must be a whole number ≥ 1 (got "${text}")`)
  return n
}

/** "i/n", 0 ≤ i < n: the shard of a scaled-out run (SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, for one). */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (m === null) throw new LabError('invalid-request', `--shard must be i/n, e.g. 0/4 for the first of 4 shards (got "${text}")`)
  const index = Number(m[1])
  const count = Number(m[2])
  if (!Number.isSafeInteger(count) || count < 1) throw new LabError('invalid-request', `--shard ${text}: the shard count n must be ≥ 1`)
  if (!Number.isSafeInteger(index) || index >= count) throw new LabError('invalid-request', `--shard ${text}: the shard index i counts from 0 and must be below n (${count}), so 0 to ${count - 1}`)
  return { index, count }
}
