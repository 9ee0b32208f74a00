// The browser's file picker, the same in both hosts: a hidden <input type="file"> clicked once and removed
// when the user picks. The page reads the files it is given; no path reaches the lab. `testId` lets the e2e
// tests set files on the input (Playwright's setInputFiles).

export interface PickFilesOptions {
  testId: string
  accept?: string
  multiple?: boolean
}

/** Opens the picker; `onPick` gets the chosen files (never an empty list: a cancelled pick calls nothing). */
export function pickFiles(o: PickFilesOptions, onPick: (files: File[]) => void): void {
  const input = document.createElement('input')
  input.type = 'file'
  if (o.accept !== undefined) input.accept = o.accept
  input.multiple = o.multiple === true
  input.dataset.testid = o.testId
  input.style.display = 'none'
  input.addEventListener('change', () => {
    const picked = [...(input.files ?? [])]
    input.remove()
    if (picked.length > 0) onPick(picked)
  })
  document.body.append(input)
  input.click()
}
