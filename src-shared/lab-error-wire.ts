// A LabError after it has crossed a boundary as data. Electron's contextBridge copies a rejected Error
// into the page with its message only, so the preload rejects with a plain SerializedLabError instead,
// and the renderer turns whatever a call rejected with back into a real LabError (code, message, issues).
import { LAB_ERROR_CODES, LabError, deserializeLabError, type SerializedLabError } from './api'
import type { ProfileIssue } from './profile/validate'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isProfileIssue(value: unknown): value is ProfileIssue {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string'
}

/** True when value has exactly the fields of a SerializedLabError (an unknown code does not count). */
export function isSerializedLabError(value: unknown): value is SerializedLabError {
  if (!isRecord(value) || typeof value.message !== 'string') return false
  if (!(LAB_ERROR_CODES as readonly unknown[]).includes(value.code)) return false
  return value.issues === undefined || (Array.isArray(value.issues) && value.issues.every(isProfileIssue))
}

/** A fresh plain copy: only the fields a SerializedLabError has, so nothing else rides along. */
export function plainLabError(error: SerializedLabError): SerializedLabError {
  return {
    code: error.code,
    message: error.message,
    ...(error.issues ? { issues: error.issues.map((issue) => ({ path: issue.path, message: issue.message })) } : {})
  }
}

/** The LabError a rejected call stands for; anything that is not a lab error becomes a 'failed' one. */
export function labErrorFromRejection(reason: unknown): LabError {
  if (reason instanceof LabError) return reason
  if (isSerializedLabError(reason)) return deserializeLabError(plainLabError(reason))
  return new LabError('failed', reason instanceof Error ? reason.message : String(reason))
}
