import { createDemoDataset } from '../demo/create-demo-dataset';
import { createDemoStory } from '../demo/demo-story';
import type { Layer } from '../model/layer';
import { EXAMPLE_TARIFF_SCHEDULE } from '../tariff/tariff-schedule';
import type { ProjectContents, ProjectFeature } from './project-format';
import type { ProjectRecords } from './project-records';
import { createDemoRetribution } from '../demo/create-demo-retribution';
import { EXAMPLE_RETRIBUTION_SETTINGS } from '../retribution/retribution-settings';
import { EXAMPLE_HANDLING_CATALOGUE } from '../programme/example-handling-catalogue';

const AT = '2026-03-02T08:00:00.000Z';

/**
 * A workspace as the round trip asks for it: the demo, a layer imported with extra columns (text, whole and
 * decimal numbers, yes/no, nulls, a column of mixed values, names SQLite would confuse), a layer with a user style,
 * two stories and three versions of a tariff. For tests and benchmarks; the demo layers stay marked demo.
 */
export function projectFixture(): ProjectContents {
  const demo = createDemoDataset(AT);
  const layers = demo.layers.map((layer) => ({
    layer,
    features: demo.features
      .filter((feature) => feature.layerId === layer.id)
      .map((feature, i): ProjectFeature => ({
        ...feature,
        updatedAt: new Date(Date.parse(AT) + i * 1000).toISOString(),
      })),
  }));
  const imported: Layer = {
    id: 'import-tiang',
    name: 'Tiang PLN Kupang (impor)',
    kind: 'plain',
    order: 10,
    visible: true,
    styleBy: 'status',
    demo: false,
    createdAt: AT,
  };
  const importedFeatures: ProjectFeature[] = Array.from({ length: 25 }, (_, i) => ({
    id: `tiang-${i}`,
    layerId: imported.id,
    geometry: { type: 'Point', coordinates: [123.5912345 + i * 0.0012345678, -10.1598765 - i * 0.00098765432] },
    properties: {
      no_tiang: `KPG-${String(i).padStart(4, '0')}`,
      tinggi_m: 9 + (i % 3) * 1.5,
      jumlah_kabel: i % 4,
      beton: i % 2 === 0,
      pemilik: i % 5 === 0 ? null : 'PT PLN (Persero) UP3 Kupang',
      keterangan: i % 7 === 0 ? undefined : `Tiang "nomor" ${i}; catatan & <tanda>`,
      campuran: i % 2 === 0 ? i : `teks ${i}`,
      Nama: `atas ${i}`,
      nama: `bawah ${i}`,
      fid: i * 10,
      daftar: i === 3 ? ['a', 1, { b: true }] : null,
      ...(i === 4 ? { hanya_satu: 'ada' } : {}),
    },
  }));
  for (const feature of importedFeatures)
    if (feature.properties.keterangan === undefined) delete feature.properties.keterangan;
  const styled: Layer = {
    ...imported,
    id: 'import-tiang-gaya',
    name: 'Tiang bergaya',
    order: 11,
    opacity: 0.8,
    style: {
      rule: {
        type: 'classes',
        field: 'tinggi_m',
        method: 'equal',
        palette: 'YlOrRd',
        breaks: [9, 10, 11, 12],
        colors: ['#ffeda0', '#feb24c', '#f03b20'],
        otherColor: '#9e9e9e',
      },
      pointSize: 6,
      label: 'no_tiang',
    },
  };
  const categorised: Layer = {
    ...imported,
    id: 'import-tiang-kategori',
    name: 'Tiang per pemilik',
    order: 12,
    style: {
      rule: {
        type: 'categories',
        field: 'no_tiang',
        palette: 'Set1',
        categories: [
          { value: 'KPG-0000', color: '#e41a1c' },
          { value: 'KPG-0001', color: '#377eb8' },
        ],
        otherColor: '#999999',
      },
    },
  };
  const copyFor = (layer: Layer) =>
    importedFeatures.map((feature) => ({ ...feature, id: `${layer.id}-${feature.id}`, layerId: layer.id }));
  const story = createDemoStory(demo, AT);
  const second = {
    ...story,
    id: 'cerita-kedua',
    title: 'Rapat dengar pendapat — Kupang',
    demo: false,
    slides: story.slides.slice(0, 2),
  };
  const tariffs = [1, 2, 3].map((version) => ({
    ...EXAMPLE_TARIFF_SCHEDULE,
    version,
    validFrom: `202${5 + version}-01-01`,
    items: EXAMPLE_TARIFF_SCHEDULE.items.map((item) => ({ ...item, ratePerYearIdr: item.ratePerYearIdr * version })),
    savedAt: new Date(Date.parse(AT) + version * 86_400_000).toISOString(),
  }));
  return {
    name: 'Uji proyek NTT',
    savedAt: AT,
    appVersion: '0.1.0',
    layers: [
      ...layers,
      { layer: imported, features: importedFeatures },
      { layer: styled, features: copyFor(styled) },
      { layer: categorised, features: copyFor(categorised) },
    ],
    stories: [story, second],
    tariffs,
    savedStyles: [{ name: 'Tinggi tiang', style: styled.style! }],
    backgrounds: [],
    settings: { basemap: 'ntt' },
    records: projectRecordsFixture(),
    // Photos need real JPEGs, which the tests make (tests/unit/project-photos.ts).
    photos: [],
  };
}

/** The demo retribution cycle, two versions of a handling catalogue and a work programme, as a project carries them. */
function projectRecordsFixture(): ProjectRecords {
  const retribution = createDemoRetribution(createDemoDataset(AT).features, AT);
  return {
    ...retribution,
    retributionSettings: [{ ...EXAMPLE_RETRIBUTION_SETTINGS, lastSequence: { '2026': 12 } }],
    handlingCatalogues: [1, 2].map((version) => ({
      catalogue: { ...EXAMPLE_HANDLING_CATALOGUE, version, assumedWidthM: 4 + version },
      savedAt: new Date(Date.parse(AT) + version * 3_600_000).toISOString(),
    })),
    workProgrammes: [
      {
        id: 'program-2027',
        year: 2027,
        budgetIdr: 100_000_000_000,
        catalogueId: EXAMPLE_HANDLING_CATALOGUE.id,
        statuses: ['provinsi'],
        savedAt: AT,
      },
    ],
  };
}
