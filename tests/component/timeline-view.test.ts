// The timeline's view as zooming and panning move it: inside the run, never narrower than the shortest span,
// a zoom keeping the time under the cursor where it is.
import { describe, expect, it } from 'vitest'
import { MIN_SPAN_NS, useTimelineView } from '../../src-renderer/src/timeline/timeline-view'

describe('timeline view', () => {
  it('zooms around a time, keeping it at the same share of the span', () => {
    const v = useTimelineView(() => 1_000_000)
    v.show(0, 1_000_000)
    v.zoomAround(750_000, 0.5)
    expect(v.view.value).toEqual({ fromNs: 375_000, toNs: 875_000 })
  })

  it('keeps the view inside the run and at least the shortest span wide', () => {
    const v = useTimelineView(() => 1_000_000)
    v.show(900_000, 1_200_000)
    expect(v.view.value).toEqual({ fromNs: 700_000, toNs: 1_000_000 })
    v.show(-50, -20)
    expect(v.view.value).toEqual({ fromNs: 0, toNs: MIN_SPAN_NS })
    v.show(0, Infinity)
    expect(v.view.value).toEqual(v.whole())
  })

  it('pans by a share of the span and stops at the ends', () => {
    const v = useTimelineView(() => 1_000)
    v.show(100, 300)
    v.pan(0.5)
    expect(v.view.value).toEqual({ fromNs: 200, toNs: 400 })
    v.pan(-10)
    expect(v.view.value).toEqual({ fromNs: 0, toNs: 200 })
  })
})
