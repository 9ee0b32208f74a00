// Serves the built renderer (out/renderer) read-only. Every request path is resolved inside the root
// or refused, so `..`, encoded `%2e%2e` and absolute paths cannot reach other files; a symlink counts
// by where it really points, so a link in the build cannot lead out of it either. Paths without a
// file extension fall back to index.html, so a reload on a view's address still opens the app.
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { mimeTypeFor } from './mime-types'

/** The file a URL path names inside root, or null when the path tries to leave it or is malformed. */
export function resolveInsideRoot(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const base = resolve(root)
  const target = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`)
  return isWithin(base, target) ? target : null
}

function isWithin(base: string, target: string): boolean {
  return target === base || target.startsWith(base + sep)
}

/** The real path of path (every symlink followed), or null when it does not exist. */
async function realPathOf(path: string): Promise<string | null> {
  try {
    return await realpath(path)
  } catch {
    return null
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

export type StaticLookup = { kind: 'file'; path: string } | { kind: 'not-found' } | { kind: 'forbidden' }

/**
 * A file that exists, checked by its real path: one that resolves outside the real root is forbidden.
 * The real path is what gets served, so the file read is the file checked.
 */
async function realFileInside(realRoot: string, path: string): Promise<StaticLookup> {
  const real = await realPathOf(path)
  if (real === null || !(await isFile(real))) return { kind: 'not-found' }
  return isWithin(realRoot, real) ? { kind: 'file', path: real } : { kind: 'forbidden' }
}

export async function lookupStaticFile(root: string, urlPath: string): Promise<StaticLookup> {
  const target = resolveInsideRoot(root, urlPath)
  if (target === null) return { kind: 'forbidden' }
  const realRoot = await realPathOf(root)
  if (realRoot === null) return { kind: 'not-found' }
  const found = await realFileInside(realRoot, target)
  if (found.kind !== 'not-found') return found
  if (target === resolve(root) || extname(target) === '') return realFileInside(realRoot, resolve(root, 'index.html'))
  return { kind: 'not-found' }
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drain Lab: renderer not built</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Drain Lab is running, but the UI has not been built</h1>
<p>The browser host serves the built renderer from <code>out/renderer</code>, which does not exist yet.
Run <code>npm run build</code> in the project folder, then reload this page.</p>
</body></html>
`

export function sendText(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, rootExists: boolean): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    sendText(res, 405, 'Method not allowed\n')
    return
  }
  if (!rootExists) {
    sendText(res, 503, MISSING_BUILD_PAGE, 'text/html; charset=utf-8')
    return
  }
  const urlPath = new URL(req.url ?? '/', 'http://host.invalid').pathname
  const found = await lookupStaticFile(root, urlPath)
  if (found.kind === 'forbidden') {
    sendText(res, 403, 'Forbidden\n')
    return
  }
  if (found.kind === 'not-found') {
    sendText(res, 404, 'Not found\n')
    return
  }
  const info = await stat(found.path)
  res.writeHead(200, {
    'Content-Type': mimeTypeFor(found.path),
    'Content-Length': info.size,
    // hashed asset names may be cached; index.html must not be, or a rebuild is not picked up
    'Cache-Control': found.path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // a rebuild can delete the file between stat and read: end this response, never the server
  createReadStream(found.path).on('error', () => res.destroy()).pipe(res)
}
