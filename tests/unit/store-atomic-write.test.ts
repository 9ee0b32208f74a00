import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src-main/store/atomic-write'

const SIZE = 8 * 1024 * 1024
const child = join(import.meta.dirname, 'lab-support', 'atomic-writer-child.ts')

function killWriterAfter(target: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, target, String(SIZE)], { stdio: ['ignore', 'pipe', 'inherit'] })
    p.stdout.setEncoding('utf8')
    p.stdout.on('data', (text: string) => {
      if (text.includes('wrote')) setTimeout(() => p.kill('SIGKILL'), ms)
    })
    p.on('exit', () => resolve())
    p.on('error', reject)
  })
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-atomic-'))
    const target = join(dir, 'results.json')
    await writeFileAtomic(target, 'one')
    await writeFileAtomic(target, 'two')
    expect(readFileSync(target, 'utf8')).toBe('two')
    expect(readdirSync(dir)).toEqual(['results.json'])
  })

  it('writes a document given in pieces as their concatenation, multi-byte characters included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-atomic-pieces-'))
    const target = join(dir, 'results.json')
    const pieces = ['{"a": ', '"', 'Q'.repeat(100_000), '"', ', "µs": "—"}', '\n']
    await writeFileAtomic(target, pieces)
    expect(readFileSync(target, 'utf8')).toBe(pieces.join(''))
    expect(readdirSync(dir)).toEqual(['results.json'])
  })

  it('writes text longer than its buffer whole, a surrogate pair at a chunk\'s end kept intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-atomic-long-'))
    const target = join(dir, 'results.json')
    // 1.2 M UTF-16 units (2.2 MB of UTF-8) in which a surrogate pair (4 bytes), a 3-byte and a 2-byte character
    // repeat every 6 units, so the buffer's chunks end inside a pair (the first after 87,381 units, at a high
    // surrogate) — as one string, then as many small pieces between big ones
    const unit = 'ab\u{1F600}—µ'
    const long = unit.repeat(200_000)
    await writeFileAtomic(target, long)
    expect(readFileSync(target, 'utf8') === long).toBe(true)
    const pieces = [long, ...Array.from({ length: 5000 }, (_, i) => `${i},\u{1F4A5}`), 'Q'.repeat(300_000), long]
    await writeFileAtomic(target, pieces)
    expect(readFileSync(target, 'utf8') === pieces.join('')).toBe(true)
    expect(readdirSync(dir)).toEqual(['results.json'])
  })

  it('leaves the old or the new complete content when the writer is killed mid-write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-atomic-kill-'))
    const target = join(dir, 'big.json')
    writeFileSync(target, 'A'.repeat(SIZE))
    // kill at different moments of the write loop: each 8 MiB write + fsync takes milliseconds, so most
    // kills land inside a write (checked below); ten moments make "none did" vanishingly unlikely
    let killedMidWrite = 0
    for (const ms of [0, 3, 7, 13, 29, 41, 53, 67, 79, 97]) {
      await killWriterAfter(target, ms)
      const text = readFileSync(target, 'utf8')
      expect(text.length).toBe(SIZE)
      expect(text === 'A'.repeat(SIZE) || text === 'B'.repeat(SIZE)).toBe(true)
      // a temporary file left behind proves the kill landed inside a write
      killedMidWrite += readdirSync(dir).filter((f) => f.endsWith('.tmp')).length > 0 ? 1 : 0
      for (const f of readdirSync(dir)) if (f.endsWith('.tmp')) rmSync(join(dir, f))
    }
    expect(killedMidWrite).toBeGreaterThan(0)
  }, 60_000)
})
