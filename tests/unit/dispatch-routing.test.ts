import { describe, expect, it } from 'vitest'
import { LAB_METHODS, LabError, type LabApi, type LabMethod } from '../../src-shared/api'
import { dispatchLabCall, isLabMethod } from '../../src-main/lab/dispatch'
import { rejection } from '../support/rejection'

/** Test double: a LabApi whose every method records its call and echoes the request back. */
function recordingLabApi(): { api: LabApi; calls: Array<{ method: LabMethod; req: unknown }> } {
  const calls: Array<{ method: LabMethod; req: unknown }> = []
  const api = Object.fromEntries(
    LAB_METHODS.map((method) => [method, async (req: unknown) => {
      calls.push({ method, req })
      return { echoed: method, req }
    }])
  ) as unknown as LabApi
  return { api, calls }
}

describe('dispatchLabCall', () => {
  it('refuses a method that is not part of LabApi', async () => {
    const { api, calls } = recordingLabApi()
    for (const method of ['nope', 'constructor', '__proto__', 'toString', 'on', '']) {
      const err = await rejection(dispatchLabCall(api, method, {}))
      expect(err.code).toBe('invalid-request')
      expect(err.message).toContain('method')
    }
    expect(calls).toEqual([])
  })

  it('refuses an invalid payload with invalid-request and the failing path', async () => {
    const { api, calls } = recordingLabApi()
    const badRunId = await rejection(dispatchLabCall(api, 'cancelRun', { runId: '../etc' }))
    expect(badRunId.code).toBe('invalid-request')
    expect(badRunId.message).toMatch(/^runId: /)

    const extraKey = await rejection(dispatchLabCall(api, 'hostInfo', { sneaky: 1 }))
    expect(extraKey.code).toBe('invalid-request')

    const notObject = await rejection(dispatchLabCall(api, 'listPresets', 'hello'))
    expect(notObject.message).toMatch(/^payload: /)

    const badFormat = await rejection(dispatchLabCall(api, 'exportResults', { runId: '20261129-120000-test-0a1b', format: 'exe' }))
    expect(badFormat.message).toMatch(/^format: /)
    expect(calls).toEqual([])
  })

  it('routes a valid call to the implementation with the parsed request', async () => {
    const { api, calls } = recordingLabApi()
    await expect(dispatchLabCall(api, 'cancelRun', { runId: '20261129-120000-test-0a1b' })).resolves.toEqual({
      echoed: 'cancelRun', req: { runId: '20261129-120000-test-0a1b' }
    })
    await dispatchLabCall(api, 'hostInfo', {})
    expect(calls.map((c) => c.method)).toEqual(['cancelRun', 'hostInfo'])
  })

  it('passes the implementation’s own LabError through unchanged', async () => {
    const { api } = recordingLabApi()
    api.getResults = async () => {
      throw new LabError('not-found', 'no run r9')
    }
    const err = await rejection(dispatchLabCall(api, 'getResults', { runId: '20261129-120000-test-0a1b' }))
    expect(err.code).toBe('not-found')
  })

  it('knows exactly the LabApi method names', () => {
    for (const m of LAB_METHODS) expect(isLabMethod(m)).toBe(true)
    expect(isLabMethod('hasOwnProperty')).toBe(false)
    expect(isLabMethod(42)).toBe(false)
  })
})
