// The packaged app loads the renderer from file://, where Electron's webRequest hooks do not run, so
// the page's own <meta> CSP is the policy there. Guard it: strict defaults, no script escape hatches.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src-shared/content-security-policy'

const html = readFileSync(resolve(import.meta.dirname, '../../src-renderer/index.html'), 'utf8')

function metaCsp(): Map<string, string[]> {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  if (!match) throw new Error('src-renderer/index.html has no Content-Security-Policy meta tag')
  return new Map(match[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]))
}

describe('renderer CSP (the policy of the packaged app)', () => {
  it('is the shared policy for <meta> delivery: connections to its own origin only', () => {
    const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
    expect(match?.[1]).toBe(contentSecurityPolicy([], 'meta'))
    expect(metaCsp().get('connect-src')).toEqual(["'self'"])
  })

  it('defaults to self and allows scripts from self only', () => {
    const csp = metaCsp()
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
  })

  it('has no eval, no inline scripts and no plugins', () => {
    const csp = metaCsp()
    for (const [name, values] of csp) {
      if (name === 'style-src') continue
      expect(values, name).not.toContain("'unsafe-inline'")
      expect(values, name).not.toContain("'unsafe-eval'")
      expect(values, name).not.toContain('*')
    }
    expect(csp.get('object-src')).toEqual(["'none'"])
  })
})
