// The built-in presets, validated: a preset is a profile like any other and must pass the same checks.
import type { PresetInfo } from '../../src-shared/api'
import { PRESETS } from '../../src-shared/profile/presets/index'
import { validateProfile } from '../../src-shared/profile/validate'

export function presetInfos(): PresetInfo[] {
  return PRESETS.map((preset) => {
    const checked = validateProfile(preset.profile)
    if (!checked.ok) {
      throw new Error(`preset "${preset.id}" is invalid: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
    }
    return { id: preset.id, name: preset.name, description: preset.description, profile: checked.profile }
  })
}

export function findPreset(idOrName: string): PresetInfo | undefined {
  const wanted = idOrName.toLowerCase()
  return presetInfos().find((p) => p.id.toLowerCase() === wanted || p.name.toLowerCase() === wanted)
}
