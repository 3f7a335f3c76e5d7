import { useTranslation } from 'react-i18next';

/** A panel's row of sections (Retribusi: wajib retribusi, penetapan …); each button worded from `${prefix}.${name}`. */
export function SubTabs<S extends string>({
  sections,
  current,
  onChange,
  prefix,
  testIdPrefix,
}: {
  sections: readonly S[];
  current: S;
  onChange: (section: S) => void;
  /** i18n key the section names are under, e.g. `retribution.section`. */
  prefix: string;
  /** data-testid of each button: `${testIdPrefix}-${name}`. */
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <nav className="sub-tabs" role="tablist">
      {sections.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={current === name}
          data-testid={`${testIdPrefix}-${name}`}
          onClick={() => onChange(name)}
        >
          {t(`${prefix}.${name}`)}
        </button>
      ))}
    </nav>
  );
}
