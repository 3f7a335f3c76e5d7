import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Geodesic } from 'geographiclib-geodesic';

const places = JSON.parse(readFileSync(resolve(__dirname, '../../resources/public/basemap/places.json'), 'utf8')) as {
  features: { properties: { name: string }; geometry: { coordinates: [number, number] } }[];
};

describe('the shipped place names', () => {
  it('label each town once: no two places of one name within 5 km (GeoNames lists Lifau twice)', () => {
    const close: string[] = [];
    places.features.forEach((a, index) => {
      for (const b of places.features.slice(index + 1)) {
        if (a.properties.name !== b.properties.name) continue;
        const [[lon1, lat1], [lon2, lat2]] = [a.geometry.coordinates, b.geometry.coordinates];
        const metres = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12!;
        if (metres < 5000) close.push(`${a.properties.name} ${Math.round(metres)} m`);
      }
    });
    expect(close).toEqual([]);
    expect(places.features.filter((place) => place.properties.name === 'Lifau')).toHaveLength(1);
  });
});
