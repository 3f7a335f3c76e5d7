import type { FeatureCollection, Geometry } from 'geojson';
import type { ParseResult } from './parse-geojson';
import { openZipSafely } from './zip-guard';

/**
 * A zipped Shapefile: shpjs reprojects with the .prj (proj4) and decodes attributes with the .cpg.
 * Several layers in one zip are merged with a `layer` property naming each.
 */
export async function importZippedShapefile(
  bytes: Uint8Array,
  fileName: string,
): Promise<ParseResult<FeatureCollection>> {
  const zip = await openZipSafely(bytes, fileName);
  if (!zip.ok) return zip;
  const names = Object.keys(zip.value.files);
  if (!names.some((name) => /\.shp$/i.test(name)))
    return { ok: false, error: `${fileName}: tidak ada .shp di dalam zip / no .shp inside the zip` };
  if (!names.some((name) => /\.prj$/i.test(name))) {
    return {
      ok: false,
      error: `${fileName}: tidak ada .prj; sistem koordinat tidak diketahui / no .prj, the coordinate system is unknown`,
    };
  }
  let parsed: FeatureCollection | (FeatureCollection & { fileName?: string })[];
  try {
    // Loaded when needed; as an ES module it also works in Node (its CommonJS build expects a browser).
    const { default: shp } = await import('shpjs');
    parsed = (await shp(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    )) as typeof parsed;
  } catch (error) {
    return {
      ok: false,
      error: `${fileName}: Shapefile tidak dapat dibaca / cannot read the Shapefile: ${(error as Error).message}`,
    };
  }
  const collections = Array.isArray(parsed) ? parsed : [parsed];
  const features = collections.flatMap((collection) =>
    collection.features
      .filter((feature) => feature.geometry)
      .map((feature) => ({
        ...feature,
        geometry: feature.geometry as Geometry,
        properties: {
          ...(feature.properties ?? {}),
          ...(collections.length > 1 ? { layer: (collection as { fileName?: string }).fileName ?? '' } : {}),
        },
      })),
  );
  return { ok: true, value: { type: 'FeatureCollection', features } };
}
