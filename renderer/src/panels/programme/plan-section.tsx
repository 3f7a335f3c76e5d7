import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planProgramme } from '#shared/programme/plan-programme';
import type { WorkProgramme } from '#shared/programme/work-programme';
import { formatNumber, formatPercent, type Locale } from '#shared/format/format-number';
import { formatRupiah, formatRupiahShort } from '#shared/format/format-rupiah';
import { ROAD_STATUSES, type RoadStatus } from '#shared/model/road-network';
import { regencyName } from '#shared/model/regencies';
import { toExcelCsv, toTsv } from '#shared/format/spreadsheet-text';
import type { StoredHandlingCatalogue } from '../../persistence/database';
import { useMessage } from '../../components/use-message';
import { OutcomeMessage, type Outcome } from '../../components/outcome-message';
import { messageOf } from '#shared/format/message-of';
import { saveExport } from '../../platform/save-export';
import { useSnapshot, useStore } from '../../state/store-context';
import { NumberField } from '../../components/number-field';
import { itemName } from './item-name';
import { chartKemantapanBeforeAfter } from '#shared/charts/programme-chart';
import { ChartView } from '../../charts/chart-view';
import { programmeAboutRows, programmeListRows, programmeRegencyRows } from './programme-sheets';

const NTT_STATUSES = ROAD_STATUSES.filter((status) => status !== 'rdtl');
type ProgrammeStatus = WorkProgramme['statuses'][number];

/** The yearly programme: ceiling, the ranked candidate list, totals and kemantapan before and after. */
export function PlanSection({
  programme,
  catalogue,
  demo,
  locale,
}: {
  programme: WorkProgramme;
  catalogue: StoredHandlingCatalogue;
  /** The roads or bridges are the demo network. */
  demo: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const store = useStore();
  const { layers, featuresByLayer } = useSnapshot();
  const [draft, setDraft] = useState(programme);
  // A save, an undo or a redo replaces what is being edited.
  useEffect(() => setDraft(programme), [programme]);
  const [message, setMessage] = useMessage<Outcome>();

  // Every layer, shown or not: what the programme handles must not depend on what is switched on.
  const features = useMemo(
    () => layers.flatMap((layer) => featuresByLayer.get(layer.id) ?? []),
    [layers, featuresByLayer],
  );
  const plan = useMemo(
    () => planProgramme(features, catalogue, programme.statuses, programme.budgetIdr),
    [features, catalogue, programme],
  );
  const chart = useMemo(() => chartKemantapanBeforeAfter(plan.before, plan.after), [plan]);
  const fundedIds = useMemo(() => plan.items.filter((item) => item.funded).map((item) => item.featureId), [plan]);
  useEffect(() => {
    store.programmes.mark(fundedIds);
  }, [store, fundedIds]);
  useEffect(() => () => store.programmes.mark([]), [store]);

  const rupiah = (amount: number) => formatRupiah(amount, locale);
  const km = (metres: number) => t('programme.km', { value: formatNumber(metres / 1000, locale, 1) });
  const dirty =
    draft.year !== programme.year ||
    draft.budgetIdr !== programme.budgetIdr ||
    draft.statuses.join() !== programme.statuses.join();

  const save = async () => {
    try {
      const saved = await store.programmes.save({ ...draft, catalogueId: catalogue.id });
      setMessage({ kind: 'ok', text: t('programme.saved', { year: saved.year }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('programme.invalid', { message: messageOf(error) }) });
    }
  };

  const fileName = t('programme.fileName', { year: programme.year });
  const exported = (outcome: Awaited<ReturnType<typeof saveExport>>) => {
    if (outcome.kind === 'saved') setMessage({ kind: 'ok', text: t('programme.exported', { name: outcome.name }) });
    if (outcome.kind === 'failed')
      setMessage({ kind: 'error', text: t('programme.exportFailed', { message: outcome.message }) });
  };
  const saveCsv = async () =>
    exported(
      await saveExport(`${fileName}.csv`, () => ({
        filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }],
        data: toExcelCsv(programmeListRows(plan, t), locale),
      })),
    );
  const saveXlsx = async () =>
    exported(
      await saveExport(`${fileName}.xlsx`, async () => {
        const { writeWorkbook } = await import('#shared/io/write-xlsx');
        const sheets = [
          { name: t('programme.sheetList', { year: programme.year }), rows: programmeListRows(plan, t) },
          { name: t('programme.sheetRegency'), rows: programmeRegencyRows(plan, t) },
          { name: t('programme.sheetAbout'), rows: programmeAboutRows(programme, catalogue, demo, t) },
        ].map(({ name, rows: [header, ...rows] }) => ({
          name,
          header: header!.map((cell) => String(cell ?? '')),
          rows: rows.map((cells) => cells.map((cell) => cell ?? null)),
        }));
        return { filters: [{ name: 'Excel', extensions: ['xlsx'] }], data: await writeWorkbook(sheets) };
      }),
    );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toTsv(programmeListRows(plan, t), locale));
      setMessage({ kind: 'ok', text: t('programme.copied') });
    } catch (error) {
      setMessage({ kind: 'error', text: t('programme.exportFailed', { message: messageOf(error) }) });
    }
  };

  const totals: [string, string, string][] = [
    ['budget', rupiah(programme.budgetIdr), formatRupiahShort(programme.budgetIdr, locale)],
    ['funded', rupiah(plan.fundedIdr), formatRupiahShort(plan.fundedIdr, locale)],
    ['remaining', rupiah(plan.remainingIdr), formatRupiahShort(plan.remainingIdr, locale)],
    ['needed', rupiah(plan.neededIdr), formatRupiahShort(plan.neededIdr, locale)],
    [
      'items',
      t('programme.itemsCount', {
        funded: formatNumber(plan.fundedCount, locale),
        total: formatNumber(plan.items.length, locale),
      }),
      '',
    ],
    ['roads', km(plan.fundedRoadM), ''],
    ['bridges', t('programme.m', { value: formatNumber(plan.fundedBridgeM, locale, 1) }), ''],
    ['unfunded', km(plan.unfundedRoadM), ''],
  ];

  return (
    <div className="programme-plan" data-testid="programme-plan">
      <div className="programme-form">
        <label className="stacked-field">
          {t('programme.year')}
          {/* A year is written without grouping (2026, not 2.026). */}
          <input
            type="number"
            min={2000}
            max={2100}
            step={1}
            value={Number.isFinite(draft.year) ? draft.year : ''}
            data-testid="programme-year"
            onChange={(event) => setDraft({ ...draft, year: event.target.valueAsNumber })}
          />
        </label>
        <label className="stacked-field">
          {t('programme.budget')}
          <NumberField
            integer
            value={draft.budgetIdr}
            testId="programme-budget"
            ariaLabel={t('programme.budget')}
            onChange={(budgetIdr) => setDraft({ ...draft, budgetIdr })}
          />
        </label>
        <fieldset className="programme-statuses">
          <legend>{t('programme.statuses')}</legend>
          {NTT_STATUSES.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                data-testid={`programme-status-${status}`}
                checked={draft.statuses.includes(status as ProgrammeStatus)}
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    statuses: event.target.checked
                      ? NTT_STATUSES.filter(
                          (s): s is ProgrammeStatus => s === status || draft.statuses.includes(s as ProgrammeStatus),
                        )
                      : draft.statuses.filter((s) => s !== status),
                  })
                }
              />{' '}
              {t(`model.status.${status as RoadStatus}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" data-testid="programme-save" disabled={!dirty} onClick={() => void save()}>
          {t('programme.save')}
        </button>
      </div>
      <OutcomeMessage outcome={message} testId="programme-message" />
      <p className="hint" data-testid="programme-rule">
        {t('programme.rule')}
      </p>
      <table className="summary-table programme-totals" data-testid="programme-totals">
        <tbody>
          {totals.map(([key, value, short]) => (
            <tr key={key} data-testid={`programme-total-${key}`}>
              <th scope="row">{t(`programme.totals.${key}`)}</th>
              <td className="number">{value}</td>
              <td className="number muted">{short}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('programme.kemantapan')}</h3>
      <div className="summary-scroll">
        <table className="summary-table programme-regencies" data-testid="programme-kemantapan">
          <thead>
            <tr>
              <th>{t('programme.regency')}</th>
              <th>{t('programme.cost')}</th>
              <th>{t('programme.roadKm')}</th>
              <th>{t('programme.bridgeM')}</th>
              <th>{t('programme.before')}</th>
              <th>{t('programme.after')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.regencies.map((row) => {
              const key = row.regencyCode ?? 'none';
              const funded = row.fundedIdr > 0;
              return (
                <tr key={key} data-testid={`programme-regency-${key}`}>
                  <th scope="row">{regencyName(row.regencyCode)}</th>
                  <td className="number">{funded ? formatRupiahShort(row.fundedIdr, locale) : '–'}</td>
                  <td className="number">{funded ? formatNumber(row.fundedRoadM / 1000, locale, 1) : '–'}</td>
                  <td className="number">{funded ? formatNumber(row.fundedBridgeM, locale, 1) : '–'}</td>
                  <td className="number">{formatPercent(row.beforePct, locale)}</td>
                  <td className="number">{formatPercent(row.afterPct, locale)}</td>
                </tr>
              );
            })}
            <tr className="total-row" data-testid="programme-regency-total">
              <th scope="row">{t('programme.province')}</th>
              <td className="number">{formatRupiahShort(plan.fundedIdr, locale)}</td>
              <td className="number">{formatNumber(plan.fundedRoadM / 1000, locale, 1)}</td>
              <td className="number">{formatNumber(plan.fundedBridgeM, locale, 1)}</td>
              <td className="number">{formatPercent(plan.before.total.kemantapanPct, locale)}</td>
              <td className="number">{formatPercent(plan.after.total.kemantapanPct, locale)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="charts" data-testid="programme-chart">
        <ChartView chart={chart} />
      </div>
      <div className="summary-export">
        <button type="button" data-testid="programme-frame" onClick={() => store.selection.frameFeatures(fundedIds)}>
          {t('programme.frame')}
        </button>
        <button type="button" data-testid="programme-copy" onClick={() => void copy()}>
          {t('programme.copy')}
        </button>
        <button type="button" data-testid="programme-save-csv" onClick={() => void saveCsv()}>
          {t('programme.saveCsv')}
        </button>
        <button type="button" data-testid="programme-save-xlsx" onClick={() => void saveXlsx()}>
          {t('programme.saveXlsx')}
        </button>
      </div>
      <p className="hint">{t('programme.mapHint')}</p>
      <h3>{t('programme.list')}</h3>
      <div className="summary-scroll">
        <table className="summary-table programme-list" data-testid="programme-list">
          <thead>
            <tr>
              <th>{t('programme.rank')}</th>
              <th>{t('programme.item')}</th>
              <th>{t('programme.handling')}</th>
              <th>{t('programme.cost')}</th>
              <th>{t('programme.status')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.items.map((item) => (
              <tr
                key={item.featureId}
                className={item.funded ? 'funded' : 'not-funded'}
                data-testid={`programme-item-${item.featureId}`}
                onClick={() => store.selection.select([item.featureId], { zoom: true })}
              >
                <td className="number">{item.rank}</td>
                <th scope="row">
                  {itemName(item, t)}
                  <div className="muted">{regencyName(item.regencyCode)}</div>
                </th>
                <td
                  title={
                    item.assumed
                      ? t('programme.assumed', {
                          width: formatNumber(catalogue.assumedWidthM, locale, 1),
                          surface: t(`model.surface.${catalogue.assumedSurface}`),
                        })
                      : undefined
                  }
                >
                  {t(`programme.handlingName.${item.handling}`)}
                  {item.assumed ? ' *' : ''}
                  <div className="muted">{t(`model.condition.${item.state}`)}</div>
                </td>
                <td className="number" title={rupiah(item.costIdr)}>
                  {formatRupiahShort(item.costIdr, locale)}
                  <div className="muted">
                    {item.kind === 'road'
                      ? formatNumber(item.lengthM / 1000, locale, 2) + ' km'
                      : formatNumber(item.lengthM, locale, 0) + ' m'}
                    {' · '}
                    {t(item.kind === 'road' ? 'programme.perKm' : 'programme.perMetre', {
                      cost: formatRupiahShort(item.unitCostIdr, locale),
                    })}
                  </div>
                </td>
                <td>{item.funded ? t('programme.funded') : t('programme.notFunded')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note" data-testid="programme-skipped">
        {t('programme.skipped', {
          noCondition: formatNumber(plan.skipped.noCondition, locale),
          noHandling: formatNumber(plan.skipped.noHandling, locale),
          noPrice: formatNumber(plan.skipped.noPrice, locale),
        })}
      </p>
    </div>
  );
}
