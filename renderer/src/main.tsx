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

initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
