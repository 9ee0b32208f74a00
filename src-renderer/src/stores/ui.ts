// Theme and the current view: what the shell shows, nothing about the experiment.
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

export const useUiStore = defineStore('ui', () => {
  const theme = ref<Theme>(initialTheme())
  const view = ref<View>('design')
  /** A Design section to bring into view when Design shows next ("Design a sweep" lands on Sweep); Design clears it. */
  const designSection = ref<string | null>(null)
  /** An error no view handled; the shell shows it instead of leaving a blank or frozen screen. */
  const uncaught = ref<string | null>(null)

  watch(theme, (t) => {
    document.documentElement.dataset.theme = t
    localStorage.setItem(THEME_KEY, t)
  }, { immediate: true })

  function toggleTheme(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark'
  }

  function show(next: View, section: string | null = null): void {
    view.value = next
    if (next === 'design') designSection.value = section
  }

  return { theme, view, uncaught, designSection, toggleTheme, show }
})
