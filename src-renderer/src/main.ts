import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { chooseConnection } from './api/choose-connection'
import { setLabConnection } from './api/lab-instance'
import './styles.css'

setLabConnection(chooseConnection())
createApp(App).use(createPinia()).mount('#app')
