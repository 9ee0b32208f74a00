import { describe, expect, it } from 'vitest'
import { LAB_METHODS, type LabClient } from '../../src-shared/api'
import { withNativeDialogs, withProfileSuffix, type ProfileDialogs } from '../../src-main/app/native-dialogs'

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
  /** not recorded: the wrapper reads it to check a path the page names */
  async listRecentProfiles() {
    return ['/home/u/recent.drainlab.json']
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
    const wrapped = withNativeDialogs(lab as unknown as LabClient, d, () => changes++)
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
  })

  it('returns null without touching the lab when the user cancels', async () => {
    const lab = new RecordingLab()
    const { d } = dialogs(null, null)
    const wrapped = withNativeDialogs(lab as unknown as LabClient, d, () => { throw new Error('nothing changed') })
    expect(await wrapped.openProfile({})).toBeNull()
    expect(await wrapped.saveProfile({ profile: {} })).toBeNull()
    expect(lab.calls).toEqual([])
  })

  it('forwards every other method with the lab as `this`', async () => {
    const lab = new RecordingLab()
    const wrapped = withNativeDialogs(lab as unknown as LabClient, dialogs(null, null).d, () => {})
    expect(Object.keys(wrapped).sort()).toEqual([...LAB_METHODS, 'on'].sort())
    await wrapped.cancelRun({ runId: 'r1' })
    expect(lab.calls).toEqual([['cancelRun', { runId: 'r1' }]])
  })

  it('a path the page names must be from a dialog, the system or Open Recent', async () => {
    const lab = new RecordingLab()
    const fromSystem = new Set(['/home/u/double-clicked.drainlab.json'])
    const wrapped = withNativeDialogs(lab as unknown as LabClient, dialogs('/home/u/chosen.drainlab.json', '/home/u/new.drainlab.json').d, () => {}, fromSystem)
    for (const path of ['/etc/passwd', '/home/u/.ssh/id_rsa', '/home/u/other.drainlab.json']) {
      await expect(wrapped.openProfile({ path })).rejects.toMatchObject({ code: 'forbidden' })
      await expect(wrapped.saveProfile({ path, profile: {} })).rejects.toMatchObject({ code: 'forbidden' })
    }
    expect(lab.calls).toEqual([])
    await wrapped.openProfile({ path: '/home/u/double-clicked.drainlab.json' })
    await wrapped.openProfile({ path: '/home/u/recent.drainlab.json' })
    // once chosen in a dialog, a path may be named again (Save after Save As)
    await wrapped.openProfile({})
    await wrapped.saveProfile({ profile: {} })
    await wrapped.openProfile({ path: '/home/u/chosen.drainlab.json' })
    await wrapped.saveProfile({ path: '/home/u/new.drainlab.json', profile: {} })
    expect(lab.calls.map(([, req]) => (req as { path: string }).path)).toEqual([
      '/home/u/double-clicked.drainlab.json', '/home/u/recent.drainlab.json', '/home/u/chosen.drainlab.json',
      '/home/u/new.drainlab.json', '/home/u/chosen.drainlab.json', '/home/u/new.drainlab.json'
    ])
  })

  it('completes a chosen save name to *.drainlab.json', async () => {
    expect(withProfileSuffix('/home/u/run1')).toBe('/home/u/run1.drainlab.json')
    expect(withProfileSuffix('/home/u/run1.json')).toBe('/home/u/run1.drainlab.json')
    expect(withProfileSuffix('/home/u/run1.drainlab.json')).toBe('/home/u/run1.drainlab.json')
    const lab = new RecordingLab()
    const wrapped = withNativeDialogs(lab as unknown as LabClient, dialogs(null, '/home/u/typed-name').d, () => {})
    expect(await wrapped.saveProfile({ profile: {} })).toEqual({ path: '/home/u/typed-name.drainlab.json' })
  })
})
