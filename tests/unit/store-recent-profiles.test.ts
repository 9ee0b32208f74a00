import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_RECENT, RecentProfiles } from '../../src-main/store/recent-profiles'

describe('recent profiles', () => {
  it('most recent first, no duplicates, bounded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-recent-'))
    const recent = new RecentProfiles(dir)
    expect(await recent.list()).toEqual([])
    for (let i = 0; i < MAX_RECENT + 3; i++) await recent.add(join(dir, `p${i}.drainlab.json`))
    await recent.add(join(dir, 'p5.drainlab.json'))
    const list = await recent.list()
    expect(list).toHaveLength(MAX_RECENT)
    expect(list[0]).toBe(join(dir, 'p5.drainlab.json'))
    expect(list[1]).toBe(join(dir, `p${MAX_RECENT + 2}.drainlab.json`))
    expect(new Set(list).size).toBe(list.length)
  })

  it('a damaged list reads as empty instead of failing the menu', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-recent-bad-'))
    writeFileSync(join(dir, 'recent-profiles.json'), '{ not json')
    expect(await new RecentProfiles(dir).list()).toEqual([])
  })
})
