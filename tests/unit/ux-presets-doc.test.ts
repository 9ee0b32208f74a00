// docs/ux.md lists the presets by name in the Design view's order: the list in the doc is the PRESETS array's.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PRESETS } from '../../src-shared/profile/presets'

/** The names docs/ux.md's "Presets" section gives, in its order (its first paragraph, joined by " · "). */
function presetNamesInDoc(): string[] {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'ux.md'), 'utf8')
  const section = /^## Presets\n\n([\s\S]*?)\n\(/m.exec(text)
  if (section === null) throw new Error('docs/ux.md has no "## Presets" section followed by its list')
  return section[1].replace(/\n/g, ' ').split(' · ').map((name) => name.trim())
}

describe('docs/ux.md presets', () => {
  it('names every preset, in the order the Design view lists them', () => {
    expect(presetNamesInDoc()).toEqual(PRESETS.map((p) => p.name))
  })
})
