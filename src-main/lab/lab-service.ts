// The lab behind LabApi: every host (Electron IPC, the browser-mode WebSocket, the CLI) calls this one
// implementation. Runs go to a worker pool in the background; progress and completion are pushed as events.
import { EventEmitter } from 'node:events'
import { resolve, relative, isAbsolute } from 'node:path'
import {
  LabError, type ExportFormat, type ExportedFile, type HistoryEntry, type HostInfo, type LabApi, type LabEvent, type LabEvents,
  type PresetInfo, type ProfileFile, type ValidationReply
} from '../../src-shared/api'
import { loadProfileDocument } from '../../src-shared/profile/load'
import type { Profile } from '../../src-shared/profile/schema'
import type { ExperimentResults } from '../../src-shared/results/types'
import { ENGINE_VERSION } from '../engine/version'
import { writeFileAtomic } from '../store/atomic-write'
import { ExperimentStore } from '../store/experiment-store'
import { PROFILE_EXTENSION } from '../../src-shared/profile/file-extension'
import { readProfileFile, writeProfileFile } from '../store/profile-file'
import { RecentProfiles } from '../store/recent-profiles'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import { ExperimentRun, type ExperimentOutcome } from './experiment-run'
import { exportFiles, toExportedFile } from './export/export-results'
import { JobPool } from './pool/job-pool'
import { presetInfos } from './presets'
import { newRunId } from './run-id'

export interface LabServiceOptions {
  dataDir: string
  /** pool size; default cores - 1 */
  jobs?: number
  host: 'electron' | 'browser'
  appVersion: string
  /** the pool's worker entry; the Electron build passes electron-vite's bundled run-job-worker */
  workerFilename?: string
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
  const events = new EventEmitter()
  let pool: JobPool | null = null
  const active = new Map<string, { run: ExperimentRun; finished: Promise<ExperimentOutcome> }>()
  const finishedResults = new Map<string, ExperimentResults>()
  let closed = false

  const getPool = (): JobPool => {
    pool ??= new JobPool({ threads: options.jobs, workerFilename: options.workerFilename })
    return pool
  }

  /**
   * The browser host may only touch files the user opened before or that live in the lab's own folder, and
   * may not overwrite what the lab keeps there (an experiment's profile is what "re-run exactly" runs).
   */
  const checkBrowserPath = async (path: string, access: 'read' | 'write'): Promise<void> => {
    if (options.host !== 'browser') return
    if (!isInside(options.dataDir, path) && !(await recent.includes(path))) {
      throw new LabError('forbidden', `${path} is neither a recent profile nor inside the Drain Lab data folder`)
    }
    if (access === 'write' && (isInside(store.experimentsDir, path) || isInside(store.trashDir, path))) {
      throw new LabError('forbidden', `${path} belongs to the lab's saved experiments; save the profile elsewhere`)
    }
  }

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
      const plan = planExperiment(profile)
      if (!plan.ok) throw new LabError('invalid-profile', 'the experiment cannot be planned', plan.issues)
      const runId = newRunId(profile.name)
      const createdAt = new Date().toISOString()
      await store.saveProfile(runId, profile)
      const run = new ExperimentRun({
        runId,
        profile,
        engineVersion: ENGINE_VERSION,
        jobs: plan.jobs,
        pool: getPool(),
        concurrency: req.jobs,
        onProgress: (progress) => events.emit('runProgress', progress)
      })
      const finished = run.done.then(async (outcome) => {
        // served from memory until it is on disk; then read back from there, so a host left open all day
        // does not hold every run's histograms (if the save fails, the results stay available here)
        finishedResults.set(runId, outcome.results)
        await store.saveResults(runId, outcome.results, outcome.status, createdAt)
        finishedResults.delete(runId)
        return outcome
      })
      active.set(runId, { run, finished })
      // the run leaves `active` before anyone hears it finished: a listener may cancel, delete or re-read it at once
      finished.then(
        (outcome) => {
          active.delete(runId)
          events.emit('runFinished', { runId, status: outcome.status })
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
      const inMemory = finishedResults.get(req.runId)
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
      return store.listHistory()
    },

    async deleteHistory(req) {
      if (active.has(req.runId)) throw new LabError('not-available', `run ${req.runId} is still running; cancel it first`)
      finishedResults.delete(req.runId)
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
      await checkBrowserPath(req.path, 'read')
      const checked = await readProfileFile(req.path)
      if (!checked.ok) throw new LabError('invalid-profile', `${req.path} is not a valid profile`, checked.issues)
      await recent.add(req.path)
      return { path: resolve(req.path), profile: checked.profile }
    },

    async saveProfile(req) {
      if (req.path === undefined) return null
      if (!req.path.endsWith(PROFILE_EXTENSION)) throw new LabError('invalid-request', `a profile file name ends in ${PROFILE_EXTENSION}`)
      await checkBrowserPath(req.path, 'write')
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
      // kept next to the results too, so the experiment's folder holds what was shared
      for (const file of files) await writeFileAtomic(resolve(store.exportsDirOf(req.runId), file.fileName), file.data)
      return files.map(toExportedFile)
    },

    on(event, listener) {
      events.on(event, listener)
      return () => events.off(event, listener)
    },

    async close() {
      closed = true
      for (const { run } of active.values()) run.cancel()
      await Promise.allSettled([...active.values()].map((a) => a.finished))
      await pool?.close()
      pool = null
      events.removeAllListeners()
    }
  }
  return service
}

function isInside(dir: string, path: string): boolean {
  const inside = relative(resolve(dir), resolve(path))
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
}
