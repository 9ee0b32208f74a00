#!/usr/bin/env node
// The drainlab command runs straight from the TypeScript sources (no build step for the CLI):
// tsx compiles on load, so `npx drainlab` works right after `npm install`.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src-main/cli/main.ts')
process.exitCode = await main(process.argv, { root: fileURLToPath(new URL('..', import.meta.url)) })
