import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { chooseConnection } from './api/choose-connection'
import { setLabConnection } from './api/lab-instance'
import { useUiStore } from './stores/ui'
import './styles.css'

setLabConnection(chooseConnection())
const app = createApp(App).use(createPinia())
const ui = useUiStore()
// a bug in one view must not blank the window: say what failed and keep the rest usable
app.config.errorHandler = (err, _instance, where) => {
  console.error(err)
  ui.uncaught = `${err instanceof Error ? err.message : String(err)} (in ${where})`
}
window.addEventListener('unhandledrejection', (e) => {
  ui.uncaught = e.reason instanceof Error ? e.reason.message : String(e.reason)
})
app.mount('#app')
