import type { EncroachmentResult } from '../analysis/encroachment';
import type { StoredFeature } from '../model/layer';
import { EXAMPLE_TARIFF_SCHEDULE } from '../tariff/tariff-schedule';
import type { Obligor } from './obligor';
import type { Programme } from './programme';
import { assessCorridor, type CorridorAssessment } from './assess-corridor';

/** Small hand-checkable inputs shared by the retribution tests. */
export function createObligor(
  id: string,
  name: string,
  ownerNames: string[],
  type: Obligor['type'] = 'company',
): Obligor {
  return { id, name, type, npwp: null, nib: null, address: `Alamat ${name}`, contact: '', ownerNames, demo: false };
}

export function createAsset(id: string, category: string, owner: string): StoredFeature {
  return {
    id,
    layerId: 'assets',
    geometry: { type: 'Point', coordinates: [123.6, -10.17] },
    properties: { kind: 'asset', category, owner, ownerType: 'lainnya' },
  };
}

export function createResult(
  assetId: string,
  quantity: number,
  unit: EncroachmentResult['unit'],
  staM: number,
  corridorIds = ['corridor-kupang'],
): EncroachmentResult {
  return {
    assetId,
    zone: 'rumija',
    segmentId: 's1',
    ruasNumber: 'P-601',
    corridorIds,
    offsetM: 4,
    staM,
    quantity,
    unit,
  };
}

export const PROGRAMME: Programme = {
  id: 'prog-kupang',
  name: 'Penertiban Simpang Polda – El Tari',
  corridorId: 'corridor-kupang',
  status: 'active',
  demo: false,
  periods: [
    {
      id: '2026-h1',
      label: 'Semester I 2026',
      start: '2026-01-01',
      end: '2026-06-30',
      dueDate: '2026-07-31',
      tariffScheduleId: EXAMPLE_TARIFF_SCHEDULE.id,
      tariffVersion: 1,
    },
  ],
};

/** The fixture programme's assessment for 2026-h1 on 1 August 2026; a problem code fails the test. */
export function assessFixture(
  input: Pick<Parameters<typeof assessCorridor>[0], 'results' | 'assets' | 'obligors'>,
  schedule = EXAMPLE_TARIFF_SCHEDULE,
): CorridorAssessment {
  const result = assessCorridor({
    ...input,
    schedule,
    programme: PROGRAMME,
    periodId: '2026-h1',
    createdAt: '2026-08-01T00:00:00.000Z',
  });
  if ('code' in result) throw new Error(result.code);
  return result;
}
