import { SubTabs } from '../../components/sub-tabs';
import { useTranslation } from 'react-i18next';
import type { Locale } from '#shared/format/format-number';
import { usePanelState, useSnapshot } from '../../state/store-context';
import { PlanSection } from './plan-section';
import { CatalogueSection } from './catalogue-section';

const SECTIONS = ['plan', 'catalogue'] as const;
type Section = (typeof SECTIONS)[number];

/** The road programme: a yearly budget filled by priority, and the rules and unit costs it is priced with. */
export function ProgrammePanel() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const { workProgramme, handlingCatalogues, layers } = useSnapshot();
  const [section, setSection] = usePanelState<Section>('programme.section', 'plan');
  const catalogue =
    handlingCatalogues.find((candidate) => candidate.id === workProgramme?.catalogueId) ?? handlingCatalogues[0];
  const demo = layers.some((layer) => layer.demo && (layer.kind === 'road' || layer.kind === 'bridge'));
  return (
    <section className="panel programme-panel" data-testid="programme-panel" aria-label={t('programme.title')}>
      <h2>{t('programme.title')}</h2>
      {(demo || catalogue?.example) && (
        <p className="panel-message info" data-testid="programme-demo">
          {t(
            demo && catalogue?.example
              ? 'programme.demoNote'
              : demo
                ? 'programme.demoNetworkNote'
                : 'programme.exampleCostsNote',
          )}
        </p>
      )}
      <SubTabs
        sections={SECTIONS}
        current={section}
        onChange={setSection}
        prefix="programme.section"
        testIdPrefix="programme-tab"
      />
      {!workProgramme ? null : !catalogue ? (
        <p>{t('programme.noCatalogue')}</p>
      ) : section === 'plan' ? (
        <PlanSection programme={workProgramme} catalogue={catalogue} demo={demo} locale={locale} />
      ) : (
        <CatalogueSection catalogue={catalogue} locale={locale} />
      )}
    </section>
  );
}
