import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '#shared/format/message-of';
import {
  differingKeys,
  isDeletion,
  localFeatureOf,
  sameGeometry,
  type ConflictChoice,
  type SyncConflict,
} from '#shared/postgis/sync-plan';
import { FIELDS_BY_KIND } from '#shared/model/feature-fields';
import type { FeatureKind } from '#shared/model/road-network';
import { formatMoment, type Locale } from '#shared/format/format-number';
import { formatFieldValue } from '../format/field-format';
import { useModalDialog } from '../components/use-modal-dialog';
import { useStore } from '../state/store-context';
import { readField, writeField } from '#shared/model/field-value';

type Side = 'mine' | 'theirs';

const plain = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);

const titleOf = (conflict: SyncConflict) => {
  const properties = conflict.mine?.properties ?? (isDeletion(conflict.theirs) ? {} : conflict.theirs.properties);
  const name = properties.name ?? properties.label ?? properties.text ?? properties.ruasNumber;
  return typeof name === 'string' && name ? name : conflict.id;
};

/** The choice the rows make: all mine, all theirs, or a feature merged from both. */
function choiceOf(layerId: string, conflict: SyncConflict, picks: Record<string, Side>): ConflictChoice {
  const sides = new Set(Object.values(picks));
  if (!conflict.mine || isDeletion(conflict.theirs) || sides.size <= 1)
    return { take: sides.has('theirs') ? 'theirs' : 'mine' };
  const theirs = localFeatureOf(conflict.theirs, layerId);
  const properties = { ...conflict.mine.properties };
  for (const [key, side] of Object.entries(picks))
    if (key !== '@geometry' && side === 'theirs') writeField(properties, key, readField(theirs.properties, key));
  return {
    take: 'merged',
    feature: {
      ...conflict.mine,
      geometry: picks['@geometry'] === 'theirs' ? theirs.geometry : conflict.mine.geometry,
      properties,
    },
  };
}

/**
 * The conflicts of one linked layer, one at a time: what differs, mine and theirs side by side, and who changed it
 * there. Each row can take either side; nothing is written to the server until the next sync.
 */
export function ConflictDialog({ layerId, onClose }: { layerId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const when = (at: string) => formatMoment(at, locale);
  const store = useStore();
  const ref = useModalDialog();
  const team = useSyncExternalStore(store.team.subscribe, store.team.getSnapshot);
  const conflicts = team.links.get(layerId)?.conflicts ?? [];
  const conflict = conflicts[0];
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (!conflict) {
    return (
      <dialog ref={ref} className="confirm-dialog" data-testid="team-conflict-dialog" onCancel={onClose}>
        <p>{t('team.noConflicts')}</p>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </dialog>
    );
  }
  const theirs = conflict.theirs;
  const rows: { key: string; label: string; mine: string; theirs: string }[] = [];
  if (conflict.mine && !isDeletion(theirs)) {
    if (!sameGeometry(conflict.mine.geometry, theirs.geometry))
      rows.push({
        key: '@geometry',
        label: t('team.geometry'),
        mine: t('team.geometryMine'),
        theirs: t('team.geometryTheirs'),
      });
    // Values as the table shows them (labels, units, Indonesian numbers); extra attributes as they are.
    const kind = String(conflict.mine.properties.kind ?? '');
    const fields = new Map(
      (Object.hasOwn(FIELDS_BY_KIND, kind) ? FIELDS_BY_KIND[kind as FeatureKind] : []).map((field) => [
        field.key,
        field,
      ]),
    );
    const shown = (key: string, value: unknown) => {
      const field = fields.get(key);
      return field && value !== null && value !== undefined ? formatFieldValue(field, value, t, locale) : plain(value);
    };
    for (const key of differingKeys(conflict))
      rows.push({
        key,
        label: t(`fields.${key}`, { defaultValue: key }),
        mine: shown(key, readField(conflict.mine.properties, key)),
        theirs: shown(key, readField(theirs.properties, key)),
      });
  }
  const pickOf = (key: string): Side => picks[key] ?? 'mine';
  const decide = async (choice: ConflictChoice) => {
    setProblem(null);
    try {
      await store.team.resolve(layerId, conflict.id, choice);
      setPicks({});
      if (conflicts.length === 1) onClose();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  const who = isDeletion(theirs)
    ? t('team.deletedBy', { user: theirs.deletedBy, at: when(theirs.deletedAt) })
    : t('team.changedBy', {
        user: theirs.updatedBy,
        at: when(theirs.updatedAt),
        version: theirs.version,
      });

  return (
    <dialog
      ref={ref}
      className="confirm-dialog team-conflict-dialog"
      data-testid="team-conflict-dialog"
      onCancel={onClose}
      aria-labelledby="team-conflict-title"
    >
      <h2 id="team-conflict-title">{t('team.conflictTitle', { name: titleOf(conflict), count: conflicts.length })}</h2>
      <p className="muted">{who}</p>
      {!conflict.mine && <p data-testid="team-conflict-mine-deleted">{t('team.mineDeleted')}</p>}
      {isDeletion(theirs) && <p data-testid="team-conflict-theirs-deleted">{t('team.theirsDeleted')}</p>}
      {rows.length > 0 && (
        <table className="team-conflict-table" data-testid="team-conflict-table">
          <thead>
            <tr>
              <th>{t('team.field')}</th>
              <th>{t('team.mine')}</th>
              <th>{t('team.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`team-conflict-row-${row.key}`}>
                <th scope="row">{row.label}</th>
                {(['mine', 'theirs'] as const).map((side) => (
                  <td key={side} className={pickOf(row.key) === side ? 'picked' : ''}>
                    <label>
                      <input
                        type="radio"
                        name={`pick-${row.key}`}
                        data-testid={`team-pick-${side}-${row.key}`}
                        checked={pickOf(row.key) === side}
                        onChange={() => setPicks({ ...picks, [row.key]: side })}
                      />{' '}
                      {row[side]}
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problem && (
        <p className="panel-message error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" data-testid="team-take-mine" onClick={() => void decide({ take: 'mine' })}>
          {t('team.takeMine')}
        </button>
        <button type="button" data-testid="team-take-theirs" onClick={() => void decide({ take: 'theirs' })}>
          {t('team.takeTheirs')}
        </button>
        {rows.length > 1 && (
          <button
            type="button"
            data-testid="team-take-picked"
            onClick={() =>
              void decide(
                choiceOf(layerId, conflict, Object.fromEntries(rows.map((row) => [row.key, pickOf(row.key)]))),
              )
            }
          >
            {t('team.takePicked')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('team.later')}
        </button>
      </div>
    </dialog>
  );
}
