// The LabError a call rejects with; any other error, or success, fails the test.
import { LabError } from '../../src-shared/api'

export async function rejection(p: Promise<unknown>): Promise<LabError> {
  try {
    await p
  } catch (e) {
    if (e instanceof LabError) return e
    throw e
  }
  throw new Error('expected a rejection, the call succeeded')
}
