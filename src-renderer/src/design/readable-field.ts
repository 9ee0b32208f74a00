// A profile field's name for people in the renderer: the shared name (field-names.ts, which knows list entries
// by their kind or task name), else the Design form's label, else the path itself.
import { fieldName } from '@shared/profile/field-names'
import { specFor } from './field-catalog'

export function readableField(path: string, profile: object = {}): string {
  const named = fieldName(path, profile)
  if (named !== path) return named
  return specFor(path)?.label ?? path
}
