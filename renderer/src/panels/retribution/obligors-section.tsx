import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reconcileOwnerNames, type ObligorSuggestion } from '#shared/retribution/reconcile-owner-names';
import { messageOf } from '#shared/format/message-of';
import type { RetributionRecords } from '../../persistence/retribution-repository';
import { useStore, useSnapshot } from '../../state/store-context';

/** Owner names in asset data against the register: linked, suggested (to confirm), and assets with no obligor. */
export function ObligorsSection({ register }: { register: RetributionRecords }) {
  const { t } = useTranslation();
  const store = useStore();
  const snapshot = useSnapshot();
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [dropped, setDropped] = useState<Record<string, boolean>>({});
  const [showUnlinked, setShowUnlinked] = useState(false);
  const assets = useMemo(
    () =>
      [...snapshot.featuresByLayer.values()]
        .flat()
        .filter((feature) => feature.properties.kind === 'asset')
        .map((feature) => ({ id: feature.id, owner: String(feature.properties.owner ?? '') })),
    [snapshot.featuresByLayer],
  );
  const reconciliation = useMemo(() => reconcileOwnerNames(assets, register.obligors), [assets, register.obligors]);
  const ownerOf = new Map(assets.map((asset) => [asset.id, asset.owner]));
  const linkedCount = (obligorId: string) =>
    reconciliation.linked.filter((entry) => entry.obligorId === obligorId).reduce((sum, e) => sum + e.assetCount, 0);
  const obligorName = (id: string | null) => register.obligors.find((obligor) => obligor.id === id)?.name ?? '';

  async function confirm(suggestion: ObligorSuggestion) {
    const names = suggestion.names.map((entry) => entry.name).filter((name) => !dropped[`${suggestion.key}|${name}`]);
    if (names.length === 0) return;
    try {
      const obligor = await store.retribution.confirmSuggestion(suggestion, names, null);
      setMessage({
        tone: 'info',
        text: t('retribution.obligors.confirmed', { count: names.length, name: obligor.name }),
      });
    } catch (error) {
      setMessage({ tone: 'error', text: messageOf(error) });
    }
  }

  return (
    <div data-testid="retribution-obligors">
      <p data-testid="unlinked-count">
        {t('retribution.obligors.unlinked', { count: reconciliation.unlinkedAssetIds.length, total: assets.length })}{' '}
        {reconciliation.unlinkedAssetIds.length > 0 && (
          <button type="button" className="link" onClick={() => setShowUnlinked(!showUnlinked)}>
            {showUnlinked ? t('retribution.hide') : t('retribution.show')}
          </button>
        )}
      </p>
      {showUnlinked && (
        <ul className="compact-list" data-testid="unlinked-list">
          {reconciliation.unlinkedAssetIds.slice(0, 200).map((id) => (
            <li key={id}>
              {id} — {ownerOf.get(id) || t('retribution.obligors.noOwner')}
            </li>
          ))}
          {reconciliation.unlinkedAssetIds.length > 200 && (
            <li>{t('retribution.more', { count: reconciliation.unlinkedAssetIds.length - 200 })}</li>
          )}
        </ul>
      )}
      <h3>{t('retribution.obligors.suggestions')}</h3>
      {reconciliation.suggestions.length === 0 && <p>{t('retribution.obligors.noSuggestions')}</p>}
      <ul className="suggestions" data-testid="suggestions">
        {reconciliation.suggestions.map((suggestion) => (
          <li key={suggestion.key} data-testid="suggestion">
            <strong>
              {suggestion.obligorId
                ? t('retribution.obligors.linkTo', { name: obligorName(suggestion.obligorId) })
                : t('retribution.obligors.newObligor', {
                    name: suggestion.proposedName,
                    type: t(`retribution.type.${suggestion.proposedType}`),
                  })}
            </strong>
            {suggestion.names.map((entry) => (
              <label key={entry.name} className="check-row">
                <input
                  type="checkbox"
                  checked={!dropped[`${suggestion.key}|${entry.name}`]}
                  onChange={(event) =>
                    setDropped({ ...dropped, [`${suggestion.key}|${entry.name}`]: !event.target.checked })
                  }
                />
                “{entry.name}” — {t('retribution.assetCount', { count: entry.assetCount })}
              </label>
            ))}
            <button type="button" data-testid="confirm-suggestion" onClick={() => void confirm(suggestion)}>
              {t('retribution.obligors.confirm')}
            </button>
          </li>
        ))}
      </ul>
      {message && (
        <p className={`panel-message ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <h3>{t('retribution.obligors.register', { count: register.obligors.length })}</h3>
      <table className="data-table" data-testid="obligor-table">
        <thead>
          <tr>
            <th>{t('retribution.obligors.name')}</th>
            <th>{t('retribution.obligors.type')}</th>
            <th>{t('retribution.obligors.ownerNames')}</th>
            <th>{t('retribution.obligors.assets')}</th>
          </tr>
        </thead>
        <tbody>
          {[...register.obligors]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((obligor) => (
              <tr key={obligor.id}>
                <td>
                  {obligor.name} {obligor.demo && <span className="badge">{t('retribution.demo')}</span>}
                </td>
                <td>{t(`retribution.type.${obligor.type}`)}</td>
                <td>{obligor.ownerNames.join('; ')}</td>
                <td className="number">{linkedCount(obligor.id)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
