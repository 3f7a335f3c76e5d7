import { toWgs84 } from '../geo/known-crs';
import type { SourceRecord } from './check-records';

/** Records' geometries from a known coordinate system (an EPSG code or a proj4/WKT definition) to WGS 84. */
export function reprojectRecords(records: SourceRecord[], code: string): void {
  const convert = toWgs84(code);
  const walk = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number'
      ? convert(value as number[])
      : Array.isArray(value)
        ? value.map(walk)
        : value;
  for (const record of records) {
    const geometry = record.geometry as { coordinates?: unknown; geometries?: unknown[] } | null;
    if (geometry?.coordinates) record.geometry = { ...geometry, coordinates: walk(geometry.coordinates) };
    else if (geometry?.geometries)
      record.geometry = {
        ...geometry,
        geometries: geometry.geometries.map((part) => {
          const holder = [{ geometry: part, properties: {} }];
          reprojectRecords(holder, code);
          return holder[0]!.geometry;
        }),
      };
  }
}
