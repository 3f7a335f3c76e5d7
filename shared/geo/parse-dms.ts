/**
 * Parses a degrees-minutes-seconds pair such as `09°43'41.99" S 120°00'04.00" E`
 * (latitude first, as in idn-area-data) into a lon/lat position, or null.
 */
export function parseDmsCoordinate(text: string): [number, number] | null {
  const match = /(\d+)°(\d+)'([\d.]+)"\s*([NS])\s+(\d+)°(\d+)'([\d.]+)"\s*([EW])/.exec(text);
  if (!match) return null;
  const toDegrees = (d: string, m: string, s: string, hemisphere: string) => {
    const value = Number(d) + Number(m) / 60 + Number(s) / 3600;
    return hemisphere === 'S' || hemisphere === 'W' ? -value : value;
  };
  const latitude = toDegrees(match[1]!, match[2]!, match[3]!, match[4]!);
  const longitude = toDegrees(match[5]!, match[6]!, match[7]!, match[8]!);
  return [Number(longitude.toFixed(5)), Number(latitude.toFixed(5))];
}
