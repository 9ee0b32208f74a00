// A recording stand-in for CanvasRenderingContext2D that writes SVG: Chart.js draws into it exactly as
// it draws on screen, and every line, area and label comes out as a vector element (no embedded
// bitmap). It implements the part of the 2D API Chart.js and its annotation plugin use: paths, rects,
// arcs, text, transforms, clipping, dashes, alpha, and 'destination-over' for the background fill.
// One recorder for both SVG exports, the UI's (what is on screen, current zoom) and the lab's (CLI and
// exportResults), so the two files agree. Pure: text is measured by whatever the host passes in (a
// browser canvas, @napi-rs/canvas), the 2D API's string types are spelled out here, not taken from the DOM.

type Matrix = [number, number, number, number, number, number]
type LineCap = 'butt' | 'round' | 'square'
type LineJoin = 'bevel' | 'miter' | 'round'
type TextAlign = 'center' | 'end' | 'left' | 'right' | 'start'
type TextBaseline = 'alphabetic' | 'bottom' | 'hanging' | 'ideographic' | 'middle' | 'top'
interface Matrix2D { a?: number; b?: number; c?: number; d?: number; e?: number; f?: number }

/** What Chart.js reads of a measured text; a host's TextMetrics has it too. */
export interface TextSize {
  width: number
}

/** Measures text in a CSS font ("12px sans-serif") the way the host's canvas would draw it. */
export type MeasureText = (font: string, text: string) => TextSize

/** Without a host canvas: an average glyph is about 0.6 em wide in the sans-serif fonts charts use. */
export const estimateTextSize: MeasureText = (font, text) => {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10)
  return { width: text.length * size * 0.6 }
}

interface DrawState {
  m: Matrix
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  lineDash: number[]
  lineCap: LineCap
  lineJoin: LineJoin
  font: string
  textAlign: TextAlign
  textBaseline: TextBaseline
  globalAlpha: number
  globalCompositeOperation: string
  clip: string | null
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]
]

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const num = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0')
const colour = (style: unknown) => (typeof style === 'string' ? style : '#888888')

/** Arcs become line segments after the transform: exact enough for points and legend markers. */
const ARC_SEGMENTS_PER_TURN = 48

export class SvgRecordingContext {
  readonly canvas: { width: number; height: number; style: Record<string, string>; getContext: () => SvgRecordingContext }
  private state: DrawState = {
    m: [...IDENTITY], fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, lineDash: [], lineCap: 'butt', lineJoin: 'miter',
    font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', globalAlpha: 1, globalCompositeOperation: 'source-over', clip: null
  }
  private stack: DrawState[] = []
  private path: string[] = []
  private pen: [number, number] | null = null
  private elements: string[] = []
  private underlay: string[] = []
  private defs: string[] = []
  private clipCount = 0

  constructor(readonly width: number, readonly height: number, private readonly measure: MeasureText = estimateTextSize) {
    this.canvas = { width, height, style: {}, getContext: () => this }
  }

  // --- state -------------------------------------------------------------------------------
  get fillStyle(): string { return this.state.fillStyle }
  set fillStyle(v: unknown) { this.state.fillStyle = colour(v) }
  get strokeStyle(): string { return this.state.strokeStyle }
  set strokeStyle(v: unknown) { this.state.strokeStyle = colour(v) }
  get lineWidth(): number { return this.state.lineWidth }
  set lineWidth(v: number) { this.state.lineWidth = v }
  get lineCap(): LineCap { return this.state.lineCap }
  set lineCap(v: LineCap) { this.state.lineCap = v }
  get lineJoin(): LineJoin { return this.state.lineJoin }
  set lineJoin(v: LineJoin) { this.state.lineJoin = v }
  get font(): string { return this.state.font }
  set font(v: string) { this.state.font = v }
  get textAlign(): TextAlign { return this.state.textAlign }
  set textAlign(v: TextAlign) { this.state.textAlign = v }
  get textBaseline(): TextBaseline { return this.state.textBaseline }
  set textBaseline(v: TextBaseline) { this.state.textBaseline = v }
  get globalAlpha(): number { return this.state.globalAlpha }
  set globalAlpha(v: number) { this.state.globalAlpha = v }
  get globalCompositeOperation(): string { return this.state.globalCompositeOperation }
  set globalCompositeOperation(v: string) { this.state.globalCompositeOperation = v }
  lineDashOffset = 0
  miterLimit = 10
  shadowBlur = 0
  shadowColor = 'transparent'
  shadowOffsetX = 0
  shadowOffsetY = 0
  imageSmoothingEnabled = true

  save(): void { this.stack.push({ ...this.state, m: [...this.state.m] as Matrix, lineDash: [...this.state.lineDash] }) }
  restore(): void { this.state = this.stack.pop() ?? this.state }
  setLineDash(dash: number[]): void { this.state.lineDash = [...dash] }
  getLineDash(): number[] { return [...this.state.lineDash] }

  // --- transforms ---------------------------------------------------------------------------
  translate(x: number, y: number): void { this.state.m = multiply(this.state.m, [1, 0, 0, 1, x, y]) }
  scale(x: number, y: number): void { this.state.m = multiply(this.state.m, [x, 0, 0, y, 0, 0]) }
  rotate(a: number): void { this.state.m = multiply(this.state.m, [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0]) }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void { this.state.m = multiply(this.state.m, [a, b, c, d, e, f]) }
  setTransform(a: number | Matrix2D = 1, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    this.state.m = typeof a === 'number' ? [a, b, c, d, e, f] : [a.a ?? 1, a.b ?? 0, a.c ?? 0, a.d ?? 1, a.e ?? 0, a.f ?? 0]
  }
  resetTransform(): void { this.state.m = [...IDENTITY] }

  private point(x: number, y: number): [number, number] {
    const m = this.state.m
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
  }

  /** How much the current transform scales lengths (line widths, dashes). */
  private lengthScale(): number {
    const m = this.state.m
    return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1
  }

  // --- paths --------------------------------------------------------------------------------
  beginPath(): void { this.path = []; this.pen = null }
  closePath(): void { this.path.push('Z') }
  moveTo(x: number, y: number): void {
    const [px, py] = this.point(x, y)
    this.path.push(`M${num(px)} ${num(py)}`)
    this.pen = [x, y]
  }
  lineTo(x: number, y: number): void {
    const [px, py] = this.point(x, y)
    this.path.push(`${this.pen ? 'L' : 'M'}${num(px)} ${num(py)}`)
    this.pen = [x, y]
  }
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    const [a, b] = this.point(c1x, c1y)
    const [c, d] = this.point(c2x, c2y)
    const [e, f] = this.point(x, y)
    this.path.push(`C${num(a)} ${num(b)} ${num(c)} ${num(d)} ${num(e)} ${num(f)}`)
    this.pen = [x, y]
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    const [a, b] = this.point(cx, cy)
    const [e, f] = this.point(x, y)
    this.path.push(`Q${num(a)} ${num(b)} ${num(e)} ${num(f)}`)
    this.pen = [x, y]
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y)
    this.lineTo(x + w, y)
    this.lineTo(x + w, y + h)
    this.lineTo(x, y + h)
    this.closePath()
  }
  roundRect(x: number, y: number, w: number, h: number): void { this.rect(x, y, w, h) }
  arc(cx: number, cy: number, r: number, start: number, end: number, ccw = false): void {
    let sweep = end - start
    if (!ccw && sweep < 0) sweep = (sweep % (2 * Math.PI)) + 2 * Math.PI
    if (ccw && sweep > 0) sweep = (sweep % (2 * Math.PI)) - 2 * Math.PI
    if (Math.abs(end - start) >= 2 * Math.PI) sweep = ccw ? -2 * Math.PI : 2 * Math.PI
    const steps = Math.max(4, Math.ceil((Math.abs(sweep) / (2 * Math.PI)) * ARC_SEGMENTS_PER_TURN))
    for (let i = 0; i <= steps; i++) {
      const a = start + (sweep * i) / steps
      this.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a))
    }
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, rotation: number, start: number, end: number, ccw = false): void {
    this.save()
    this.translate(cx, cy)
    this.rotate(rotation)
    this.scale(rx, ry)
    this.arc(0, 0, 1, start, end, ccw)
    this.restore()
  }

  private emit(element: string): void {
    // clip paths are in page coordinates: a group keeps them out of a text element's own transform
    const tagged = this.state.clip ? `<g clip-path="url(#${this.state.clip})">${element}</g>` : element
    if (this.state.globalCompositeOperation === 'destination-over') this.underlay.unshift(tagged)
    else this.elements.push(tagged)
  }

  private alpha(attr: string): string {
    return this.state.globalAlpha < 1 ? ` ${attr}="${num(this.state.globalAlpha)}"` : ''
  }

  fill(): void {
    if (!this.path.length) return
    this.emit(`<path d="${this.path.join('')}" fill="${escapeXml(this.state.fillStyle)}"${this.alpha('fill-opacity')}/>`)
  }

  stroke(): void {
    if (!this.path.length) return
    const s = this.lengthScale()
    const dash = this.state.lineDash.length ? ` stroke-dasharray="${this.state.lineDash.map((d) => num(d * s)).join(' ')}"` : ''
    this.emit(`<path d="${this.path.join('')}" fill="none" stroke="${escapeXml(this.state.strokeStyle)}" stroke-width="${num(this.state.lineWidth * s)}" stroke-linecap="${this.state.lineCap}" stroke-linejoin="${this.state.lineJoin}"${dash}${this.alpha('stroke-opacity')}/>`)
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path
    this.beginPath()
    this.rect(x, y, w, h)
    this.fill()
    this.path = saved
  }

  strokeRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path
    this.beginPath()
    this.rect(x, y, w, h)
    this.stroke()
    this.path = saved
  }

  /** The SVG starts empty: clearing draws nothing. */
  clearRect(): void {}

  clip(): void {
    const id = `clip${this.clipCount++}`
    this.defs.push(`<clipPath id="${id}"><path d="${this.path.join('') || 'M0 0'}"/></clipPath>`)
    this.state.clip = id
  }

  // --- text ---------------------------------------------------------------------------------
  measureText(text: string): TextSize {
    return this.measure(this.state.font, text)
  }

  private text(text: string, x: number, y: number, paint: string): void {
    const anchor = { start: 'start', left: 'start', center: 'middle', right: 'end', end: 'end' }[this.state.textAlign]
    const baseline = { top: 'text-before-edge', hanging: 'hanging', middle: 'central', alphabetic: 'alphabetic', ideographic: 'ideographic', bottom: 'text-after-edge' }[this.state.textBaseline]
    const m = this.state.m
    // most labels are only moved: the move goes into x and y, and SVG's own defaults (start, alphabetic) are
    // left out, which keeps a chart's many tick labels short
    const moved = m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1
    const at = moved ? `x="${num(x + m[4])}" y="${num(y + m[5])}"` : `x="${num(x)}" y="${num(y)}" transform="matrix(${m.map(num).join(' ')})"`
    const align = `${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}${baseline === 'alphabetic' ? '' : ` dominant-baseline="${baseline}"`}`
    this.emit(`<text ${at}${align} style="font: ${escapeXml(this.state.font)}" ${paint}${this.alpha('opacity')}>${escapeXml(text)}</text>`)
  }

  fillText(text: string, x: number, y: number): void {
    this.text(String(text), x, y, `fill="${escapeXml(this.state.fillStyle)}"`)
  }

  strokeText(text: string, x: number, y: number): void {
    this.text(String(text), x, y, `fill="none" stroke="${escapeXml(this.state.strokeStyle)}" stroke-width="${num(this.state.lineWidth)}"`)
  }

  /** Point-style images are not used by the lab's charts; a bitmap would defeat the vector export. */
  drawImage(): void {}

  /** Gradients are not used by the lab's charts: a stop-less stand-in that Chart.js can hold. */
  createLinearGradient(): { addColorStop: () => void } {
    return { addColorStop: () => {} }
  }

  createRadialGradient(): { addColorStop: () => void } {
    return this.createLinearGradient()
  }

  isPointInPath(): boolean { return false }

  /** The finished document, a standalone file: the declaration says UTF-8, which labels like "µs" need. */
  toSvg(): string {
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">`,
      this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '',
      ...this.underlay,
      ...this.elements,
      '</svg>'
    ].join('\n')
  }
}
