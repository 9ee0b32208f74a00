// Theme, the current view and the PNG export scale: how the shell shows things, nothing about the experiment.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

export const VIEWS = ['design', 'run', 'results', 'compare', 'sweep', 'history'] as const
export type View = (typeof VIEWS)[number]
export const VIEW_TITLES: Record<View, string> = {
  design: 'Design', run: 'Run', results: 'Results', compare: 'Compare', sweep: 'Sweep', history: 'History'
}

export type Theme = 'light' | 'dark'
export const THEME_KEY = 'drainlab.theme'

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY)
  if (saved === 'light' || saved === 'dark') return saved
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export const PNG_SCALES = [1, 2, 3, 4] as const
export const PNG_SCALE_KEY = 'drainlab.pngScale'

/** 2× by default: a 1× PNG of a 676 px chart is too coarse for a slide or a paper. */
function initialPngScale(): number {
  const saved = Number(localStorage.getItem(PNG_SCALE_KEY))
  return (PNG_SCALES as readonly number[]).includes(saved) ? saved : 2
}

export const useUiStore = defineStore('ui', () => {
  const theme = ref<Theme>(initialTheme())
  /** chart PNGs are drawn at this many pixels per CSS pixel */
  const pngScale = ref(initialPngScale())
  const view = ref<View>('design')
  /** A Design section to bring into view when Design shows next ("Design a sweep" lands on Sweep); Design clears it. */
  const designSection = ref<string | null>(null)
  /** An error no view handled; the shell shows it instead of leaving a blank or frozen screen. */
  const uncaught = ref<string | null>(null)

  watch(theme, (t) => {
    document.documentElement.dataset.theme = t
    localStorage.setItem(THEME_KEY, t)
  }, { immediate: true })

  watch(pngScale, (k) => localStorage.setItem(PNG_SCALE_KEY, String(k)))

  function toggleTheme(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark'
  }

  function show(next: View, section: string | null = null): void {
    view.value = next
    if (next === 'design') designSection.value = section
  }

  return { theme, view, uncaught, pngScale, designSection, toggleTheme, show }
})
