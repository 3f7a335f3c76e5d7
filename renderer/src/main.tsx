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
import { AppBoundary } from './components/panel-boundary';
import { AppStore } from './state/app-store';
import { StoreContext } from './state/store-context';
import { PresenterView } from './present/presenter-view';
import { preloadStoredBlocks } from './map/tiled-layers';
import { PRESENTER_VIEW_HASH } from '#shared/host/host-api';

initI18n();
const root = createRoot(document.getElementById('root')!);

if (location.hash === PRESENTER_VIEW_HASH) {
  // The presenter's second window: notes and next slide only, no map.
  root.render(
    <StrictMode>
      <AppBoundary>
        <PresenterView />
      </AppBoundary>
    </StrictMode>,
  );
} else {
  const store = new AppStore();
  window.rumijaStore = store;
  store.document.blocksRead = preloadStoredBlocks;
  void store.load();
  root.render(
    <StrictMode>
      <AppBoundary>
        <StoreContext.Provider value={store}>
          <App />
        </StoreContext.Provider>
      </AppBoundary>
    </StrictMode>,
  );
}
