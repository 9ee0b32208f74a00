// Page conservation in the live engine: every token in exactly one place after real threads raced over the
// lists — owners allocating and freeing, drains from both CPUs at once — under every variant; and the audit
// itself catches a lost, a duplicated and a misplaced token, so a passing run means something.
import { describe, expect, it } from 'vitest'
import { VARIANTS } from '../../src-shared/profile/schema'
import { LiveState, ZONE_COUNT } from '../../src-main/live/live-state'
import { movePages, pcpPlace, zonePlace } from '../../src-main/live/page-moves'
import { runLiveJob } from '../../src-main/live/run-live'
import { auditTokens } from '../../src-main/live/token-audit'
import { contendedProfile } from '../support/live-profile'

describe('token audit', () => {
  const fresh = () => {
    const s = LiveState.create({ cpus: 2, tokens: 100, pcpCapacity: 40, heldCapacity: 10 }, { high: 32, batch: 8 })
    movePages(s, zonePlace(s), pcpPlace(s, 1), 20)
    return s
  }

  it('counts a consistent state as conserved', () => {
    expect(auditTokens(fresh(), true)).toMatchObject({ total: 100, inZone: 80, onPcplists: 20, held: 0, ok: true })
  })

  it('finds a lost, a duplicated and a misplaced token', () => {
    const lost = fresh()
    Atomics.sub(lost.words, ZONE_COUNT, 1)
    expect(auditTokens(lost, false)).toMatchObject({ lost: 1, ok: false })
    const duplicated = fresh()
    duplicated.zoneStore[0] = duplicated.zoneStore[1]
    expect(auditTokens(duplicated, false)).toMatchObject({ lost: 1, duplicated: 1, ok: false })
    const misplaced = fresh()
    misplaced.where[misplaced.zoneStore[0]] = 2
    expect(auditTokens(misplaced, false)).toMatchObject({ misplaced: 1, ok: false })
  })
})

describe('live runs under contention', () => {
  it.each(VARIANTS)('%s: every token is counted back after concurrent drains', async (variant) => {
    const r = await runLiveJob({ profile: contendedProfile(300), variant, seed: 1 })
    const t = r.live!.tokens
    expect(t).toMatchObject({ lost: 0, duplicated: 0, misplaced: 0 })
    expect(t.inZone + t.onPcplists + t.held).toBe(t.total)
    // the run did race: drains ran from both CPUs and pages moved
    expect(r.drains.completed).toBeGreaterThan(0)
    expect(new Set(r.drains.overTime.tNs).size).toBeGreaterThan(1)
    expect(r.events).toBeGreaterThan(100)
    // and the owners went to the zone both ways: rmqueue_bulk() refills and free_pcppages_bulk() frees
    const owners = r.live!.cpus.filter((c) => c.role === 'housekeeping')
    expect(owners.reduce((n, c) => n + c.refills, 0)).toBeGreaterThan(0)
    expect(owners.reduce((n, c) => n + c.bulkFrees, 0)).toBeGreaterThan(0)
  })
})
