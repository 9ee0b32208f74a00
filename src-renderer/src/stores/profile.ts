// The experiment being designed: the draft (a plain JSON object edited by path), its validation as
// the user types, where it was saved, whether it changed since, and the autosaved copy that survives
// a reload.
import { assignAtPath, getAtPath } from '@shared/profile/paths'
import { validateProfile, type ProfileIssue } from '@shared/profile/validate'
import { defineStore } from 'pinia'
import { computed, ref, toRaw, watch } from 'vue'
import { newProfile } from '../design/new-profile'

export const DRAFT_KEY = 'drainlab.draft'

/** The draft as it may be mid-edit: any JSON, validated continuously. */
export type ProfileDraft = Record<string, unknown>

interface SavedDraft {
  draft: ProfileDraft
  path: string | null
  /** JSON of the profile as last saved or opened; null when never saved */
  baseline: string | null
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

function restoreDraft(): SavedDraft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY)
    if (!raw) return null
    const saved = JSON.parse(raw) as SavedDraft
    return typeof saved.draft === 'object' && saved.draft !== null ? saved : null
  } catch {
    return null
  }
}

export const useProfileStore = defineStore('profile', () => {
  const restored = restoreDraft()
  const draft = ref<ProfileDraft>(restored?.draft ?? (newProfile() as unknown as ProfileDraft))
  const path = ref<string | null>(restored?.path ?? null)
  const baseline = ref<string | null>(restored ? restored.baseline : JSON.stringify(draft.value))

  // stringifying the reactive draft reads (and so tracks) every nested field: one dependency for all
  const serialized = computed(() => JSON.stringify(draft.value))
  const validation = computed(() => validateProfile(JSON.parse(serialized.value)))
  const issues = computed<ProfileIssue[]>(() => (validation.value.ok ? [] : validation.value.issues))
  const issuesByPath = computed(() => {
    const byPath = new Map<string, string[]>()
    for (const issue of issues.value) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message])
    return byPath
  })
  const valid = computed(() => validation.value.ok)
  const dirty = computed(() => baseline.value !== serialized.value)
  const name = computed(() => {
    const n = draft.value.name
    return typeof n === 'string' && n.trim() !== '' ? n : 'Untitled experiment'
  })

  watch([serialized, path, baseline], () => {
    const saved: SavedDraft = { draft: draft.value, path: path.value, baseline: baseline.value }
    localStorage.setItem(DRAFT_KEY, JSON.stringify(saved))
  }, { immediate: true })

  function get(at: string): unknown {
    return getAtPath(draft.value, at)
  }

  function set(at: string, value: unknown): void {
    assignAtPath(draft.value, at, value)
  }

  /** Messages for one field, and for anything below it when `deep` (a task row, a section). */
  function issuesAt(at: string, deep = false): string[] {
    if (!deep) return issuesByPath.value.get(at) ?? []
    return issues.value.filter((i) => i.path === at || i.path.startsWith(`${at}.`)).map((i) => i.message)
  }

  /** Replace the draft with a profile just opened or created; it is the new "saved" baseline. */
  function load(profile: unknown, fromPath: string | null, asUnsaved = false): void {
    draft.value = clone(profile) as ProfileDraft
    path.value = fromPath
    baseline.value = asUnsaved ? null : JSON.stringify(draft.value)
  }

  function markSaved(toPath: string | null): void {
    path.value = toPath
    baseline.value = serialized.value
  }

  function reset(): void {
    load(newProfile(), null)
  }

  /** A plain copy for LabApi calls and downloads. */
  function snapshot(): ProfileDraft {
    return clone(toRaw(draft.value))
  }

  return { draft, path, baseline, validation, issues, issuesByPath, valid, dirty, name, get, set, issuesAt, load, markSaved, reset, snapshot }
})
