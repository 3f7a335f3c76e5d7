import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Latin subsets only: Indonesian and English need nothing else, and it keeps the bundle small.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-400-italic.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import './styles.css';
import { initI18n } from './i18n';
import { App } from './app';
import { AppStore } from './state/app-store';
import { StoreContext } from './state/store-context';

initI18n();
const store = new AppStore();
window.rumijaStore = store;
void store.load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
