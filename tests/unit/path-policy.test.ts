// The two answers to "may the page name this file?": the browser host's (the lab's folder or Open
// Recent, never over saved experiments) and the desktop app's (what the user gave the app, or Open Recent).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { grantedPathPolicy, labFolderPolicy, type LabFiles } from '../../src-main/lab/path-policy'

const lab: LabFiles = {
  dataDir: '/data/lab',
  experimentsDir: '/data/lab/experiments',
  trashDir: '/data/lab/trash',
  isRecent: async (path) => path === '/home/u/recent.drainlab.json'
}

describe('path policies', () => {
  it('browser host: the data folder and Open Recent, and no write over saved experiments', async () => {
    for (const access of ['read', 'write'] as const) {
      await expect(labFolderPolicy.check('/data/lab/mine.drainlab.json', access, lab)).resolves.toBeUndefined()
      await expect(labFolderPolicy.check('/home/u/recent.drainlab.json', access, lab)).resolves.toBeUndefined()
      for (const path of ['/etc/passwd', '/data/lab/../other/x.drainlab.json', '/data/lab', '/home/u/other.drainlab.json']) {
        await expect(labFolderPolicy.check(path, access, lab), path).rejects.toMatchObject({ code: 'forbidden' })
      }
    }
    const kept = '/data/lab/experiments/20260101-000000-run-abcd/profile.drainlab.json'
    await expect(labFolderPolicy.check(kept, 'read', lab)).resolves.toBeUndefined()
    await expect(labFolderPolicy.check(kept, 'write', lab)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(labFolderPolicy.check('/data/lab/trash/r/profile.drainlab.json', 'write', lab)).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('browser host: a symlink in the data folder counts where it points, not where it stands', async () => {
    const root = mkdtempSync(join(tmpdir(), 'drainlab-policy-'))
    const dataDir = join(root, 'data')
    mkdirSync(join(dataDir, 'experiments', '20260101-000000-run-abcd'), { recursive: true })
    writeFileSync(join(root, 'secret.drainlab.json'), '{}')
    symlinkSync(join(root, 'secret.drainlab.json'), join(dataDir, 'leak.drainlab.json'))
    symlinkSync(join(dataDir, 'experiments', '20260101-000000-run-abcd'), join(dataDir, 'innocent'))
    const real: LabFiles = { dataDir, experimentsDir: join(dataDir, 'experiments'), trashDir: join(dataDir, 'trash'), isRecent: async () => false }
    await expect(labFolderPolicy.check(join(dataDir, 'leak.drainlab.json'), 'read', real)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(labFolderPolicy.check(join(dataDir, 'innocent', 'profile.drainlab.json'), 'write', real)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(labFolderPolicy.check(join(dataDir, 'mine.drainlab.json'), 'write', real)).resolves.toBeUndefined()
  })

  it('desktop app: granted paths and Open Recent, nothing else', async () => {
    const policy = grantedPathPolicy()
    for (const access of ['read', 'write'] as const) {
      await expect(policy.check('/home/u/recent.drainlab.json', access, lab)).resolves.toBeUndefined()
      for (const path of ['/etc/passwd', '/home/u/.ssh/id_rsa', '/home/u/chosen.drainlab.json', '/data/lab/mine.drainlab.json']) {
        await expect(policy.check(path, access, lab), path).rejects.toMatchObject({ code: 'forbidden' })
      }
    }
    policy.grant('/home/u/../u/chosen.drainlab.json')
    await expect(policy.check('/home/u/chosen.drainlab.json', 'write', lab)).resolves.toBeUndefined()
  })
})
