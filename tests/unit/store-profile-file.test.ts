// Bug 7 ("Nothing lost"): reading a profile file. What is not a regular file is refused before a byte is read
// (a FIFO used to hang validate, run and serve; /dev/zero was read for a gigabyte); at most 4 MiB + 1 byte is
// read; duplicate keys are named by their path; a byte-order mark at the start is accepted.
import { execFileSync } from 'node:child_process'
import { closeSync, constants, mkdtempSync, openSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readProfileFile } from '../../src-main/store/profile-file'
import type { ProfileValidation } from '../../src-shared/profile/validate'

const dir = mkdtempSync(join(tmpdir(), 'drainlab-profile-file-'))
const VALID = { schemaVersion: 1, machine: { cpus: 4, isolated: '3' } }

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

function only(checked: ProfileValidation): { path: string; message: string } {
  if (checked.ok) throw new Error('expected the file to be refused')
  expect(checked.issues).toHaveLength(1)
  return checked.issues[0]
}

/** Settles within `ms` or says it hung: a read that blocks must fail the test, not stall it. */
function within<T>(promise: Promise<T>, ms = 3000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still reading after ${ms} ms`)), ms))])
}

describe('reading a profile file', () => {
  const fifo = join(dir, 'pipe.drainlab.json')
  afterAll(() => {
    // a reader still blocked in open() on the FIFO is released by a writer; none is there once the bug is fixed
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))
    } catch {
      // ENXIO: nobody is reading it
    }
  })

  it('reads a real profile file', async () => {
    const checked = await readProfileFile(write('ok.drainlab.json', JSON.stringify(VALID)))
    expect(checked.ok && checked.profile.machine.cpus).toBe(4)
  })

  it('refuses a FIFO at once, without waiting for a writer', async () => {
    execFileSync('mkfifo', [fifo])
    const issue = only(await within(readProfileFile(fifo)))
    expect(issue).toEqual({ path: '', message: `${fifo} is a FIFO (named pipe), not a regular file; a profile is a *.drainlab.json file` })
  })

  it('refuses /dev/zero without reading it', async () => {
    const issue = only(await within(readProfileFile('/dev/zero')))
    expect(issue.message).toBe('/dev/zero is a character device, not a regular file; a profile is a *.drainlab.json file')
  })

  it('refuses a directory', async () => {
    expect(only(await within(readProfileFile(dir))).message).toBe(`${dir} is a directory, not a regular file; a profile is a *.drainlab.json file`)
  })

  it('refuses a file over 4 MiB and reads one of exactly 4 MiB', async () => {
    const max = 4 * 1024 * 1024
    const over = only(await readProfileFile(write('big.drainlab.json', Buffer.alloc(max + 1, 0x20))))
    expect(over.message).toMatch(/is over 4194304 bytes; a profile is at most 4 MiB$/)
    const text = JSON.stringify(VALID)
    const exact = await readProfileFile(write('exact.drainlab.json', text + ' '.repeat(max - text.length)))
    expect(exact.ok).toBe(true)
  })

  it('names a duplicate key by its path (JSON.parse kept only the last one)', async () => {
    const text = '{ "schemaVersion": 1, "machine": { "cpus": 4, "isolated": "3", "cpus": 8 } }'
    expect(only(await readProfileFile(write('dup.drainlab.json', text)))).toEqual({
      path: 'machine.cpus',
      message: 'the key "cpus" appears twice in this object (line 1, column 64); JSON keeps only the last, so one of them is a mistake'
    })
  })

  it('accepts a byte-order mark at the start (Windows editors write one)', async () => {
    const checked = await readProfileFile(write('bom.drainlab.json', `\uFEFF${JSON.stringify(VALID)}`))
    expect(checked.ok).toBe(true)
  })
})
