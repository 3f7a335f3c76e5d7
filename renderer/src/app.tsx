import { useTranslation } from 'react-i18next';
import { MapView } from './map/map-view';
import { LanguageSwitch } from './components/language-switch';

export function App() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-subtitle" data-testid="app-subtitle">{t('app.subtitle')}</span>
        </div>
        <span className="department">{t('app.department')}</span>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <MapView />
      </main>
    </div>
  );
}
