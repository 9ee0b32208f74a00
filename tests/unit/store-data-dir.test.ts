import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../src-main/store/data-dir'

describe('defaultDataDir', () => {
  it('follows XDG on Linux, ignoring an empty or relative XDG_DATA_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/drainlab')
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/u')).toBe('/data/drainlab')
    expect(defaultDataDir({ XDG_DATA_HOME: '' }, 'linux', '/home/u')).toBe('/home/u/.local/share/drainlab')
    expect(defaultDataDir({ XDG_DATA_HOME: 'rel' }, 'linux', '/home/u')).toBe('/home/u/.local/share/drainlab')
  })

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/drainlab')
    expect(defaultDataDir({ APPDATA: '/appdata' }, 'win32', '/home/u')).toMatch(/appdata.drainlab$/)
  })
})
