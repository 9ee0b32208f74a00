// The layering rule of DEVELOPERS.md ("Layout and layering") as an allow-list, like VS Code's code-import-patterns rule: each
// layer names what it may import, so a new dependency between layers (or on a package) is a decision
// written in eslint.config.mjs, never an accident. Everything an import names is reduced to one target:
// a repository path for files (relative imports resolved, the @shared alias expanded), `node:x` for
// Node built-ins (with or without the prefix), or the package name.
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

const BUILTINS = new Set(builtinModules)
const ALIASES = [['@shared/', 'src-shared/']]

/** 'a/b/c' for a file import (repo-relative, no extension or query), 'node:fs', or a package name. */
export function importTarget(specifier, fromFile, repoRoot) {
  const bare = specifier.replace(/\?.*$/, '')
  const alias = ALIASES.find(([prefix]) => bare.startsWith(prefix))
  const repoPath = alias
    ? alias[1] + bare.slice(alias[0].length)
    : bare.startsWith('.') ? relative(repoRoot, resolve(dirname(fromFile), bare)).split(sep).join('/') : null
  if (repoPath !== null) return repoPath.replace(/\.(ts|mts|mjs|js|vue)$/, '')
  if (bare.startsWith('node:')) return bare
  const root = bare.split('/')[0]
  if (BUILTINS.has(root)) return `node:${bare}`
  return bare.startsWith('@') ? bare.split('/').slice(0, 2).join('/') : root
}

/** 'dir/**' allows everything under dir, 'node:*' every built-in, anything else exactly itself (a built-in also with its subpaths). */
export function isAllowed(target, patterns) {
  return patterns.some((pattern) => {
    if (pattern.endsWith('/**')) return target.startsWith(pattern.slice(0, -2))
    if (pattern === 'node:*') return target.startsWith('node:')
    return target === pattern || (pattern.startsWith('node:') && target.startsWith(`${pattern}/`))
  })
}

/** True for `import type …` and `export type … from`, which vanish from the built code. */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true
  return node.type === 'ImportDeclaration' && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'each layer imports only what its allow-list names (DEVELOPERS.md, "Layout and layering")' },
    schema: [{
      type: 'object',
      properties: {
        layer: { type: 'string' },
        allow: { type: 'array', items: { type: 'string' } },
        allowTypes: { type: 'array', items: { type: 'string' } },
        why: { type: 'string' }
      },
      required: ['layer', 'allow', 'why'],
      additionalProperties: false
    }],
    messages: { notAllowed: "{{layer}} may not import '{{target}}': {{why}}" }
  },
  create(context) {
    const { layer, allow, allowTypes = [], why } = context.options[0]
    const check = (node, source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return
      const target = importTarget(source.value, context.filename, context.cwd)
      if (isAllowed(target, allow) || (isTypeOnly(node) && isAllowed(target, allowTypes))) return
      context.report({ node: source, messageId: 'notAllowed', data: { layer, target, why } })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source)
    }
  }
}
