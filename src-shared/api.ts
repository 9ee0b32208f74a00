// LabApi: the one contract between the UI and the lab. Three hosts serve it (Electron IPC, the
// browser-mode WebSocket, the CLI calling src-main/lab directly); the renderer has one client for it.
// Every request has a runtime schema: hosts validate each payload before it reaches the lab.
import { z } from 'zod'
import type { ProfileIssue } from './profile/validate'
import type { Profile, Variant } from './profile/schema'
import type { ExperimentResults, JobStatus, RunTimeline } from './results/types'
import type { ResultsEngine } from './results/engine-label'
import { RUN_ID_MAX_LENGTH, RUN_ID_PATTERN } from './run-id'

export interface HostInfo {
  host: 'electron' | 'browser'
  appVersion: string
  engineVersion: string
  /** Native file dialogs (Electron) or file picker + download (browser). */
  nativeDialogs: boolean
}

export interface PresetInfo {
  id: string
  name: string
  description: string
  profile: Profile
}

export type ValidationReply = { ok: true; profile: Profile } | { ok: false; issues: ProfileIssue[] }

export interface JobProgress {
  id: string
  variant: Variant
  seed: number
  sweepLabel: string | null
  status: 'queued' | 'running' | JobStatus
  fraction: number
  eventsPerSec: number
  etaMs: number | null
  error?: string
}

/** The most jobs one RunProgress event lists: its size stays bounded (tens of kB) however many jobs a run has. */
export const MAX_JOBS_PER_PROGRESS = 100

/**
 * A progress event of a run. The figures of the whole run (counts, total, overall) are in every event; the
 * job list is a delta: the running jobs and those whose status changed since the previous event, at most
 * MAX_JOBS_PER_PROGRESS of them (the rest follow in the next events, and the last events of a run flush
 * them all). A client keeps the last state it heard of each job; a job it never heard of is queued.
 */
export interface RunProgress {
  runId: string
  /** jobs in the run */
  total: number
  /** jobs of the whole run per status */
  counts: Record<JobProgress['status'], number>
  jobs: JobProgress[]
  overall: { fraction: number; etaMs: number | null; eventsPerSec: number }
}

export interface RunFinished {
  runId: string
  status: 'completed' | 'partial' | 'failed' | 'cancelled'
  /** the results could not be saved in the data folder (what and where); they stay readable until the lab closes */
  saveError?: string
}

export interface HistoryEntry {
  id: string
  name: string
  createdAt: string
  variants: Variant[]
  seeds: number[]
  status: RunFinished['status']
  /** which engine produced it (engine-label.ts); absent from entries indexed before it was recorded */
  engine?: ResultsEngine
  /** headline numbers per variant for the list view, and per sweep point of a sweep (`sweep` names the point) */
  headline: Array<{ variant: Variant; sweep?: string; misses: number; latencyMaxNs: number; drainP99Ns: number; stalled: number }>
}

export interface ProfileFile {
  path: string
  profile: Profile
}

export const EXPORT_FORMATS = ['json', 'csv', 'png', 'svg', 'html', 'trace'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportedFile {
  fileName: string
  mime: string
  /** file contents, base64 (binary-safe over every transport) */
  base64: string
}

/** The methods, request -> response. Every method returns a promise on the client side. */
export interface LabApi {
  hostInfo(req: Record<string, never>): Promise<HostInfo>
  listPresets(req: Record<string, never>): Promise<PresetInfo[]>
  validateProfile(req: { profile: unknown }): Promise<ValidationReply>
  startRun(req: { profile: unknown; jobs?: number }): Promise<{ runId: string }>
  cancelRun(req: { runId: string }): Promise<{ cancelled: boolean }>
  /** A finished run's document; while the run is going, a snapshot of its ended jobs marked inProgress. */
  getResults(req: { runId: string }): Promise<ExperimentResults>
  /** The profile a recorded run ran (its experiment folder's profile.drainlab.json), without its results. */
  getProfile(req: { runId: string }): Promise<Profile>
  listHistory(req: Record<string, never>): Promise<HistoryEntry[]>
  deleteHistory(req: { runId: string }): Promise<{ deleted: boolean }>
  restoreHistory(req: { runId: string }): Promise<{ restored: boolean }>
  listRecentProfiles(req: Record<string, never>): Promise<string[]>
  /** Electron: a native Open dialog when path is absent. Browser host: paths from the recent list only. */
  openProfile(req: { path?: string }): Promise<ProfileFile | null>
  /** Electron: a native Save dialog when path is absent. Atomic write. */
  saveProfile(req: { path?: string; profile: unknown }): Promise<{ path: string } | null>
  exportResults(req: { runId: string; format: ExportFormat }): Promise<ExportedFile[]>
  /**
   * A window [fromNs, untilNs) of one job's timeline, recorded by running the job again with the same profile,
   * variant and seed (docs/timeline.md "A window on request"): for a run whose cap left that window out. Not saved.
   */
  recordTimelineWindow(req: { runId: string; jobId: string; fromNs: number; untilNs: number }): Promise<RunTimeline>
  /**
   * File ▸ Import: cyclictest, oslat or rtla output (their text, as the page read it) recorded as a measured run
   * (docs/measurements.md); a file that is not one is an invalid-request error naming its line.
   */
  importMeasurements(req: { files: Array<{ name: string; text: string }>; name?: string }): Promise<{ runId: string }>
}

export type LabMethod = keyof LabApi

const empty = z.strictObject({})
const runId = z.string().max(RUN_ID_MAX_LENGTH).regex(RUN_ID_PATTERN, 'not a run id the lab generated (they look like 20261129-101500-name-0a1b)')
const filePath = z.string().min(1).max(4096)
/** characters of one imported measurement file: a cyclictest -h 10000 histogram of 16 threads is ~1.1 M */
const MAX_IMPORT_TEXT = 4 * 2 ** 20

/** Runtime schemas of every request, checked by every host before the lab sees it. */
export const labRequestSchemas = {
  hostInfo: empty,
  listPresets: empty,
  validateProfile: z.strictObject({ profile: z.unknown() }),
  startRun: z.strictObject({ profile: z.unknown(), jobs: z.number().int().min(1).max(256).optional() }),
  cancelRun: z.strictObject({ runId }),
  getResults: z.strictObject({ runId }),
  getProfile: z.strictObject({ runId }),
  listHistory: empty,
  deleteHistory: z.strictObject({ runId }),
  restoreHistory: z.strictObject({ runId }),
  listRecentProfiles: empty,
  openProfile: z.strictObject({ path: filePath.optional() }),
  saveProfile: z.strictObject({ path: filePath.optional(), profile: z.unknown() }),
  exportResults: z.strictObject({ runId, format: z.enum(EXPORT_FORMATS) }),
  // whole ns within the run, untilNs after fromNs: the lab checks those against the run (record-timeline-window.ts)
  recordTimelineWindow: z.strictObject({ runId, jobId: z.string().min(1).max(200), fromNs: z.number(), untilNs: z.number() }),
  // the texts travel in one call frame (1 MiB over the WebSocket), which bounds them before this does
  importMeasurements: z.strictObject({
    files: z.array(z.strictObject({ name: z.string().min(1).max(255), text: z.string().max(MAX_IMPORT_TEXT) })).min(1).max(16),
    name: z.string().min(1).max(120).optional()
  })
} satisfies { [M in LabMethod]: z.ZodType }

export const LAB_METHODS = Object.keys(labRequestSchemas) as LabMethod[]

/** Pushed events, lab -> UI. */
export interface LabEvents {
  runProgress: RunProgress
  runFinished: RunFinished
}
export type LabEvent = keyof LabEvents
export const LAB_EVENTS: LabEvent[] = ['runProgress', 'runFinished']

/** The renderer-side surface: the methods plus a subscription to pushed events. */
export interface LabClient extends LabApi {
  on<E extends LabEvent>(event: E, listener: (payload: LabEvents[E]) => void): () => void
}

/** Errors cross every transport as { code, message }; codes let the UI say what to do. */
export const LAB_ERROR_CODES = ['invalid-request', 'invalid-profile', 'not-found', 'not-available', 'failed', 'forbidden'] as const
export type LabErrorCode = (typeof LAB_ERROR_CODES)[number]

export class LabError extends Error {
  constructor(readonly code: LabErrorCode, message: string, readonly issues?: ProfileIssue[]) {
    super(message)
    this.name = 'LabError'
  }
}

export interface SerializedLabError {
  code: LabErrorCode
  message: string
  issues?: ProfileIssue[]
}

export function serializeLabError(e: unknown): SerializedLabError {
  if (e instanceof LabError) return { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) }
  return { code: 'failed', message: e instanceof Error ? e.message : String(e) }
}

export function deserializeLabError(e: SerializedLabError): LabError {
  return new LabError(e.code, e.message, e.issues)
}
