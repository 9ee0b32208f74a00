// New / Open / Open Recent / Save / Save As, the same actions in both hosts: native dialogs through
// the profile-files store in Electron, a file picker and a download in the browser host. Every action
// that would drop unsaved changes asks first; every failure is a message naming the action.
import { validateProfile } from '@shared/profile/validate'
import { useDialog, useMessage } from 'naive-ui'
import { useBrowserRecentStore } from '../stores/browser-recent'
import { useHostStore } from '../stores/host'
import { useProfileFilesStore } from '../stores/profile-files'
import { useProfileStore } from '../stores/profile'
import type { StoreError } from '../stores/store-error'
import { downloadBlob } from './download'
import { fileFailureContent } from './file-failure-content'
import { pickFiles } from './pick-files'
import { profileFileName } from './profile-file-name'
import { readProfileFile } from './read-profile-file'

export function useProfileFiles() {
  const profile = useProfileStore()
  const host = useHostStore()
  const files = useProfileFilesStore()
  const browserRecent = useBrowserRecentStore()
  const dialog = useDialog()
  const message = useMessage()

  const fail = (what: string, error: StoreError) => {
    message.error(fileFailureContent(what, error), { duration: 12_000, closable: true })
  }

  /** Resolves true when there is nothing unsaved or the user chose to discard it. */
  function confirmDiscard(action: string): Promise<boolean> {
    if (!profile.dirty) return Promise.resolve(true)
    return new Promise((resolve) => {
      dialog.warning({
        title: 'Unsaved changes',
        content: `"${profile.name}" has changes that are not saved to a file. ${action} anyway and discard them?`,
        positiveText: 'Discard changes',
        negativeText: 'Keep editing',
        onPositiveClick: () => resolve(true),
        onNegativeClick: () => resolve(false),
        onClose: () => resolve(false),
        onMaskClick: () => resolve(false)
      })
    })
  }

  async function newProfile(): Promise<void> {
    if (await confirmDiscard('Start a new experiment')) profile.reset()
  }

  function loadOpened(json: unknown, path: string | null): void {
    const check = validateProfile(json)
    // a valid file is loaded with its defaults filled in, so the form shows every value
    profile.load(check.ok ? check.profile : json, path)
    if (check.ok) message.success(`Opened ${path ?? 'profile'}`)
    else message.warning(`Opened with ${check.issues.length} problem(s), marked at the fields. Fix them to run.`, { duration: 6000 })
  }

  async function open(): Promise<void> {
    if (!(await confirmDiscard('Open another profile'))) return
    if (host.nativeDialogs) {
      const opened = await files.open()
      if (opened) loadOpened(opened.profile, opened.path)
      else if (files.error) fail('Could not open the profile', files.error)
      return
    }
    pickFiles({ testId: 'profile-file-input', accept: '.json,application/json' }, ([file]) => void openFile(file))
  }

  async function openFile(file: File): Promise<void> {
    const read = await readProfileFile(file)
    if ('error' in read) {
      message.error(read.error, { duration: 8000, closable: true })
      return
    }
    loadOpened(read.doc, file.name)
    // the browser host's Open Recent: the lab never sees this file
    browserRecent.remember(file.name, await file.text())
  }

  /** A profile opened earlier through this browser's file picker, read again from what was kept. */
  async function openBrowserRecent(name: string): Promise<void> {
    const kept = browserRecent.find(name)
    if (!kept || !(await confirmDiscard('Open another profile'))) return
    await openFile(new File([kept.text], kept.name, { type: 'application/json' }))
  }

  async function openRecent(path: string): Promise<void> {
    if (!(await confirmDiscard('Open another profile'))) return
    const opened = await files.open(path)
    if (opened) loadOpened(opened.profile, opened.path)
    else if (files.error) fail(`Could not open ${path}`, files.error)
  }

  async function refreshRecent(): Promise<void> {
    // every host keeps a recent list, so a failure is news; the menu keeps the last list it had
    if (!(await files.refreshRecent()) && files.error) fail('Could not list the recent profiles', files.error)
  }

  async function save(as = false): Promise<void> {
    if (!profile.valid) message.warning('Saving a profile that does not validate yet; it will open with its problems marked.')
    if (host.nativeDialogs) {
      const saved = await files.save(profile.snapshot(), as || !profile.path ? undefined : profile.path)
      if (saved) {
        profile.markSaved(saved.path)
        message.success(`Saved ${saved.path}`)
      } else if (files.error) {
        fail('Could not save the profile', files.error)
      }
      return
    }
    const fileName = profileFileName(profile.name)
    const text = `${JSON.stringify(profile.snapshot(), null, 2)}\n`
    downloadBlob(fileName, new Blob([text], { type: 'application/json' }))
    profile.markSaved(fileName)
    message.success(`Downloaded ${fileName}`)
  }

  return { confirmDiscard, newProfile, open, openFile, openRecent, openBrowserRecent, refreshRecent, save, saveAs: () => save(true) }
}
