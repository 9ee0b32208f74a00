// A named, described starting profile of the Design view and `drainlab presets`.
import type { ProfileInput } from '../schema'

export interface Preset {
  /** kebab-case id, stable across versions */
  id: string
  name: string
  /** what the preset demonstrates */
  description: string
  profile: ProfileInput
}
