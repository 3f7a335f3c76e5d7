import { useTranslation } from 'react-i18next';
import { formatDecimalDegrees, formatUtm, toUtm } from '#shared/geo/utm';

export interface CursorPosition {
  longitude: number;
  latitude: number;
}

export function CursorCoordinates({ position }: { position: CursorPosition | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  return (
    <div className="cursor-coordinates" aria-label={t('coordinates.label')} data-testid="cursor-coordinates">
      {position ? (
        <>
          <span title={t('coordinates.decimal')} data-testid="cursor-decimal">
            {formatDecimalDegrees(position.longitude, position.latitude, locale)}
          </span>
          <span title={t('coordinates.utm')} data-testid="cursor-utm">
            UTM {formatUtm(toUtm(position.longitude, position.latitude))}
          </span>
        </>
      ) : (
        <span className="muted">{t('coordinates.outside')}</span>
      )}
    </div>
  );
}
