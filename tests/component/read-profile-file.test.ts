// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readProfileFile } from '../../src-renderer/src/files/read-profile-file'

const file = (text: string) => new File([text], 'exp.drainlab.json', { type: 'application/json' })

describe('reading a profile file in the browser', () => {
  it('says where the JSON is broken', async () => {
    const read = await readProfileFile(file('{\n  "schemaVersion": 1,\n  "machine": { "cpus": 4, }\n}'))
    expect('error' in read && read.error).toMatch(/^exp\.drainlab\.json is not valid JSON at line 3/)
  })

  it('names a duplicate key instead of keeping the last one silently', async () => {
    const read = await readProfileFile(file('{"schemaVersion": 1, "machine": {"cpus": 4, "cpus": 8}}'))
    expect('error' in read && read.error).toMatch(/^exp\.drainlab\.json: machine\.cpus: the key "cpus" appears twice/)
  })

  it('refuses a file from a newer Drain Lab, and one without schemaVersion', async () => {
    const newer = await readProfileFile(file(JSON.stringify({ schemaVersion: 99, machine: { cpus: 4 } })))
    expect('error' in newer && newer.error).toContain('written by a newer Drain Lab')
    const none = await readProfileFile(file(JSON.stringify({ machine: { cpus: 4 } })))
    expect('error' in none && none.error).toContain('schemaVersion is required')
  })

  it('returns an invalid but readable profile as is, for the form to mark', async () => {
    const read = await readProfileFile(file(JSON.stringify({ schemaVersion: 1, machine: { cpus: 0 } })))
    expect(read).toEqual({ doc: { schemaVersion: 1, machine: { cpus: 0 } }, fromVersion: 1 })
  })
})
