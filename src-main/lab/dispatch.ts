// The one door into the lab for remote callers: the Electron IPC handlers and the browser host's
// WebSocket both route every call through here. Types vanish at run time, so the method name and the
// payload are checked against LabApi's runtime schemas before the implementation sees them.
import { LAB_METHODS, LabError, labRequestSchemas, type LabApi, type LabMethod } from '../../src-shared/api'
import { labCallOf } from '../../src-shared/lab-client'

export function isLabMethod(name: unknown): name is LabMethod {
  return typeof name === 'string' && (LAB_METHODS as string[]).includes(name)
}

/** Zod issues as "path: message" lines; the root of the payload is called "payload". */
function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'payload'}: ${issue.message}`)
    .join('; ')
}

export async function dispatchLabCall(api: LabApi, method: string, payload: unknown): Promise<unknown> {
  if (!isLabMethod(method)) throw new LabError('invalid-request', `method: unknown LabApi method "${method}"`)
  const parsed = labRequestSchemas[method].safeParse(payload)
  if (!parsed.success) throw new LabError('invalid-request', describeIssues(parsed.error.issues))
  // the schema has just proved the payload has this method's request shape
  return labCallOf(api)(method, parsed.data)
}
