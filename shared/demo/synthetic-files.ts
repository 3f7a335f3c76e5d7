import { createRandom } from './synthetic-network';

/** A GeoJSON text of about `megabytes` MB of short survey lines over NTT, for import benchmarks. SYNTHETIC. */
export function createLargeGeoJsonText(megabytes: number, seed = 1): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    let [lon, lat] = [119 + random() * 6, -10.9 + random() * 2.6];
    const coordinates: string[] = [];
    for (let v = 0; v < 6; v++) {
      coordinates.push(`[${lon.toFixed(6)},${lat.toFixed(6)}]`);
      lon += (random() - 0.5) * 0.002;
      lat += (random() - 0.5) * 0.002;
    }
    const feature = `{"type":"Feature","geometry":{"type":"LineString","coordinates":[${coordinates.join(',')}]},"properties":{"id":${i},"nama":"Kabel sintetis ${i}","pemilik":"${random() < 0.5 ? 'PLN' : 'Telkom'}","tahun":${2000 + Math.floor(random() * 25)}}}`;
    parts.push(feature);
    size += feature.length + 1;
  }
  return `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}`;
}

/** A CSV text of `rows` survey points (lon, lat and three attributes). SYNTHETIC. */
export function createLargeCsvText(rows: number, seed = 2): string {
  const random = createRandom(seed);
  const lines = ['lon,lat,nama,kategori,pemilik'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${(119 + random() * 6).toFixed(6)},${(-10.9 + random() * 2.6).toFixed(6)},Tiang ${i},tiang_listrik,${random() < 0.5 ? 'PLN' : 'Telkom'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
