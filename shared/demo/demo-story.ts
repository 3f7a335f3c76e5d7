import { boundsOf, positionsOf } from '../geo/positions-of';
import type { StoredFeature } from '../model/layer';
import type { Camera, Slide, Story } from '../present/story';
import { DEMO_LAYER_IDS, type Dataset } from './create-demo-dataset';
import { DEMO_ASSET_LAYER_ID } from './synthetic-utilities';
import { DEMO_CORRIDORS } from './ntt-demo-routes';

export const DEMO_STORY_ID = 'demo-story-perbatasan';

/** A camera that frames some features with a margin; the presenter fits the bounds to the screen. */
function cameraFor(features: readonly StoredFeature[], marginFraction = 0.12): Camera {
  const [west, south, east, north] = boundsOf(features.flatMap((feature) => positionsOf(feature.geometry)));
  const [dx, dy] = [(east - west) * marginFraction, (north - south) * marginFraction];
  const bounds: [number, number, number, number] = [west - dx, south - dy, east + dx, north + dy];
  const span = Math.max(bounds[2] - bounds[0], bounds[3] - bounds[1]);
  return {
    center: [(west + east) / 2, (south + north) / 2],
    zoom: Math.max(5, Math.min(16, Math.log2(360 / span) + 1)),
    bearing: 0,
    pitch: 0,
    bounds,
  };
}

/**
 * The ready demo story for a DPR hearing, built from the demo dataset: both border routes drawing
 * themselves with their bridges, the proposed status change, and the Simpang Polda – El Tari corridor
 * with its encroachment estimate. Its figures come from the (illustrative) demo data at show time.
 */
export function createDemoStory(dataset: Dataset, updatedAt: string): Story {
  const byRuas = (...ruas: string[]) =>
    dataset.features.filter(
      (feature) => feature.properties.kind === 'road' && ruas.includes(String(feature.properties.ruasNumber)),
    );
  const bridges = dataset.features.filter((feature) => feature.properties.kind === 'bridge');
  const borderRoads = dataset.features.filter(
    (feature) =>
      feature.properties.kind === 'road' &&
      feature.properties.borderRoute === true &&
      feature.properties.status !== 'rdtl',
  );
  const corridor = dataset.features.find((feature) => feature.id === DEMO_CORRIDORS[0].id)!;
  const base = [DEMO_LAYER_IDS.roads, DEMO_LAYER_IDS.bridges];
  const slide = (
    id: string,
    fields: Omit<Slide, 'id' | 'notes' | 'estimateCorridorId' | 'route'> & Partial<Slide>,
  ): Slide => ({
    id: `${DEMO_STORY_ID}-${id}`,
    notes: '',
    route: null,
    estimateCorridorId: null,
    ...fields,
  });
  return {
    id: DEMO_STORY_ID,
    title: 'Jalan Perbatasan RI – RDTL dan RUMIJA Kota Kupang',
    subtitle: 'Dinas PUPR Provinsi NTT · Contoh paparan (data demo, geometri ilustrasi)',
    closing:
      'Usulan: alih status jalan perbatasan menjadi jalan nasional, penanganan empat jembatan rusak berat dan satu jembatan baru, serta penertiban pemanfaatan RUMIJA berdasarkan Perda NTT 1/2024.',
    demo: true,
    updatedAt,
    slides: [
      slide('oelamasi-oepoli', {
        title: 'Oelamasi – Oepoli, menuju Oekusi (RDTL)',
        caption:
          'Ruas provinsi P-101 di Kabupaten Kupang, berlanjut ke enklave Oecusse. Jalur digambar dari Oelamasi; jembatan muncul di lokasinya.',
        notes: 'Tekankan: satu-satunya akses darat ke Oepoli. Lima jembatan dilaporkan ke Komisi II (21/01/2026).',
        camera: cameraFor(byRuas('P-101', 'RDTL-1')),
        visibleLayerIds: base,
        highlightIds: [],
        route: { layerId: DEMO_LAYER_IDS.roads, ruasNumbers: ['P-101', 'RDTL-1'] },
      }),
      slide('jembatan', {
        title: 'Lima jembatan di sisi Oelamasi – Oepoli – Oekusi',
        caption:
          'Kapsali 100 m, Termanu 100 m, Nunpisa 30 m, Bipolo 25 m: rusak berat. Na\u2019anruin 30 m: usulan jembatan baru. Lokasi STA ilustratif.',
        notes: 'Angka panjang dan kondisi sesuai laporan; posisi pada peta hanya ilustrasi.',
        camera: cameraFor(bridges, 0.35),
        visibleLayerIds: base,
        highlightIds: bridges.map((bridge) => bridge.id),
      }),
      slide('batuputih-motamasin', {
        title: 'Batuputih – Motamasin, menuju Covalima (RDTL)',
        caption: 'Ruas provinsi P-102 sampai pos lintas batas Motamasin, berlanjut ke Suai.',
        notes: 'Pos lintas batas negara Motamasin (Malaka).',
        camera: cameraFor(byRuas('P-102', 'RDTL-2')),
        visibleLayerIds: base,
        highlightIds: [],
        route: { layerId: DEMO_LAYER_IDS.roads, ruasNumbers: ['P-102', 'RDTL-2'] },
      }),
      slide('alih-status', {
        title: 'Usulan alih status: jalan provinsi menjadi jalan nasional',
        caption:
          'Kedua jalan perbatasan menghubungkan dua negara; provinsi mengusulkan penetapan sebagai jalan nasional.',
        notes: 'Panjang yang diusulkan dihitung dari data ruas yang ditampilkan.',
        camera: cameraFor(borderRoads, 0.08),
        visibleLayerIds: base,
        highlightIds: borderRoads.map((road) => road.id),
      }),
      slide('koridor-kupang', {
        title: 'RUMIJA koridor Simpang Polda – Bandara El Tari',
        caption:
          'Tiang, kabel, pipa, reklame dan kios di dalam RUMIJA. Estimasi retribusi dengan tarif CONTOH (bukan tarif resmi) dan aset sintetis.',
        notes:
          'Potensi yang dilaporkan: lebih dari Rp3 miliar per tahun. Angka di sini dari data sintetis dan tarif contoh.',
        camera: cameraFor([corridor], 0.1),
        visibleLayerIds: [DEMO_LAYER_IDS.corridors, DEMO_LAYER_IDS.roads, DEMO_ASSET_LAYER_ID],
        highlightIds: [],
        estimateCorridorId: corridor.id,
      }),
    ],
  };
}
