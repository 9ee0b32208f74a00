// The one error shape every store keeps and ErrorPanel shows: the lab's code (which decides the advice),
// its message and any field issues. A plain object, not an Error: stores hold data, and whatever a call
// rejected with (a LabError, its serialized copy, a thrown Error) comes out the same.
import type { LabErrorCode } from '@shared/api'
import { labErrorFromRejection } from '@shared/lab-error-wire'
import type { ProfileIssue } from '@shared/profile/validate'

export interface StoreError {
  readonly code: LabErrorCode
  readonly message: string
  readonly issues?: readonly ProfileIssue[]
}

export function storeError(reason: unknown): StoreError {
  const { code, message, issues } = labErrorFromRejection(reason)
  return issues ? { code, message, issues } : { code, message }
}
