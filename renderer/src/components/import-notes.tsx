import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordNote } from '#shared/io/check-records';
import { importNotesRows } from '#shared/io/import-notes-rows';
import { toExcelCsv } from '#shared/format/spreadsheet-text';
import { safeFileName } from '#shared/format/file-name';
import { formatNumber, type Locale } from '#shared/format/format-number';
import { saveExport, type SaveOutcome } from '../platform/save-export';
import { useProblemText } from '../i18n/problem-text';

/** Shown rows; the CSV always holds every one. */
const SHOWN = 200;

/** The records an import skipped or repaired, listed (row, feature, what, why) and saved as CSV for the surveyor. */
export function ImportNotes({
  fileName,
  skipped,
  repairs,
}: {
  fileName: string;
  skipped: readonly RecordNote[];
  repairs: readonly RecordNote[];
}) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const total = skipped.length + repairs.length;
  if (total === 0) return null;
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const rows = importNotesRows(
    { skipped, repairs },
    {
      number: t('import.notes.number'),
      feature: t('import.notes.feature'),
      action: t('import.notes.action'),
      reason: t('import.notes.reason'),
      skipped: t('import.notes.skipped'),
      repaired: t('import.notes.repaired'),
    },
    problemText,
  );
  const [header, ...body] = rows;
  const save = async () =>
    setSaved(
      await saveExport(`${safeFileName(fileName.replace(/\.[^.]+$/, ''))}-${t('import.notes.fileSuffix')}.csv`, () =>
        Promise.resolve({
          filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }],
          data: toExcelCsv(rows, locale),
        }),
      ),
    );
  return (
    <details className="import-notes" data-testid="import-notes">
      <summary>{t('import.notes.summary', { count: total })}</summary>
      <table>
        <thead>
          <tr>
            {header!.map((cell) => (
              <th key={String(cell)}>{cell}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.slice(0, SHOWN).map((row, index) => (
            <tr key={index} data-testid="import-note">
              {row.map((cell, column) => (
                <td key={column}>{typeof cell === 'number' ? formatNumber(cell, locale) : cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {body.length > SHOWN && <p className="muted">{t('import.notes.more', { count: body.length - SHOWN })}</p>}
      <button type="button" data-testid="import-notes-csv" onClick={() => void save()}>
        {t('import.notes.saveCsv')}
      </button>
      {saved && saved.kind !== 'cancelled' && (
        <span role="status" className={saved.kind === 'failed' ? 'error' : 'muted'} data-testid="import-notes-saved">
          {saved.kind === 'failed' ? saved.message : t('import.notes.saved', { file: saved.name })}
        </span>
      )}
    </details>
  );
}
