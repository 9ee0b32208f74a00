// Profiles opened through the browser's file picker, kept in this browser: the lab never learns a picked
// file's path (the page reads the file itself), so its recent list stayed empty after Open in the browser
// host. The text is kept, not a path, so Open Recent can read it again; a few small entries, newest first.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

export const BROWSER_RECENT_KEY = 'drainlab.browserRecent'
const MAX_ENTRIES = 8
/** profiles are a few kB; a bigger file is opened but not kept (localStorage holds ~5 MB per site) */
const MAX_TEXT = 256 * 1024

export interface BrowserRecentFile {
  name: string
  text: string
}

function restore(): BrowserRecentFile[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(BROWSER_RECENT_KEY) ?? '[]')
    return Array.isArray(saved) ? saved.filter((e): e is BrowserRecentFile => typeof e?.name === 'string' && typeof e?.text === 'string') : []
  } catch {
    return []
  }
}

export const useBrowserRecentStore = defineStore('browserRecent', () => {
  const files = ref<BrowserRecentFile[]>(restore())

  watch(files, (list) => {
    try {
      localStorage.setItem(BROWSER_RECENT_KEY, JSON.stringify(list))
    } catch {
      // storage full or denied: the list lives on for this page
    }
  })

  /** The file goes to the top; a file of the same name opened before is replaced. */
  function remember(name: string, text: string): void {
    if (text.length > MAX_TEXT) return
    files.value = [{ name, text }, ...files.value.filter((f) => f.name !== name)].slice(0, MAX_ENTRIES)
  }

  function find(name: string): BrowserRecentFile | undefined {
    return files.value.find((f) => f.name === name)
  }

  return { files, remember, find }
})
