// The lab behind LabApi: every host (Electron IPC, the browser-mode WebSocket, the CLI) calls this one
// implementation. Runs go to a worker pool in the background; progress and completion are pushed as events.
import { EventEmitter } from 'node:events'
import { resolve } from 'node:path'
import {
  LabError, type ExportFormat, type ExportedFile, type HistoryEntry, type HostInfo, type LabApi, type LabEvent, type LabEvents,
  type PresetInfo, type ProfileFile, type ValidationReply
} from '../../src-shared/api'
import { loadProfileDocument } from '../../src-shared/profile/load'
import type { Profile } from '../../src-shared/profile/schema'
import type { ExperimentResults } from '../../src-shared/results/types'
import { ENGINE_VERSION } from '../engine/version'
import { ExperimentStore } from '../store/experiment-store'
import { PROFILE_EXTENSION } from '../../src-shared/profile/file-extension'
import { readProfileFile, writeProfileFile } from '../store/profile-file'
import { RecentProfiles } from '../store/recent-profiles'
import type { ExperimentRun } from './experiment-run'
import { exportFiles, toExportedFile } from './export/export-results'
import { measurementsDocument } from './measured/import-measurements'
import { recordMeasuredRun } from './measured/record-measured-run'
import { JobPool } from './pool/job-pool'
import { checkLiveRun, LiveJobPool } from './live-job-pool'
import type { PathAccess, PathPolicy } from './path-policy'
import { presetInfos } from './presets'
import { recordTimelineWindow } from './record-timeline-window'
import { recoverInterruptedRuns } from './recover-interrupted-runs'
import { startExperiment, type FinishedExperiment, type StartedExperiment } from './run-experiment'

export interface LabServiceOptions {
  dataDir: string
  /** pool size; default cores - 1 */
  jobs?: number
  host: 'electron' | 'browser'
  /** which files a page may name in openProfile/saveProfile (path-policy.ts) */
  pathPolicy: PathPolicy
  appVersion: string
  /** the pool's worker entry; the Electron build passes electron-vite's bundled run-job-worker */
  workerFilename?: string
  /** the live engine's CPU worker entry (run.engine "live"); undefined: the tsx shim beside src-main/live/run-live.ts */
  liveWorkerFilename?: string
}

export interface LabService extends LabApi {
  on<E extends LabEvent>(event: E, listener: (payload: LabEvents[E]) => void): () => void
  /** cancels active runs, waits for them to be saved, stops the pool */
  close(): Promise<void>
}

/** A profile from a request: migrated from an older schemaVersion if need be, validated, or an invalid-profile error. */
export function requireProfile(input: unknown): Profile {
  const checked = loadProfileDocument(input)
  if (!checked.ok) throw new LabError('invalid-profile', 'the profile is invalid', checked.issues)
  return checked.profile
}

export function createLabService(options: LabServiceOptions): LabService {
  const store = new ExperimentStore(options.dataDir)
  const recent = new RecentProfiles(options.dataDir)
  // what a crash left behind is taken stock of once, before the history is first listed; a data folder
  // that cannot be recovered now (read-only, say) still lists what it has
  const recovered = recoverInterruptedRuns(store).catch(() => undefined)
  const events = new EventEmitter()
  let pool: JobPool | null = null
  // one for the service: live jobs of concurrent runs then queue behind each other instead of sharing the CPUs
  let livePool: LiveJobPool | null = null
  const active = new Map<string, { run: ExperimentRun; finished: Promise<FinishedExperiment> }>()
  /** finished runs whose results could not be saved: kept for this session so they can still be read and exported */
  const unsaved = new Map<string, ExperimentResults>()
  let closed = false
  /** startRun calls still setting their run up (folder, free space): close() waits for them */
  const starts = new Set<Promise<StartedExperiment>>()

  const getPool = (): JobPool => {
    pool ??= new JobPool({ threads: options.jobs, workerFilename: options.workerFilename })
    return pool
  }

  const checkPath = (path: string, access: PathAccess): Promise<void> =>
    options.pathPolicy.check(path, access, {
      dataDir: options.dataDir, experimentsDir: store.experimentsDir, trashDir: store.trashDir, isRecent: (p) => recent.includes(p)
    })

  const service: LabService = {
    async hostInfo(): Promise<HostInfo> {
      return { host: options.host, appVersion: options.appVersion, engineVersion: ENGINE_VERSION, nativeDialogs: options.host === 'electron' }
    },

    async listPresets(): Promise<PresetInfo[]> {
      return presetInfos()
    },

    async validateProfile(req): Promise<ValidationReply> {
      return loadProfileDocument(req.profile)
    },

    async startRun(req) {
      if (closed) throw new LabError('not-available', 'the lab is shutting down')
      const profile = requireProfile(req.profile)
      if (profile.run.engine === 'live') await checkLiveRun(profile)
      const starting = startExperiment({
        profile,
        pool: profile.run.engine === 'live' ? (livePool ??= new LiveJobPool(options.liveWorkerFilename)) : getPool(),
        store,
        concurrency: req.jobs,
        onProgress: (progress) => events.emit('runProgress', progress)
      })
      starts.add(starting)
      let started: StartedExperiment
      try {
        started = await starting
      } finally {
        starts.delete(starting)
      }
      const { runId, run } = started
      // close() began while this run was being set up: it stops at once and is saved like a cancelled run
      if (closed) run.cancel()
      const finished = started.finished.then((done) => {
        // a run whose results could not be saved is served from memory, and says why it is not in the history
        if (done.saveError !== undefined) unsaved.set(runId, done.outcome.results)
        return done
      })
      active.set(runId, { run, finished })
      // the run leaves `active` before anyone hears it finished: a listener may cancel, delete or re-read it at once
      finished.then(
        (done) => {
          active.delete(runId)
          events.emit('runFinished', { runId, status: done.outcome.status, ...(done.saveError !== undefined ? { saveError: done.saveError } : {}) })
        },
        () => {
          active.delete(runId)
          events.emit('runFinished', { runId, status: 'failed' })
        }
      )
      return { runId }
    },

    async cancelRun(req) {
      const entry = active.get(req.runId)
      if (entry === undefined) return { cancelled: false }
      entry.run.cancel()
      return { cancelled: true }
    },

    async getResults(req) {
      const inMemory = unsaved.get(req.runId)
      if (inMemory !== undefined) return inMemory
      // a run still going answers with a snapshot of its ended jobs, built in memory and never saved
      const running = active.get(req.runId)
      if (running !== undefined) return running.run.snapshot()
      const stored = await store.readResults(req.runId)
      if (stored === null) throw new LabError('not-found', `no results for run ${req.runId}`)
      return stored
    },

    async getProfile(req) {
      const profile = await store.readProfile(req.runId)
      if (profile === null) throw new LabError('not-found', `no saved profile for run ${req.runId}`)
      return profile
    },

    async listHistory(): Promise<HistoryEntry[]> {
      await recovered
      return store.listHistory()
    },

    async deleteHistory(req) {
      if (active.has(req.runId)) throw new LabError('not-available', `run ${req.runId} is still running; cancel it first`)
      unsaved.delete(req.runId)
      return { deleted: await store.delete(req.runId) }
    },

    async restoreHistory(req) {
      return { restored: await store.restore(req.runId) }
    },

    async listRecentProfiles() {
      return recent.list()
    },

    async openProfile(req): Promise<ProfileFile | null> {
      if (req.path === undefined) return null
      await checkPath(req.path, 'read')
      const checked = await readProfileFile(req.path)
      if (!checked.ok) throw new LabError('invalid-profile', `${req.path} is not a valid profile`, checked.issues)
      await recent.add(req.path)
      return { path: resolve(req.path), profile: checked.profile }
    },

    async saveProfile(req) {
      if (req.path === undefined) return null
      if (!req.path.endsWith(PROFILE_EXTENSION)) throw new LabError('invalid-request', `a profile file name ends in ${PROFILE_EXTENSION}`)
      await checkPath(req.path, 'write')
      const written = await writeProfileFile(req.path, req.profile)
      if (!written.ok) throw new LabError('invalid-profile', 'the profile is invalid', written.issues)
      await recent.add(req.path)
      return { path: resolve(req.path) }
    },

    async exportResults(req): Promise<ExportedFile[]> {
      const results = await service.getResults({ runId: req.runId })
      // exports are shared and kept on disk: only a finished run's document goes there
      if (results.inProgress) throw new LabError('not-available', `run ${req.runId} is still running; export it when it ends`)
      const files = await exportFiles(results, req.format as ExportFormat)
      // kept next to the results too, so the experiment's folder holds what was shared; the caller gets
      // the files even when that copy cannot be kept (the run was deleted meanwhile, the disk is full)
      await store.saveExports(req.runId, files).catch(() => false)
      return files.map(toExportedFile)
    },

    async recordTimelineWindow(req) {
      if (closed) throw new LabError('not-available', 'the lab is shutting down')
      return recordTimelineWindow(await service.getResults({ runId: req.runId }), req, getPool())
    },

    async importMeasurements(req) {
      const results = measurementsDocument(req.files, { name: req.name })
      return { runId: await recordMeasuredRun(store, results, new Date()) }
    },

    on(event, listener) {
      events.on(event, listener)
      return () => events.off(event, listener)
    },

    async close() {
      closed = true
      await Promise.allSettled([...starts])
      for (const { run } of active.values()) run.cancel()
      await Promise.allSettled([recovered, ...[...active.values()].map((a) => a.finished)])
      await pool?.close()
      pool = null
      events.removeAllListeners()
    }
  }
  return service
}
