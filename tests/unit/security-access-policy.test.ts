import { describe, expect, it } from 'vitest'
import {
  assertBindAllowed, generateToken, hostHeaderAllowed, hostWithPort, isLoopbackHost, originAllowed, resolveAccessToken, tokenMatches
} from '../../src-main/serve/access-policy'

describe('browser host access policy', () => {
  it('knows the loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost', 'LOCALHOST']) expect(isLoopbackHost(h), h).toBe(true)
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.1.evil.com']) expect(isLoopbackHost(h), h).toBe(false)
  })

  it('generates a fresh 32-hex token for a non-loopback bind and none for loopback', () => {
    expect(resolveAccessToken('127.0.0.1', undefined)).toBeUndefined()
    const generated = resolveAccessToken('0.0.0.0', undefined)
    expect(generated).toMatch(/^[0-9a-f]{32}$/)
    expect(resolveAccessToken('0.0.0.0', undefined)).not.toBe(generated)
    expect(resolveAccessToken('0.0.0.0', 'given')).toBe('given')
    expect(resolveAccessToken('127.0.0.1', 'given')).toBe('given')
    expect(generateToken()).toMatch(/^[0-9a-f]{32}$/)
  })

  it('refuses a non-loopback bind without a token', () => {
    expect(() => assertBindAllowed('0.0.0.0', undefined)).toThrow(/token/)
    expect(() => assertBindAllowed('192.168.1.10', '')).toThrow(/token/)
    expect(() => assertBindAllowed('0.0.0.0', 'x')).not.toThrow()
    expect(() => assertBindAllowed('::1', undefined)).not.toThrow()
  })

  it('compares tokens exactly', () => {
    expect(tokenMatches(undefined, null)).toBe(true)
    expect(tokenMatches('abc', null)).toBe(false)
    expect(tokenMatches('abc', 'abd')).toBe(false)
    expect(tokenMatches('abc', 'abcd')).toBe(false)
    expect(tokenMatches('abc', 'abc')).toBe(true)
  })

  it('accepts only Host headers naming this server', () => {
    expect(hostHeaderAllowed('127.0.0.1:7357', '127.0.0.1', 7357)).toBe(true)
    expect(hostHeaderAllowed('localhost:7357', '127.0.0.1', 7357)).toBe(true)
    expect(hostHeaderAllowed('[::1]:7357', '::1', 7357)).toBe(true)
    expect(hostHeaderAllowed('rebound.evil.com:7357', '127.0.0.1', 7357)).toBe(false)
    expect(hostHeaderAllowed('127.0.0.1:7358', '127.0.0.1', 7357)).toBe(false)
    expect(hostHeaderAllowed(undefined, '127.0.0.1', 7357)).toBe(false)
    expect(hostHeaderAllowed('10.0.0.5:80', '10.0.0.5', 80)).toBe(true)
    expect(hostHeaderAllowed('localhost:80', '10.0.0.5', 80)).toBe(false)
    expect(hostHeaderAllowed('anything:1', '0.0.0.0', 1)).toBe(true)
  })

  it('accepts only the Origin of the page this server served', () => {
    expect(originAllowed('http://127.0.0.1:7357', '127.0.0.1:7357')).toBe(true)
    expect(originAllowed('http://evil.example', '127.0.0.1:7357')).toBe(false)
    expect(originAllowed('https://127.0.0.1:7357', '127.0.0.1:7357')).toBe(false)
    expect(originAllowed('null', '127.0.0.1:7357')).toBe(false)
    expect(originAllowed(undefined, '127.0.0.1:7357')).toBe(false)
  })

  it('brackets IPv6 hosts', () => {
    expect(hostWithPort('::1', 80)).toBe('[::1]:80')
    expect(hostWithPort('127.0.0.1', 80)).toBe('127.0.0.1:80')
  })
})
