import { toWgs84 } from './known-crs';

/** NTT's projected systems, most common first: UTM on WGS 84, then DGN95 / Indonesia TM-3 (BPN, consultants). */
const NTT_PROJECTED = ['EPSG:32751', 'EPSG:32750', 'EPSG:23840', 'EPSG:23839', 'EPSG:23838'];

/** NTT with a margin (Sumba to the Timor-Leste border, Alor to Rote). */
const insideNtt = ([lon, lat]: number[]) => lon! >= 118.8 && lon! <= 125.3 && lat! >= -11.2 && lat! <= -8;

/**
 * The systems that put every coordinate (a sample of up to 200) inside NTT. UTM zones 50S and 51S exclude each
 * other; the TM-3 zones share their false origin, so a drawing near a zone's middle fits more than one of them
 * and the user has to say which.
 */
export function suggestCrs(positions: readonly number[][]): string[] {
  const step = Math.max(1, Math.floor(positions.length / 200));
  const sample = positions.filter((_, index) => index % step === 0);
  if (sample.length === 0) return [];
  return NTT_PROJECTED.filter((code) => {
    const convert = toWgs84(code);
    return sample.every((position) => insideNtt(convert(position)));
  });
}
