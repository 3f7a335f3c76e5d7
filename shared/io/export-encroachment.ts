import type { Feature, FeatureCollection } from 'geojson';
import { csvCell } from './csv-cell';
import { normalizeGeometry } from './export-layer';
import type { EncroachmentResult } from '../analysis/encroachment';
import type { StoredFeature } from '../model/layer';
import type { RetributionEstimate } from '../tariff/estimate-retribution';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface EncroachmentRow {
  id: string;
  kategori: string;
  pemilik: string;
  jenis_pemilik: string;
  zona: string;
  ruas: string;
  koridor: string;
  jarak_as_m: number | null;
  sta_m: number | null;
  jumlah_dalam_rumija: number;
  satuan: string;
  tarif_per_tahun_idr: number;
  retribusi_idr: number;
  masalah: string;
  jadwal_tarif: string;
  tarif_contoh: boolean;
}

/** One flat row per asset with the computed fields, shared by the GeoJSON and CSV exports. */
export function encroachmentRows(
  assets: readonly StoredFeature[],
  results: readonly EncroachmentResult[],
  estimate: RetributionEstimate,
): EncroachmentRow[] {
  const byAsset = new Map(results.map((result) => [result.assetId, result]));
  const lineByAsset = new Map(estimate.lines.map((line) => [line.assetId, line]));
  return assets.map((asset) => {
    const result = byAsset.get(asset.id);
    const line = lineByAsset.get(asset.id);
    return {
      id: asset.id,
      kategori: String(asset.properties.category ?? ''),
      pemilik: String(asset.properties.owner ?? ''),
      jenis_pemilik: String(asset.properties.ownerType ?? ''),
      zona: result?.zone ?? 'luar',
      ruas: result?.ruasNumber ?? '',
      koridor: result?.corridorIds.join(';') ?? '',
      jarak_as_m: result?.offsetM === null || result?.offsetM === undefined ? null : round(result.offsetM, 2),
      sta_m: result?.staM === null || result?.staM === undefined ? null : round(result.staM, 1),
      jumlah_dalam_rumija: round(result?.quantity ?? 0, 2),
      satuan: result?.unit ?? '',
      tarif_per_tahun_idr: line?.ratePerYearIdr ?? 0,
      retribusi_idr: Math.round(line?.amountIdr ?? 0),
      masalah: line?.problem ?? '',
      jadwal_tarif: `${estimate.scheduleId} v${estimate.scheduleVersion}`,
      tarif_contoh: estimate.example,
    };
  });
}

export function encroachmentGeoJson(
  assets: readonly StoredFeature[],
  rows: readonly EncroachmentRow[],
): FeatureCollection {
  const features: Feature[] = assets.map((asset, index) => ({
    type: 'Feature',
    geometry: normalizeGeometry(asset.geometry),
    properties: { ...rows[index] },
  }));
  return { type: 'FeatureCollection', features };
}

export function encroachmentCsv(assets: readonly StoredFeature[], rows: readonly EncroachmentRow[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!) as (keyof EncroachmentRow)[];
  const lines = [[...columns, 'lon', 'lat'].join(',')];
  rows.forEach((row, index) => {
    const geometry = assets[index]!.geometry;
    const anchor =
      geometry.type === 'Point'
        ? geometry.coordinates
        : geometry.type === 'LineString'
          ? geometry.coordinates[0]
          : geometry.type === 'Polygon'
            ? geometry.coordinates[0]![0]
            : [NaN, NaN];
    lines.push(
      [...columns.map((column) => csvCell(row[column])), round(anchor![0]!, 7), round(anchor![1]!, 7)].join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}
