// The experiment being designed: the draft (a plain JSON object edited by path), its validation as
// the user types, where it was saved, whether it changed since, and the autosaved copy that survives
// a reload.
import { assignAtPath, getAtPath } from '@shared/profile/paths'
import { validateProfile, type ProfileIssue } from '@shared/profile/validate'
import { defineStore } from 'pinia'
import { computed, ref, toRaw, watch } from 'vue'
import { newProfile } from '../design/new-profile'
import { editedRunName, presetEdits, type PresetEdit } from '../design/preset-edits'

export const DRAFT_KEY = 'drainlab.draft'

/** The draft as it may be mid-edit: any JSON, validated continuously. */
export type ProfileDraft = Record<string, unknown>

interface SavedDraft {
  draft: ProfileDraft
  path: string | null
  /** JSON of the profile as last saved or opened; null when never saved */
  baseline: string | null
  /** the preset the draft was started from, while it was not replaced by another profile */
  preset?: PresetOrigin | null
}

export interface PresetOrigin {
  name: string
  /** JSON of the preset's profile, to tell what the user changed */
  profile: string
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
  const preset = ref<PresetOrigin | null>(restored?.preset ?? null)

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

  /** What differs from the preset the draft started from (empty when none, or when unchanged). */
  const editsFromPreset = computed<PresetEdit[]>(() => (preset.value ? presetEdits(JSON.parse(preset.value.profile), JSON.parse(serialized.value)) : []))
  /**
   * The name a run of the draft is recorded under: an edited preset kept under the preset's name says it was
   * edited and what; a name the user typed is theirs.
   */
  const runName = computed(() => {
    const origin = preset.value
    if (!origin || name.value !== origin.name || editsFromPreset.value.length === 0) return name.value
    return editedRunName(origin.name, editsFromPreset.value)
  })

  watch([serialized, path, baseline, preset], () => {
    const saved: SavedDraft = { draft: draft.value, path: path.value, baseline: baseline.value, preset: preset.value }
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
    preset.value = null
  }

  /** A preset as the new draft: an unedited preset is the baseline, and edits are told against it. */
  function loadPreset(name: string, profile: unknown): void {
    load(profile, null)
    preset.value = { name, profile: JSON.stringify(profile) }
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

  /** The profile a run is started with: the draft under its run name. */
  function runSnapshot(): ProfileDraft {
    return { ...snapshot(), name: runName.value }
  }

  return {
    draft, path, baseline, preset, validation, issues, issuesByPath, valid, dirty, name, editsFromPreset, runName,
    get, set, issuesAt, load, loadPreset, markSaved, reset, snapshot, runSnapshot
  }
})
