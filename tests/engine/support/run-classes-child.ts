// Run by run-hidden-classes.test.ts under `node --allow-natives-syntax`: for each profile of the engine's identity
// check (every preset, one per anti-starvation policy and task mode — stalld, the fair server — the heavy
// scenario of issue 10, ZONE_DMA32's lists) and each variant, builds a Simulation, runs another of the same
// profile past 2^31 ns of simulated time, builds a third, and walks the first and the third side by side: every
// object the run's classes hold must have the same hidden class in both (V8's %HaveSameMap). Prints, per class
// whose objects changed hidden class, the first place one was found. Arrays are left out: an empty array
// literal's elements kind, which V8 remembers per allocation site, is not a class's field. Also prints whether
// the four variants' traits, which a run's components hold, share one hidden class.
import { Simulation } from '../../../src-main/engine/simulation'
import { VARIANT_TRAITS } from '../../../src-shared/kernel/variant-traits'
import { VARIANTS } from '../../../src-shared/profile/schema'
import { identityProfiles } from '../../../scripts/engine-identity-jobs'
import { haveSameMap } from './have-same-map'

/** past 2^31 ns, where a time stored as a small integer outgrows one on this Node (2^30 with compressed pointers) */
const DURATION_MS = 2_500

const changed = new Map<string, string>()
for (const { id: name, profile: checked } of identityProfiles()) {
  const profile = { ...checked, run: { ...checked.run, durationMs: DURATION_MS, seeds: [1] } }
  for (const variant of VARIANTS) {
    const before = new Simulation(profile, variant, 1)
    new Simulation(profile, variant, 1).run()
    const after = new Simulation(profile, variant, 1)
    const seen = new Set<object>()
    const walk = (a: unknown, b: unknown, path: string): void => {
      if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || seen.has(a) || ArrayBuffer.isView(a)) return
      seen.add(a)
      // before anything reads the object: a property read moves an object whose class was replaced to the new class
      const same = Array.isArray(a) || haveSameMap(a, b)
      const className = a.constructor?.name ?? 'Object'
      if (!same && !changed.has(className)) changed.set(className, `${name}/${variant}: ${path}`)
      for (const key of Object.keys(a)) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`)
    }
    walk(before, after, 'simulation')
  }
}
const traitsShareClass = VARIANTS.every((v) => haveSameMap(VARIANT_TRAITS[VARIANTS[0]], VARIANT_TRAITS[v]))
process.stdout.write(JSON.stringify({ changed: Object.fromEntries(changed), traitsShareClass }))
