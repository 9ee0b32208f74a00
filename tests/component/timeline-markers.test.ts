// The timeline's markers A and B: placed in turn, a third starting over, and the delta between them as the
// toolbar and the canvas say it; and the lines of a miss the side panel explains.
import { describe, expect, it } from 'vitest'
import { markerLines, markerText, placeMarker, USER_MARKER_COLOR } from '../../src-renderer/src/timeline/timeline-markers'
import { missLines } from '../../src-renderer/src/timeline/timeline-selection'

describe('timeline markers', () => {
  it('places A, then B, and a third placement starts over at A', () => {
    expect(placeMarker([], 100)).toEqual([100])
    expect(placeMarker([100], 50)).toEqual([100, 50])
    expect(placeMarker([100, 50], 7)).toEqual([7])
  })

  it('reads the delta between A and B, whichever is later', () => {
    expect(markerText([], 1e3)).toBe('')
    expect(markerText([1_000], 1e3)).toContain('place B')
    expect(markerText([2_000_000, 2_012_300], 1e3)).toBe('A 2.000 ms · B 2.012 ms · Δ 12.3 µs')
    expect(markerText([2_012_300, 2_000_000], 1e3)).toContain('Δ 12.3 µs')
    // placed on a 100 ms view (a hundredth: 1 ms), they read as formatNs does: no microseconds a pixel cannot place
    expect(markerText([25_054_000, 50_000_000], 1e6)).toBe('A 25.1 ms · B 50.0 ms · Δ 24.9 ms')
  })

  it('draws a line per marker in the markers\' colour, B labelled with the delta', () => {
    expect(markerLines([100, 1_600])).toEqual([
      { ns: 100, label: 'A', color: USER_MARKER_COLOR },
      { ns: 1_600, label: 'B Δ 1.50 µs', color: USER_MARKER_COLOR }
    ])
  })
})

describe('an explained miss on the canvas', () => {
  it('draws its release and its finish in the miss colour, nothing for a miss without a breakdown', () => {
    const sample = { task: 'loop2', cpu: 2, releaseNs: 1_000, valueNs: 2_500, deadlineNs: 2_000, breakdown: [{ source: 'runtime' as const, ns: 2_500 }] }
    expect(missLines({ what: 'miss', stack: 0, cpu: 2, atNs: 3_000, sample })).toEqual([
      { ns: 1_000, label: 'release (loop2, CPU 2)', color: '#C62828' },
      { ns: 3_500, label: 'finish +2.50 µs', color: '#C62828' }
    ])
    expect(missLines({ what: 'miss', stack: 0, cpu: 2, atNs: 3_000, sample: null })).toEqual([])
    expect(missLines(null)).toEqual([])
  })
})
