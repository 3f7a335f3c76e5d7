import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  colorMatrixValues,
  VISION_SIMULATIONS,
  visionFilterId,
  type VisionSimulation,
} from '#shared/style/vision-simulation';

/** The SVG filters the simulations use (run in linear RGB, as Machado et al. define them); rendered once. */
export function VisionFilters() {
  return (
    <svg width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }} data-testid="vision-filters">
      {VISION_SIMULATIONS.map((vision) => (
        <filter key={vision} id={visionFilterId(vision)} colorInterpolationFilters="linearRGB">
          <feColorMatrix type="matrix" values={colorMatrixValues(vision)} />
        </filter>
      ))}
    </svg>
  );
}

/** A CSS filter for an element shown as a viewer with `vision` would see it. */
export const visionFilter = (vision: VisionSimulation | '') => (vision ? `url(#${visionFilterId(vision)})` : undefined);

/** "Simulate colour vision": none, deuteranopia, protanopia, tritanopia, greyscale. */
export function VisionSelect({
  value,
  onChange,
  testId,
}: {
  value: VisionSimulation | '';
  onChange: (vision: VisionSimulation | '') => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('vision.simulate')}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as VisionSimulation | '')}>
        <option value="">{t('vision.normal')}</option>
        {VISION_SIMULATIONS.map((vision) => (
          <option key={vision} value={vision}>
            {t(`vision.${vision}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** While mounted with a simulation, the map (and so the presented slide) is drawn as that viewer would see it. */
export function useMapVisionSimulation(vision: VisionSimulation | '') {
  useEffect(() => {
    const root = document.documentElement;
    if (vision) root.dataset.visionSimulation = vision;
    else delete root.dataset.visionSimulation;
    return () => {
      delete root.dataset.visionSimulation;
    };
  }, [vision]);
}
