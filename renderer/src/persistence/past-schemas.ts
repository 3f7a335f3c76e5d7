/**
 * The stores of database versions earlier apps wrote, written out here (not taken from database.ts) so the upgrade
 * tests open what an old Rumija really left on a disk.
 */
export const STORES_V6 = {
  layers: 'id, order',
  featureBlocks: '[layerId+block], layerId',
  editLog: '++seq, at, featureId',
  meta: 'key',
  tariffs: '[id+version], id',
  stories: 'id, updatedAt',
  teamLinks: 'layerId',
};

export const STORES_V7 = {
  ...STORES_V6,
  obligors: 'id',
  programmes: 'id, corridorId',
  assessments: 'id, obligorId, programmeId, number, status',
  payments: 'id, obligorId, date',
  retributionSettings: 'id',
};
