// A value of the wrong type is said in the profile's words (src-shared/profile/issues.ts): what the field must
// be and what was written, where zod's own wording read "Invalid input: expected number, received string".
import { describe, expect, it } from 'vitest'
import { PRESETS } from '../../src-shared/profile/presets'
import { validateProfile } from '../../src-shared/profile/validate'

describe('profile issues of a wrong type', () => {
  it('say what the field must be and what it holds, and keep a schema\'s own message', () => {
    const preset = PRESETS[0].profile
    const v = validateProfile({
      ...preset,
      machine: { ...preset.machine, cpus: '16', llcShared: 'yes' },
      kernel: { ...preset.kernel, variants: 'direct' },
      rtTasks: [{ ...preset.rtTasks![0], cpu: [1] }, ...preset.rtTasks!.slice(1)]
    })
    expect(v.ok).toBe(false)
    expect(v.ok ? [] : v.issues).toEqual([
      { path: 'machine.cpus', message: 'must be a number, not the text "16" (write the number without quotes)' },
      { path: 'machine.llcShared', message: 'must be true or false, not the text "yes"' },
      { path: 'kernel.variants', message: 'must be a list, not the text "direct"' },
      { path: 'rtTasks.0.cpu', message: 'cpu must be a number' }
    ])
  })
})
