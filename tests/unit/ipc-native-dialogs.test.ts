import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LAB_METHODS, type LabClient } from '../../src-shared/api'
import { withNativeDialogs, withProfileSuffix, type ProfileDialogs } from '../../src-main/app/native-dialogs'
import { createLabService } from '../../src-main/lab/lab-service'
import { grantedPathPolicy } from '../../src-main/lab/path-policy'
import { smallExperiment } from '../support/small-experiment'

/** Test double: a lab built as a class, so its methods live on the prototype like a real service's might. */
class RecordingLab {
  readonly calls: Array<[string, unknown]> = []
  constructor() {
    for (const m of LAB_METHODS) {
      if (!(m in this)) (this as Record<string, unknown>)[m] = async (req: unknown) => this.record(m, req)
    }
  }
  record(method: string, req: unknown) {
    this.calls.push([method, req])
    return { method }
  }
  async openProfile(req: { path?: string }) {
    this.record('openProfile', req)
    return { path: req.path, profile: {} }
  }
  async saveProfile(req: { path?: string }) {
    this.record('saveProfile', req)
    return { path: req.path }
  }
  on() {
    return () => {}
  }
}

function dialogs(openAnswer: string | null, saveAnswer: string | null) {
  const asked: string[] = []
  const d: ProfileDialogs = {
    chooseProfileToOpen: async () => { asked.push('open'); return openAnswer },
    chooseProfileSavePath: async () => { asked.push('save'); return saveAnswer }
  }
  return { d, asked }
}

describe('native dialogs around openProfile/saveProfile', () => {
  it('asks for a path only when none was given, then calls the lab with it', async () => {
    const lab = new RecordingLab()
    const { d, asked } = dialogs('/home/u/chosen.drainlab.json', '/home/u/saved.drainlab.json')
    let changes = 0
    const granted: string[] = []
    const wrapped = withNativeDialogs(lab as unknown as LabClient, d, () => changes++, (path) => granted.push(path))
    expect(await wrapped.openProfile({})).toEqual({ path: '/home/u/chosen.drainlab.json', profile: {} })
    expect(await wrapped.openProfile({ path: '/home/u/recent.drainlab.json' })).toMatchObject({ path: '/home/u/recent.drainlab.json' })
    expect(await wrapped.saveProfile({ profile: { a: 1 } })).toEqual({ path: '/home/u/saved.drainlab.json' })
    expect(asked).toEqual(['open', 'save'])
    expect(lab.calls).toEqual([
      ['openProfile', { path: '/home/u/chosen.drainlab.json' }],
      ['openProfile', { path: '/home/u/recent.drainlab.json' }],
      ['saveProfile', { path: '/home/u/saved.drainlab.json', profile: { a: 1 } }]
    ])
    expect(changes).toBe(3)
    // what the user chose may be named again (Save after Save As); the lab's path policy holds the grants
    expect(granted).toEqual(['/home/u/chosen.drainlab.json', '/home/u/saved.drainlab.json'])
  })

  it('returns null without touching the lab when the user cancels', async () => {
    const lab = new RecordingLab()
    const { d } = dialogs(null, null)
    const wrapped = withNativeDialogs(lab as unknown as LabClient, d, () => { throw new Error('nothing changed') }, () => { throw new Error('nothing chosen') })
    expect(await wrapped.openProfile({})).toBeNull()
    expect(await wrapped.saveProfile({ profile: {} })).toBeNull()
    expect(lab.calls).toEqual([])
  })

  it('forwards every other method with the lab as `this`', async () => {
    const lab = new RecordingLab()
    const wrapped = withNativeDialogs(lab as unknown as LabClient, dialogs(null, null).d, () => {}, () => {})
    expect(Object.keys(wrapped).sort()).toEqual([...LAB_METHODS, 'on'].sort())
    await wrapped.cancelRun({ runId: 'r1' })
    expect(lab.calls).toEqual([['cancelRun', { runId: 'r1' }]])
  })

  it('a path the page names must be from a dialog, the system or Open Recent (the real lab and files)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-dialogs-'))
    const file = (name: string) => join(dir, `${name}.drainlab.json`)
    const profile = smallExperiment('Dialogs', { durationMs: 100, seeds: [1] })
    for (const name of ['double-clicked', 'chosen', 'other']) writeFileSync(file(name), JSON.stringify(profile))
    const dataDir = join(dir, 'data')
    // as main.ts wires it: the system opened one file, and every dialog choice is granted
    const paths = grantedPathPolicy()
    paths.grant(file('double-clicked'))
    const service = createLabService({ dataDir, host: 'electron', pathPolicy: paths, appVersion: 'test' })
    const wrapped = withNativeDialogs(service, dialogs(file('chosen'), file('new')).d, () => {}, (path) => paths.grant(path))
    await expect(wrapped.openProfile({ path: '/etc/passwd' })).rejects.toMatchObject({ code: 'forbidden' })
    for (const path of ['/etc/cron.d/x.drainlab.json', join(dir, '..', 'elsewhere.drainlab.json'), file('other')]) {
      await expect(wrapped.openProfile({ path })).rejects.toMatchObject({ code: 'forbidden' })
      await expect(wrapped.saveProfile({ path, profile })).rejects.toMatchObject({ code: 'forbidden' })
    }
    expect(readFileSync(file('other'), 'utf8')).toBe(JSON.stringify(profile))
    expect(await wrapped.listRecentProfiles({})).toEqual([])

    expect((await wrapped.openProfile({ path: file('double-clicked') }))?.path).toBe(file('double-clicked'))
    expect((await wrapped.openProfile({}))?.path).toBe(file('chosen'))
    expect(await wrapped.saveProfile({ profile })).toEqual({ path: file('new') })
    // once chosen in a dialog, a path may be named again (Save after Save As)
    expect(await wrapped.saveProfile({ path: file('chosen'), profile })).toEqual({ path: file('chosen') })
    expect(await wrapped.saveProfile({ path: file('new'), profile })).toEqual({ path: file('new') })
    await service.close()

    // a later session has no grants, but Open Recent still names the files opened and saved before
    const later = createLabService({ dataDir, host: 'electron', pathPolicy: grantedPathPolicy(), appVersion: 'test' })
    const again = withNativeDialogs(later, dialogs(null, null).d, () => {}, () => {})
    expect((await again.openProfile({ path: file('new') }))?.path).toBe(file('new'))
    await expect(again.openProfile({ path: file('other') })).rejects.toMatchObject({ code: 'forbidden' })
    await later.close()
  })

  it('completes a chosen save name to *.drainlab.json', async () => {
    expect(withProfileSuffix('/home/u/run1')).toBe('/home/u/run1.drainlab.json')
    expect(withProfileSuffix('/home/u/run1.json')).toBe('/home/u/run1.drainlab.json')
    expect(withProfileSuffix('/home/u/run1.drainlab.json')).toBe('/home/u/run1.drainlab.json')
    const lab = new RecordingLab()
    const wrapped = withNativeDialogs(lab as unknown as LabClient, dialogs(null, '/home/u/typed-name').d, () => {}, () => {})
    expect(await wrapped.saveProfile({ profile: {} })).toEqual({ path: '/home/u/typed-name.drainlab.json' })
  })
})
