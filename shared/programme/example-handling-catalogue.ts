import { SURFACES } from '../model/road-network';
import { ROAD_HANDLINGS, type HandlingCatalogue, type RoadCost, type RoadHandling } from './handling-catalogue';

/** Rupiah per km for a 6 m asphalt carriageway: ORDER-OF-MAGNITUDE EXAMPLES, not NTT unit prices. */
const ASPHALT_6M_PER_KM: Record<RoadHandling, number> = {
  pemeliharaan_rutin: 60_000_000,
  pemeliharaan_berkala: 900_000_000,
  rehabilitasi: 2_000_000_000,
  rekonstruksi: 4_500_000_000,
  peningkatan: 5_000_000_000,
  pembangunan_baru: 7_500_000_000,
};
const SURFACE_FACTOR = { aspal: 1, beton: 1.5, lapen: 0.8, kerikil: 0.5, tanah: 0.4 } as const;
/** Width bands (m, upper bound; null = wider) and their share of the 6 m cost. */
const WIDTH_BANDS: [number | null, number][] = [
  [4.5, 0.75],
  [6, 1],
  [7, 1.2],
  [null, 2],
];
const roundToMillion = (idr: number) => Math.round(idr / 1_000_000) * 1_000_000;

const exampleRoadCosts: RoadCost[] = ROAD_HANDLINGS.flatMap((handling) =>
  SURFACES.flatMap((surface) =>
    WIDTH_BANDS.map(([maxWidthM, factor]) => ({
      handling,
      surface,
      maxWidthM,
      costPerKmIdr: roundToMillion(ASPHALT_6M_PER_KM[handling] * SURFACE_FACTOR[surface] * factor),
    })),
  ),
);

/**
 * The catalogue the app ships. EXAMPLE COSTS, NOT ADOPTED UNIT PRICES: they are of the order seen in Indonesian
 * provincial road programmes, for the user to replace with the HSPK/AHSP of the year. The rules follow Bina Marga
 * practice (DOMAIN.md): baik → rutin, sedang → berkala, rusak ringan → rehabilitasi, rusak berat → rekonstruksi;
 * a damaged unpaved (kerikil/tanah) road is upgraded (peningkatan).
 */
export const EXAMPLE_HANDLING_CATALOGUE: HandlingCatalogue = {
  id: 'contoh-penanganan-2026',
  name: 'Aturan penanganan dan harga satuan CONTOH (bukan harga resmi)',
  version: 1,
  example: true,
  reference: 'CONTOH — ganti dengan HSPK/AHSP Provinsi NTT tahun berjalan',
  validFrom: '2026-01-01',
  assumedWidthM: 4.5,
  assumedSurface: 'aspal',
  roadRules: [
    { condition: 'rusak_berat', surfaces: ['kerikil', 'tanah'], handling: 'peningkatan' },
    { condition: 'rusak_ringan', surfaces: ['kerikil', 'tanah'], handling: 'peningkatan' },
    { condition: 'baik', surfaces: null, handling: 'pemeliharaan_rutin' },
    { condition: 'sedang', surfaces: null, handling: 'pemeliharaan_berkala' },
    { condition: 'rusak_ringan', surfaces: null, handling: 'rehabilitasi' },
    { condition: 'rusak_berat', surfaces: null, handling: 'rekonstruksi' },
  ],
  bridgeRules: [
    { state: 'baik', handling: null },
    { state: 'sedang', handling: null },
    { state: 'rusak_ringan', handling: 'rehabilitasi' },
    { state: 'rusak_berat', handling: 'penggantian' },
    { state: 'proposed', handling: 'pembangunan_baru' },
  ],
  roadCosts: exampleRoadCosts,
  bridgeCosts: [
    { handling: 'rehabilitasi', costPerMetreIdr: 25_000_000 },
    { handling: 'penggantian', costPerMetreIdr: 100_000_000 },
    { handling: 'pembangunan_baru', costPerMetreIdr: 120_000_000 },
  ],
};
