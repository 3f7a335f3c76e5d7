import { SubTabs } from '../../components/sub-tabs';
import { useTranslation } from 'react-i18next';
import type { Locale } from '#shared/format/format-number';
import { usePanelState, useSnapshot } from '../../state/store-context';
import { ObligorsSection } from './obligors-section';
import { AssessSection } from './assess-section';
import { PaymentsSection } from './payments-section';
import { ArrearsSection } from './arrears-section';
import { StandingMapSection } from './standing-map-section';
import { CollectionSection } from './collection-section';

const SECTIONS = ['obligors', 'assess', 'payments', 'arrears', 'collection', 'map'] as const;
type Section = (typeof SECTIONS)[number];

/** The retribution register: obligors and their owner names, assessments (SKRD), payments, arrears. */
export function RetributionPanel() {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const snapshot = useSnapshot();
  const [section, setSection] = usePanelState<Section>('retribution.section', 'obligors');
  const register = snapshot.retribution;
  const hasDemo = !!register && [...register.obligors, ...register.assessments].some((record) => record.demo);
  return (
    <section className="panel retribution-panel" data-testid="retribution-panel" aria-label={t('retribution.title')}>
      <h2>{t('retribution.title')}</h2>
      {hasDemo && (
        <p className="panel-message info" data-testid="retribution-demo">
          {t('retribution.demoNote')}
        </p>
      )}
      <SubTabs
        sections={SECTIONS}
        current={section}
        onChange={setSection}
        prefix="retribution.section"
        testIdPrefix="retribution-tab"
      />
      {!register ? (
        <p>{t('retribution.loading')}</p>
      ) : section === 'obligors' ? (
        <ObligorsSection register={register} />
      ) : section === 'assess' ? (
        <AssessSection register={register} locale={locale} />
      ) : section === 'payments' ? (
        <PaymentsSection register={register} locale={locale} />
      ) : section === 'arrears' ? (
        <ArrearsSection register={register} locale={locale} />
      ) : section === 'collection' ? (
        <CollectionSection register={register} locale={locale} />
      ) : (
        <StandingMapSection register={register} locale={locale} />
      )}
    </section>
  );
}
