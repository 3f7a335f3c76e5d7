import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SURFACES } from '#shared/model/road-network';
import { BRIDGE_HANDLINGS, ROAD_HANDLINGS, exampleWordsLeft } from '#shared/programme/handling-catalogue';
import { formatNumber, type Locale } from '#shared/format/format-number';
import type { StoredHandlingCatalogue } from '../../persistence/database';
import { useMessage } from '../../components/use-message';
import { OutcomeMessage, type Outcome } from '../../components/outcome-message';
import { messageOf } from '#shared/format/message-of';
import { useStore } from '../../state/store-context';
import { NumberField } from '../../components/number-field';

/** Rules from condition to handling and the unit costs of one catalogue; saving makes a new version. */
export function CatalogueSection({ catalogue, locale }: { catalogue: StoredHandlingCatalogue; locale: Locale }) {
  const { t } = useTranslation();
  const store = useStore();
  const [draft, setDraft] = useState(catalogue);
  // Another version (a save, an undo, a redo) replaces the draft.
  useEffect(() => setDraft(catalogue), [catalogue]);
  const [message, setMessage] = useMessage<Outcome>();

  const bands = [...new Set(draft.roadCosts.map((row) => row.maxWidthM))].sort(
    (a, b) => (a ?? Infinity) - (b ?? Infinity),
  );
  const widest = Math.max(0, ...bands.filter((band): band is number => band !== null));
  const bandLabel = (band: number | null) =>
    band !== null
      ? t('programme.catalogue.upTo', { width: formatNumber(band, locale, 1) })
      : widest > 0
        ? t('programme.catalogue.wider', { width: formatNumber(widest, locale, 1) })
        : t('programme.catalogue.anyWidth');
  const invalid =
    draft.roadCosts.some((row) => !Number.isFinite(row.costPerKmIdr)) ||
    draft.bridgeCosts.some((row) => !Number.isFinite(row.costPerMetreIdr)) ||
    !Number.isFinite(draft.assumedWidthM);

  const save = async () => {
    if (invalid) {
      setMessage({ kind: 'error', text: t('programme.catalogue.invalidCosts') });
      return;
    }
    const left = exampleWordsLeft(draft);
    if (left.length > 0) {
      setMessage({
        kind: 'error',
        text: t('programme.catalogue.adoptedStillExample', {
          fields: left.map((field) => t(`programme.catalogue.${field}`)).join(', '),
        }),
      });
      return;
    }
    try {
      const saved = await store.programmes.saveCatalogue(draft);
      setMessage({ kind: 'ok', text: t('programme.catalogue.savedVersion', { version: saved.version }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('programme.catalogue.invalid', { message: messageOf(error) }) });
    }
  };

  const setRoadCost = (index: number, costPerKmIdr: number) => {
    const roadCosts = [...draft.roadCosts];
    roadCosts[index] = { ...roadCosts[index]!, costPerKmIdr };
    setDraft({ ...draft, roadCosts });
  };

  return (
    <div className="programme-catalogue" data-testid="programme-catalogue">
      {catalogue.example && (
        <div className="example-badge" data-testid="programme-example">
          {t('programme.exampleBadge')}
        </div>
      )}
      <label className="stacked-field">
        {t('programme.catalogue.name')}
        <input
          value={draft.name}
          data-testid="catalogue-name"
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
      </label>
      <label className="stacked-field">
        {t('programme.catalogue.reference')}
        <textarea
          rows={2}
          value={draft.reference}
          data-testid="catalogue-reference"
          onChange={(event) => setDraft({ ...draft, reference: event.target.value })}
        />
      </label>
      <label className="inline-field">
        <input
          type="checkbox"
          data-testid="catalogue-adopted"
          checked={!draft.example}
          onChange={(event) => setDraft({ ...draft, example: !event.target.checked })}
        />
        {t('programme.catalogue.adopted')}
      </label>
      <h3>{t('programme.catalogue.roadRules')}</h3>
      <table className="summary-table" data-testid="catalogue-road-rules">
        <thead>
          <tr>
            <th>{t('programme.catalogue.whenCondition')}</th>
            <th>{t('programme.catalogue.surfaces')}</th>
            <th>{t('programme.handling')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.roadRules.map((rule, index) => (
            <tr key={index}>
              <td>{t(`model.condition.${rule.condition}`)}</td>
              <td>
                {rule.surfaces
                  ? rule.surfaces.map((surface) => t(`model.surface.${surface}`)).join(', ')
                  : t('programme.catalogue.anySurface')}
              </td>
              <td>
                <HandlingSelect
                  value={rule.handling}
                  options={ROAD_HANDLINGS}
                  testId={`catalogue-road-rule-${index}`}
                  onChange={(handling) => {
                    const roadRules = [...draft.roadRules];
                    roadRules[index] = { ...rule, handling };
                    setDraft({ ...draft, roadRules });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('programme.catalogue.bridgeRules')}</h3>
      <table className="summary-table" data-testid="catalogue-bridge-rules">
        <tbody>
          {draft.bridgeRules.map((rule, index) => (
            <tr key={rule.state}>
              <th scope="row">{t(`model.condition.${rule.state}`)}</th>
              <td>
                <HandlingSelect
                  value={rule.handling}
                  options={BRIDGE_HANDLINGS}
                  testId={`catalogue-bridge-rule-${rule.state}`}
                  onChange={(handling) => {
                    const bridgeRules = [...draft.bridgeRules];
                    bridgeRules[index] = { ...rule, handling };
                    setDraft({ ...draft, bridgeRules });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="programme-form">
        <label className="stacked-field">
          {t('programme.catalogue.assumedWidth')}
          <NumberField
            value={draft.assumedWidthM}
            digits={1}
            testId="catalogue-assumed-width"
            ariaLabel={t('programme.catalogue.assumedWidth')}
            onChange={(assumedWidthM) => setDraft({ ...draft, assumedWidthM })}
          />
        </label>
        <label className="stacked-field">
          {t('programme.catalogue.assumedSurface')}
          <select
            value={draft.assumedSurface}
            data-testid="catalogue-assumed-surface"
            onChange={(event) =>
              setDraft({ ...draft, assumedSurface: event.target.value as (typeof SURFACES)[number] })
            }
          >
            {SURFACES.map((surface) => (
              <option key={surface} value={surface}>
                {t(`model.surface.${surface}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h3>{t('programme.catalogue.roadCosts')}</h3>
      <div className="summary-scroll">
        <table className="summary-table programme-costs" data-testid="catalogue-road-costs">
          <thead>
            <tr>
              <th>{t('programme.handling')}</th>
              {bands.map((band) => (
                <th key={String(band)}>{bandLabel(band)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROAD_HANDLINGS.flatMap((handling) =>
              SURFACES.map((surface) => {
                const cells = bands.map((band) =>
                  draft.roadCosts.findIndex(
                    (row) => row.handling === handling && row.surface === surface && row.maxWidthM === band,
                  ),
                );
                if (cells.every((index) => index < 0)) return null;
                return (
                  <tr key={`${handling}-${surface}`}>
                    <th scope="row">
                      {t(`programme.handlingName.${handling}`)}
                      <div className="muted">{t(`model.surface.${surface}`)}</div>
                    </th>
                    {cells.map((index, column) => (
                      <td key={column} className="number">
                        {index >= 0 && (
                          <NumberField
                            integer
                            className="rate-input"
                            value={draft.roadCosts[index]!.costPerKmIdr}
                            testId={`catalogue-cost-${handling}-${surface}-${bands[column] ?? 'any'}`}
                            ariaLabel={`${t(`programme.handlingName.${handling}`)} ${t(`model.surface.${surface}`)} ${bandLabel(bands[column] ?? null)}`}
                            onChange={(value) => setRoadCost(index, value)}
                          />
                        )}
                      </td>
                    ))}
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
      <h3>{t('programme.catalogue.bridgeCosts')}</h3>
      <table className="summary-table" data-testid="catalogue-bridge-costs">
        <tbody>
          {draft.bridgeCosts.map((row, index) => (
            <tr key={row.handling}>
              <th scope="row">{t(`programme.handlingName.${row.handling}`)}</th>
              <td className="number">
                <NumberField
                  integer
                  className="rate-input"
                  value={row.costPerMetreIdr}
                  testId={`catalogue-bridge-cost-${row.handling}`}
                  ariaLabel={t(`programme.handlingName.${row.handling}`)}
                  onChange={(costPerMetreIdr) => {
                    const bridgeCosts = [...draft.bridgeCosts];
                    bridgeCosts[index] = { ...row, costPerMetreIdr };
                    setDraft({ ...draft, bridgeCosts });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-buttons">
        <span className="muted" data-testid="catalogue-version">
          {t('programme.catalogue.version', { version: catalogue.version })}
        </span>
        <button type="button" data-testid="catalogue-save" onClick={() => void save()}>
          {t('programme.catalogue.saveVersion')}
        </button>
      </div>
      <OutcomeMessage outcome={message} testId="catalogue-message" />
    </div>
  );
}

/** A rule's handling: one of the kind's handlings, or none (the rule leaves the item out of the programme). */
function HandlingSelect<H extends string>({
  value,
  options,
  testId,
  onChange,
}: {
  value: H | null;
  options: readonly H[];
  testId: string;
  onChange: (handling: H | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      value={value ?? ''}
      data-testid={testId}
      onChange={(event) => onChange((event.target.value || null) as H | null)}
    >
      <option value="">{t('programme.catalogue.none')}</option>
      {options.map((handling) => (
        <option key={handling} value={handling}>
          {t(`programme.handlingName.${handling}`)}
        </option>
      ))}
    </select>
  );
}
