import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A layer's opacity in per cent: the map follows on release (pointer up, key up, leaving the slider), so dragging
 * is one undo step, not one per pixel.
 */
export function OpacitySlider({
  value,
  testId,
  onCommit,
  label,
}: {
  value: number;
  testId: string;
  onCommit: (opacity: number) => void;
  /** What the slider sets, when not the opacity (a background's brightness). */
  label?: string;
}) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState(Math.round(value * 100));
  useEffect(() => setPercent(Math.round(value * 100)), [value]);
  const commit = () => {
    if (percent !== Math.round(value * 100)) onCommit(percent / 100);
  };
  return (
    <label className="opacity-slider">
      {label ?? t('layers.opacity')}
      <input
        type="range"
        min={10}
        max={100}
        step={5}
        value={percent}
        data-testid={testId}
        aria-valuetext={`${percent} %`}
        onChange={(event) => setPercent(Number(event.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <span className="muted">{percent} %</span>
    </label>
  );
}
