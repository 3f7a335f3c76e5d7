import { gpx, kmlWithFolders } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import type { ParseResult } from './parse-geojson';
import { nameOfProperties, type SourceRecord } from './check-records';
import type { FormatRead, XmlDocument, XmlElement, XmlParser } from './formats/file-format';
import { unzipSafely } from './zip-guard';
import { decodeUtf8WithProgress } from './import-progress';
import { problem, type Problem } from '../messages/problem';

/** Entities are refused outright: they serve no purpose in KML/GPX and enable expansion attacks. */
function refuseEntities(text: string, fileName: string): Problem | null {
  return /<!DOCTYPE|<!ENTITY/i.test(text) ? problem('file.xmlEntities', { file: fileName }) : null;
}

function parseXml(text: string, fileName: string, parse: XmlParser): ParseResult<XmlDocument> {
  const refused = refuseEntities(text, fileName);
  if (refused) return { ok: false, error: refused };
  let document: XmlDocument;
  try {
    document = parse(text);
  } catch (error) {
    return { ok: false, error: problem('file.invalidXml', { file: fileName, detail: (error as Error).message }) };
  }
  const parserError = document.getElementsByTagName('parsererror')[0];
  if (parserError)
    return {
      ok: false,
      error: problem('file.invalidXml', {
        file: fileName,
        detail: parserError.textContent?.trim().slice(0, 200) ?? '',
      }),
    };
  return { ok: true, value: document };
}

interface FolderNode {
  type: 'folder' | 'Feature';
  meta?: { name?: string };
  children?: FolderNode[];
}

const read = (records: SourceRecord[]): ParseResult<FormatRead> => ({
  ok: true,
  value: { records, crs: 'WGS 84 (EPSG:4326)', warnings: [] },
});

/** KML: placemarks become records (those without geometry too, to be counted); the folder path is kept. */
export function readKml(text: string, fileName: string, parse: XmlParser): ParseResult<FormatRead> {
  const document = parseXml(text, fileName, parse);
  if (!document.ok) return document;
  if (document.value.getElementsByTagName('kml').length === 0)
    return { ok: false, error: problem('file.notKml', { file: fileName }) };
  const placemarks = document.value.getElementsByTagName('Placemark').length;
  if (placemarks === 0 && document.value.getElementsByTagName('NetworkLink').length > 0) {
    const href = document.value.getElementsByTagName('href')[0]?.textContent?.trim();
    return {
      ok: false,
      error: href
        ? problem('file.kmlOnlyLinksTo', { file: fileName, href })
        : problem('file.kmlOnlyLinks', { file: fileName }),
    };
  }
  const records: SourceRecord[] = [];
  const walk = (nodes: FolderNode[], path: string[]) => {
    for (const node of nodes) {
      if (node.type === 'folder') walk(node.children ?? [], [...path, node.meta?.name ?? '']);
      else {
        const feature = node as unknown as Feature<Geometry | null>;
        const properties = { ...(feature.properties ?? {}), ...(path.length ? { folder: path.join(' / ') } : {}) };
        records.push({ geometry: feature.geometry, properties, name: nameOfProperties(properties) });
      }
    }
  };
  walk((kmlWithFolders(document.value as never) as unknown as { children: FolderNode[] }).children, []);
  return read(records);
}

export function readKmz(bytes: Uint8Array, fileName: string, parse: XmlParser): ParseResult<FormatRead> {
  const entries = unzipSafely(bytes, fileName, (name) => /\.kml$/i.test(name));
  if (!entries.ok) return entries;
  // Google Earth reads doc.kml, or else the first .kml in the archive.
  const names = [...entries.value.keys()].sort(
    (a, b) => Number(/(^|\/)doc\.kml$/i.test(b)) - Number(/(^|\/)doc\.kml$/i.test(a)),
  );
  const name = names[0];
  if (!name) return { ok: false, error: problem('file.noKmlInKmz', { file: fileName }) };
  const text = decodeUtf8WithProgress(entries.value.get(name)!, () => undefined);
  if (text === null) return { ok: false, error: problem('file.notUtf8', { file: `${fileName}/${name}` }) };
  return readKml(text, `${fileName}/${name}`, parse);
}

/**
 * The first GPX point whose lat or lon is not a number ("undefined", "no", empty), named by where it is:
 * togeojson drops such points without a word, so a waypoint would vanish from the import unseen.
 */
function badGpxPoint(document: XmlDocument): Problem | null {
  const check = (point: XmlElement, where: Problem): Problem | null => {
    for (const axis of ['lat', 'lon'] as const) {
      const value = point.getAttribute(axis);
      if (value === null || value.trim() === '' || !Number.isFinite(Number(value))) {
        return problem('gpx.notANumber', { where, axis, value: (value ?? '').slice(0, 40) });
      }
    }
    return null;
  };
  const nameOf = (element: XmlElement) => {
    const name = Array.from(element.getElementsByTagName('name'))[0]?.textContent?.trim();
    return name ? ` (${name.slice(0, 60)})` : '';
  };
  for (const [index, waypoint] of Array.from(document.getElementsByTagName('wpt')).entries()) {
    const name = nameOf(waypoint);
    const found = check(waypoint, problem('gpx.waypoint', { number: index + 1, name }));
    if (found) return found;
  }
  for (const [tag, pointTag, kind] of [
    ['trk', 'trkpt', 'gpx.trackPoint'],
    ['rte', 'rtept', 'gpx.routePoint'],
  ] as const) {
    for (const [index, line] of Array.from(document.getElementsByTagName(tag)).entries()) {
      const name = nameOf(line);
      for (const [pointIndex, point] of Array.from(line.getElementsByTagName(pointTag)).entries()) {
        const found = check(point, problem(kind, { line: index + 1, name, point: pointIndex + 1 }));
        if (found) return found;
      }
    }
  }
  return null;
}

/** GPX: tracks and routes become lines (per-vertex times kept), waypoints points. */
export function readGpx(text: string, fileName: string, parse: XmlParser): ParseResult<FormatRead> {
  const document = parseXml(text, fileName, parse);
  if (!document.ok) return document;
  if (document.value.getElementsByTagName('gpx').length === 0)
    return { ok: false, error: problem('file.notGpx', { file: fileName }) };
  const bad = badGpxPoint(document.value);
  if (bad) return { ok: false, error: problem('file.at', { file: fileName, problem: bad }) };
  const collection = gpx(document.value as never) as { features: Feature<Geometry | null>[] };
  const records: SourceRecord[] = collection.features.map((feature) => {
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    return { geometry: feature.geometry, properties, name: nameOfProperties(properties) };
  });
  // togeojson leaves out tracks without points; count them so nothing vanishes unseen.
  const tracks = document.value.getElementsByTagName('trk').length + document.value.getElementsByTagName('rte').length;
  const lines = records.filter(
    (record) =>
      record.geometry !== null && record.geometry !== undefined && (record.geometry as Geometry).type !== 'Point',
  ).length;
  for (let missing = tracks - lines; missing > 0; missing -= 1)
    records.push({ geometry: null, properties: {}, emptyNote: problem('record.trackWithoutPoints') });
  return read(records);
}
