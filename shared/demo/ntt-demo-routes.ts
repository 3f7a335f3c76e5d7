import type { Condition, FunctionClass, RoadClass, RoadStatus } from '../model/road-network';

/**
 * Demo road network of NTT. ILLUSTRATIVE: the geometry is drawn between GeoNames place
 * coordinates and a few hand-placed waypoints, not surveyed; ruas numbers are examples.
 * Oepoli, Batuputih, Motamasin and Simpang Polda are not in GeoNames; their positions are guesses.
 */
export interface DemoRoute {
  ruasNumber: string;
  name: string;
  status: RoadStatus;
  functionClass: FunctionClass;
  roadClass: RoadClass;
  /** BPS code of the regency the route lies in; a segment in another regency names its own. */
  regencyCode: string;
  proposedStatus?: RoadStatus;
  borderRoute?: boolean;
  rumijaWidthM?: number;
  carriagewayWidthM?: number;
  /**
   * Segments in order; each gets its own condition. Consecutive segments share their end vertex. A route that
   * crosses a regency border is split there, so that length is counted to the regency it lies in.
   */
  segments: { path: [number, number][]; condition: Condition; regencyCode?: string }[];
}

const P = {
  kupang: [123.60694, -10.17083],
  kelapalima: [123.6194, -10.1499],
  tarus: [123.6878, -10.1329],
  babau: [123.7863, -10.1054],
  oelamasi: [123.8787, -10.0642],
  camplong: [123.9234, -10.0376],
  takari: [124.0469, -9.9727],
  soe: [124.28395, -9.86071],
  noemuti: [124.495, -9.568],
  kefamenanu: [124.47806, -9.44667],
  atambua: [124.8925, -9.10611],
  lelogama: [123.954, -9.7114],
  oepoli: [124.04, -9.37],
  panteMakasar: [124.38333, -9.2],
  batuputih: [124.2, -10.0],
  ayotupas: [124.7076, -9.6971],
  biudukfoho: [124.7395, -9.6066],
  betun: [124.9075, -9.56722],
  motamasin: [125.05, -9.47],
  suai: [125.25648, -9.31286],
  nikiniki: [124.47649, -9.81361],
  oinlasi: [124.5744, -9.8499],
  eban: [124.3242, -9.5541],
  batakte: [123.5566, -10.2559],
  labuanBajo: [119.8877, -8.4964],
  werang: [120.0106, -8.6488],
  ruteng: [120.46444, -8.61139],
  borong: [120.60972, -8.8125],
  waelengga: [120.8073, -8.8261],
  bajawa: [120.9744, -8.7848],
  mataloko: [121.063, -8.8206],
  boawae: [121.1694, -8.7639],
  nangaroro: [121.3923, -8.7872],
  ende: [121.6623, -8.8432],
  detusoko: [121.7609, -8.7166],
  wolowaru: [121.886, -8.7835],
  paga: [122.04, -8.76],
  maumere: [122.2111, -8.6199],
  waipare: [122.2787, -8.6374],
  talibura: [122.5255, -8.5246],
  boru: [122.7108, -8.5252],
  larantuka: [122.9771, -8.3468],
  soa: [121.0361, -8.6981],
  riung: [121.0256, -8.4213],
  bentengjawa: [120.5722, -8.4569],
  pota: [120.7607, -8.3414],
  mbay: [121.2717, -8.5613],
  maurole: [121.8023, -8.511],
  tambolaka: [119.238, -9.4283],
  waimangura: [119.2377, -9.5098],
  waikabubak: [119.3889, -9.6475],
  waingapu: [120.2641, -9.6567],
  kananggar: [120.3622, -10.0432],
  nggongi: [120.2336, -10.1944],
  kalabahi: [124.5458, -8.2151],
  mainang: [124.6254, -8.2831],
  maritaing: [125.1242, -8.2907],
  lewoleba: [123.418, -8.3723],
  hadakewa: [123.5473, -8.3698],
  baa: [123.0492, -10.7263],
  busalangga: [123.0035, -10.804],
} satisfies Record<string, [number, number]>;

export const DEMO_ROUTES: DemoRoute[] = [
  // Trans-Timor (national) for context.
  {
    ruasNumber: 'N-01',
    name: 'Kupang – Oelamasi',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5303',
    carriagewayWidthM: 7,
    segments: [
      { path: [P.kupang, P.kelapalima, [123.6575, -10.1404]], condition: 'baik', regencyCode: '5371' },
      { path: [[123.6575, -10.1404], P.tarus], condition: 'baik' },
      { path: [P.tarus, P.babau, P.oelamasi], condition: 'baik' },
    ],
  },
  {
    ruasNumber: 'N-02',
    name: 'Oelamasi – Soe',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5304',
    carriagewayWidthM: 7,
    segments: [
      { path: [P.oelamasi, P.camplong, P.takari], condition: 'baik', regencyCode: '5303' },
      { path: [P.takari, [124.1449, -9.9357]], condition: 'sedang', regencyCode: '5303' },
      { path: [[124.1449, -9.9357], [124.16, -9.93], P.soe], condition: 'sedang' },
    ],
  },
  {
    ruasNumber: 'N-03',
    name: 'Soe – Kefamenanu',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5305',
    carriagewayWidthM: 7,
    segments: [
      { path: [P.soe, [124.38, -9.72], [124.4544, -9.6217]], condition: 'sedang', regencyCode: '5304' },
      { path: [[124.4544, -9.6217], P.noemuti], condition: 'sedang' },
      { path: [P.noemuti, P.kefamenanu], condition: 'baik' },
    ],
  },
  {
    ruasNumber: 'N-04',
    name: 'Kefamenanu – Atambua',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5306',
    carriagewayWidthM: 7,
    segments: [
      { path: [P.kefamenanu, [124.62, -9.36], [124.7004, -9.2911]], condition: 'baik', regencyCode: '5305' },
      { path: [[124.7004, -9.2911], [124.76, -9.24], P.atambua], condition: 'baik' },
    ],
  },

  // Border route towards Oecusse, proposed for national status.
  {
    ruasNumber: 'P-101',
    name: 'Oelamasi – Oepoli',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5303',
    proposedStatus: 'nasional',
    borderRoute: true,
    carriagewayWidthM: 4.5,
    segments: [
      { path: [P.oelamasi, [123.93, -9.93], P.lelogama], condition: 'rusak_ringan' },
      { path: [P.lelogama, [123.99, -9.58], [124.0, -9.45]], condition: 'rusak_berat' },
      { path: [[124.0, -9.45], P.oepoli], condition: 'rusak_berat' },
    ],
  },
  {
    ruasNumber: 'RDTL-1',
    name: 'Oepoli – Oekusi (RDTL, lanjutan)',
    status: 'rdtl',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5303',
    borderRoute: true,
    segments: [{ path: [P.oepoli, [124.2, -9.25], P.panteMakasar], condition: 'sedang' }],
  },

  // Border route towards Covalima, proposed for national status.
  {
    ruasNumber: 'P-102',
    name: 'Batuputih – Motamasin',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5321',
    proposedStatus: 'nasional',
    borderRoute: true,
    carriagewayWidthM: 4.5,
    segments: [
      { path: [P.batuputih, [124.42, -9.93], P.ayotupas], condition: 'rusak_ringan', regencyCode: '5304' },
      { path: [P.ayotupas, [124.7241, -9.6504]], condition: 'sedang', regencyCode: '5304' },
      { path: [[124.7241, -9.6504], P.biudukfoho, P.betun], condition: 'sedang' },
      { path: [P.betun, P.motamasin], condition: 'rusak_berat' },
    ],
  },
  {
    ruasNumber: 'RDTL-2',
    name: 'Motamasin – Suai, Covalima (RDTL, lanjutan)',
    status: 'rdtl',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5321',
    borderRoute: true,
    segments: [{ path: [P.motamasin, [125.15, -9.4], P.suai], condition: 'sedang' }],
  },

  // Timor, provincial.
  {
    ruasNumber: 'P-103',
    name: 'Soe – Niki-Niki – Oinlasi',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5304',
    carriagewayWidthM: 4.5,
    segments: [
      { path: [P.soe, P.nikiniki], condition: 'sedang' },
      { path: [P.nikiniki, P.oinlasi], condition: 'rusak_ringan' },
    ],
  },
  {
    ruasNumber: 'P-104',
    name: 'Kefamenanu – Eban',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5305',
    carriagewayWidthM: 4.5,
    segments: [{ path: [P.kefamenanu, [124.4, -9.5], P.eban], condition: 'rusak_berat' }],
  },
  {
    ruasNumber: 'P-105',
    name: 'Kupang – Batakte',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5303',
    carriagewayWidthM: 5,
    segments: [
      { path: [P.kupang, [123.58, -10.21], [123.577, -10.216]], condition: 'baik', regencyCode: '5371' },
      { path: [[123.577, -10.216], P.batakte], condition: 'baik' },
    ],
  },

  // Flores, national.
  {
    ruasNumber: 'N-21',
    name: 'Labuan Bajo – Ruteng',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5315',
    carriagewayWidthM: 6,
    segments: [
      { path: [P.labuanBajo, P.werang, [120.2393, -8.6213]], condition: 'baik' },
      { path: [[120.2393, -8.6213], [120.25, -8.62], P.ruteng], condition: 'baik', regencyCode: '5313' },
    ],
  },
  {
    ruasNumber: 'N-22',
    name: 'Ruteng – Borong',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5319',
    carriagewayWidthM: 6,
    segments: [
      { path: [P.ruteng, [120.5427, -8.7107]], condition: 'sedang', regencyCode: '5313' },
      { path: [[120.5427, -8.7107], [120.55, -8.72], P.borong], condition: 'sedang' },
    ],
  },
  {
    ruasNumber: 'N-23',
    name: 'Borong – Bajawa',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5312',
    carriagewayWidthM: 6,
    segments: [
      { path: [P.borong, P.waelengga, [120.8408, -8.8203]], condition: 'sedang', regencyCode: '5319' },
      { path: [[120.8408, -8.8203], [120.9, -8.81], P.bajawa], condition: 'sedang' },
    ],
  },
  {
    ruasNumber: 'N-24',
    name: 'Bajawa – Ende',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5311',
    carriagewayWidthM: 6,
    segments: [
      { path: [P.bajawa, P.mataloko, [121.1189, -8.7908]], condition: 'baik', regencyCode: '5312' },
      { path: [[121.1189, -8.7908], P.boawae], condition: 'baik', regencyCode: '5318' },
      { path: [P.boawae, P.nangaroro, [121.5317, -8.7985]], condition: 'sedang', regencyCode: '5318' },
      { path: [[121.5317, -8.7985], [121.55, -8.8], P.ende], condition: 'sedang' },
    ],
  },
  {
    ruasNumber: 'N-25',
    name: 'Ende – Maumere',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5310',
    carriagewayWidthM: 6,
    segments: [
      { path: [P.ende, P.detusoko, P.wolowaru], condition: 'sedang', regencyCode: '5311' },
      { path: [P.wolowaru, [121.9669, -8.7712]], condition: 'baik', regencyCode: '5311' },
      { path: [[121.9669, -8.7712], P.paga, [122.13, -8.7], P.maumere], condition: 'baik' },
    ],
  },
  {
    ruasNumber: 'N-26',
    name: 'Maumere – Larantuka',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5309',
    carriagewayWidthM: 6,
    segments: [
      { path: [P.maumere, P.waipare, P.talibura, [122.6203, -8.5249]], condition: 'baik', regencyCode: '5310' },
      { path: [[122.6203, -8.5249], P.boru, [122.86, -8.42], P.larantuka], condition: 'baik' },
    ],
  },

  // Flores, provincial.
  {
    ruasNumber: 'P-201',
    name: 'Bajawa – Riung',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5312',
    carriagewayWidthM: 4.5,
    segments: [
      { path: [P.bajawa, P.soa], condition: 'sedang' },
      { path: [P.soa, [121.05, -8.56], P.riung], condition: 'rusak_berat' },
    ],
  },
  {
    ruasNumber: 'P-202',
    name: 'Ruteng – Pota',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5313',
    carriagewayWidthM: 4.5,
    segments: [
      { path: [P.ruteng, [120.5187, -8.5337]], condition: 'rusak_ringan' },
      { path: [[120.5187, -8.5337], P.bentengjawa], condition: 'rusak_ringan', regencyCode: '5319' },
      { path: [P.bentengjawa, P.pota], condition: 'rusak_berat', regencyCode: '5319' },
    ],
  },
  {
    ruasNumber: 'P-203',
    name: 'Mbay – Boawae',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5318',
    carriagewayWidthM: 4.5,
    segments: [{ path: [P.mbay, [121.22, -8.66], P.boawae], condition: 'sedang' }],
  },
  {
    ruasNumber: 'P-204',
    name: 'Detusoko – Maurole',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5311',
    carriagewayWidthM: 4.5,
    segments: [{ path: [P.detusoko, [121.79, -8.62], P.maurole], condition: 'rusak_ringan' }],
  },

  // Sumba.
  {
    ruasNumber: 'N-41',
    name: 'Tambolaka – Waikabubak',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5317',
    carriagewayWidthM: 6,
    segments: [
      { path: [P.tambolaka, P.waimangura, [119.3512, -9.6132]], condition: 'baik' },
      { path: [[119.3512, -9.6132], P.waikabubak], condition: 'baik', regencyCode: '5301' },
    ],
  },
  {
    ruasNumber: 'N-42',
    name: 'Waikabubak – Waingapu',
    status: 'nasional',
    functionClass: 'arteri_primer',
    roadClass: 'raya',
    regencyCode: '5302',
    carriagewayWidthM: 6,
    segments: [
      { path: [P.waikabubak, [119.4693, -9.6637]], condition: 'sedang', regencyCode: '5301' },
      {
        path: [
          [119.4693, -9.6637],
          [119.65, -9.7],
          [119.789, -9.7121],
        ],
        condition: 'sedang',
        regencyCode: '5316',
      },
      {
        path: [
          [119.789, -9.7121],
          [119.88, -9.72],
        ],
        condition: 'sedang',
      },
      { path: [[119.88, -9.72], [120.1, -9.7], P.waingapu], condition: 'baik' },
    ],
  },
  {
    ruasNumber: 'P-401',
    name: 'Waingapu – Nggongi',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5302',
    carriagewayWidthM: 4.5,
    segments: [
      { path: [P.waingapu, [120.33, -9.85], P.kananggar], condition: 'rusak_ringan' },
      { path: [P.kananggar, P.nggongi], condition: 'rusak_berat' },
    ],
  },

  // Alor, Lembata, Rote.
  {
    ruasNumber: 'P-501',
    name: 'Kalabahi – Maritaing',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5307',
    carriagewayWidthM: 4.5,
    segments: [
      { path: [P.kalabahi, P.mainang], condition: 'sedang' },
      { path: [P.mainang, [124.85, -8.28], P.maritaing], condition: 'rusak_berat' },
    ],
  },
  {
    ruasNumber: 'P-502',
    name: 'Lewoleba – Hadakewa',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5308',
    carriagewayWidthM: 4.5,
    segments: [{ path: [P.lewoleba, [123.48, -8.36], P.hadakewa], condition: 'sedang' }],
  },
  {
    ruasNumber: 'P-503',
    name: 'Baa – Busalangga',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5314',
    carriagewayWidthM: 4.5,
    segments: [{ path: [P.baa, [123.03, -10.77], P.busalangga], condition: 'baik' }],
  },

  // City corridors for the right-of-way levy (surveyed-width examples: 25 m).
  {
    ruasNumber: 'P-601',
    name: 'Jl. Simpang Polda – Bandara El Tari',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'raya',
    regencyCode: '5371',
    rumijaWidthM: 25,
    carriagewayWidthM: 14,
    segments: [
      {
        path: [
          [123.6105, -10.1655],
          [123.618, -10.164],
          [123.626, -10.1625],
          [123.635, -10.1615],
        ],
        condition: 'baik',
      },
      {
        path: [
          [123.635, -10.1615],
          [123.645, -10.1625],
          [123.655, -10.165],
          [123.664, -10.169],
          [123.671, -10.172],
        ],
        condition: 'baik',
      },
    ],
  },
  {
    ruasNumber: 'P-602',
    name: 'Jl. Atambua Kota (koridor)',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5306',
    rumijaWidthM: 15,
    carriagewayWidthM: 7,
    segments: [
      {
        path: [
          [124.878, -9.099],
          [124.8925, -9.1061],
          [124.906, -9.114],
        ],
        condition: 'sedang',
      },
    ],
  },
  {
    ruasNumber: 'P-603',
    name: 'Jl. Ende Kota (koridor)',
    status: 'provinsi',
    functionClass: 'kolektor_primer',
    roadClass: 'sedang',
    regencyCode: '5311',
    rumijaWidthM: 15,
    carriagewayWidthM: 7,
    segments: [
      {
        path: [
          [121.645, -8.84],
          [121.6623, -8.8432],
          [121.68, -8.836],
        ],
        condition: 'baik',
      },
    ],
  },
];

/** The five bridges reported to the DPR (January 2026), on the Oelamasi – Oepoli side. */
export const DEMO_BRIDGES = [
  { name: 'Jembatan Kapsali', lengthM: 100, condition: 'rusak_berat', existence: 'existing', staM: 14_200 },
  { name: 'Jembatan Termanu', lengthM: 100, condition: 'rusak_berat', existence: 'existing', staM: 27_600 },
  { name: 'Jembatan Nunpisa', lengthM: 30, condition: 'rusak_berat', existence: 'existing', staM: 41_300 },
  { name: 'Jembatan Bipolo', lengthM: 25, condition: 'rusak_berat', existence: 'existing', staM: 55_800 },
  { name: "Jembatan Na'anruin", lengthM: 30, condition: null, existence: 'proposed', staM: 68_400 },
] as const;

export const DEMO_CORRIDORS = [
  { id: 'demo-corridor-kupang', name: 'Koridor Simpang Polda – Bandara El Tari', city: 'Kupang', ruasNumber: 'P-601' },
  { id: 'demo-corridor-atambua', name: 'Koridor Atambua', city: 'Atambua', ruasNumber: 'P-602' },
  { id: 'demo-corridor-ende', name: 'Koridor Ende', city: 'Ende', ruasNumber: 'P-603' },
] as const;
