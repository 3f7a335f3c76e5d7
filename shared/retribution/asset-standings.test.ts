import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { createDemoRetribution } from '../demo/create-demo-retribution';
import { assetStandings } from './asset-standings';

describe('asset standings for the compliance map', () => {
  const features = createDemoDataset('2026-03-01T00:00:00.000Z').features;
  const demo = createDemoRetribution(features, '2026-03-01T00:00:00.000Z');
  const assets = features.filter((feature) => feature.properties.kind === 'asset');
  const ownerOf = (id: string) => String(assets.find((asset) => asset.id === id)!.properties.owner);
  const onSkrd = new Set(demo.assessments.flatMap((a) => a.lines.map((line) => line.assetId)));

  it('takes the obligor standing on its SKRDs; unassessed and unlinked assets apart', () => {
    const standings = assetStandings(assets, demo, '2026-12-07');
    const byOwner = (owner: string) =>
      new Set(assets.filter((a) => onSkrd.has(a.id) && ownerOf(a.id) === owner).map((a) => standings.get(a.id)));
    // PLN paid both semesters in one transfer.
    expect(byOwner('PLN UP3 Kupang')).toEqual(new Set(['paid']));
    // Telkom paid half of the first semester, due 31/07/2026: overdue.
    expect(byOwner('Telkom Indonesia')).toEqual(new Set(['overdue']));
    // The billboard firm paid the first semester; the second is due 31/01/2027: still owed, not overdue.
    expect(byOwner('Biro reklame (contoh)')).toEqual(new Set(['partial']));
    expect(byOwner('Perumda Air Minum (contoh)')).toEqual(new Set(['overdue']));
    // Demo owners nobody has reconciled yet.
    expect(standings.get(assets.find((a) => a.properties.owner === 'Operator seluler (contoh)')!.id)).toBe(
      'no_obligor',
    );
    // A PLN pole that is on no SKRD (outside the corridor or outside RUMIJA).
    const plnElsewhere = assets.find((a) => a.properties.owner === 'PLN UP3 Kupang' && !onSkrd.has(a.id));
    expect(plnElsewhere && standings.get(plnElsewhere.id)).toBe('not_assessed');
    expect(standings.size).toBe(assets.length);
  });

  it('turns overdue the day after the due date, not on it', () => {
    const reklame = assets.find((a) => onSkrd.has(a.id) && a.properties.owner === 'Biro reklame (contoh)')!;
    expect(assetStandings(assets, demo, '2027-01-31').get(reklame.id)).toBe('partial');
    expect(assetStandings(assets, demo, '2027-02-01').get(reklame.id)).toBe('overdue');
  });
});
