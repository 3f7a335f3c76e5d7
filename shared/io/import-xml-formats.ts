import { gpx, kmlWithFolders } from '@tmcw/togeojson';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ParseResult } from './parse-geojson';
import { openZipSafely } from './zip-guard';

/** The part of an XML DOM document used here; shared/ has no DOM types of its own. */
export interface XmlDocument {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
}

/** Parses XML text into a document: DOMParser in the app, @xmldom/xmldom in Node. */
export type XmlParser = (text: string) => XmlDocument;

/** Entities are refused outright: they serve no purpose in KML/GPX and enable expansion attacks. */
function refuseEntities(text: string, fileName: string): string | null {
  return /<!DOCTYPE|<!ENTITY/i.test(text)
    ? `${fileName}: DTD/ENTITY di XML ditolak (risiko ekspansi entitas) / XML entities refused`
    : null;
}

function parseXml(text: string, fileName: string, parse: XmlParser): ParseResult<XmlDocument> {
  const refused = refuseEntities(text, fileName);
  if (refused) return { ok: false, error: refused };
  let document: XmlDocument;
  try {
    document = parse(text);
  } catch (error) {
    return { ok: false, error: `${fileName}: XML tidak sah / invalid XML: ${(error as Error).message}` };
  }
  const parserError = document.getElementsByTagName('parsererror')[0];
  if (parserError)
    return {
      ok: false,
      error: `${fileName}: XML tidak sah / invalid XML: ${parserError.textContent?.trim().slice(0, 200)}`,
    };
  return { ok: true, value: document };
}

interface FolderNode {
  type: 'folder' | 'Feature';
  meta?: { name?: string };
  children?: FolderNode[];
}

/** KML: placemarks become features; the folder path is kept as the `folder` property. */
export function importKml(text: string, fileName: string, parse: XmlParser): ParseResult<FeatureCollection> {
  const document = parseXml(text, fileName, parse);
  if (!document.ok) return document;
  if (document.value.getElementsByTagName('kml').length === 0)
    return { ok: false, error: `${fileName}: bukan KML / not KML` };
  const features: Feature<Geometry>[] = [];
  const walk = (nodes: FolderNode[], path: string[]) => {
    for (const node of nodes) {
      if (node.type === 'folder') walk(node.children ?? [], [...path, node.meta?.name ?? '']);
      else {
        const feature = node as unknown as Feature<Geometry | null>;
        if (!feature.geometry) continue;
        features.push({
          ...(feature as Feature<Geometry>),
          properties: { ...(feature.properties ?? {}), ...(path.length ? { folder: path.join(' / ') } : {}) },
        });
      }
    }
  };
  walk((kmlWithFolders(document.value as never) as unknown as { children: FolderNode[] }).children, []);
  return { ok: true, value: { type: 'FeatureCollection', features } };
}

export async function importKmz(
  bytes: Uint8Array,
  fileName: string,
  parse: XmlParser,
): Promise<ParseResult<FeatureCollection>> {
  const zip = await openZipSafely(bytes, fileName);
  if (!zip.ok) return zip;
  const entry = Object.values(zip.value.files).find((file) => !file.dir && /\.kml$/i.test(file.name));
  if (!entry) return { ok: false, error: `${fileName}: tidak ada .kml di dalam KMZ / no .kml inside the KMZ` };
  return importKml(await entry.async('string'), `${fileName}/${entry.name}`, parse);
}

/** GPX: tracks and routes become lines, waypoints points. */
export function importGpx(text: string, fileName: string, parse: XmlParser): ParseResult<FeatureCollection> {
  const document = parseXml(text, fileName, parse);
  if (!document.ok) return document;
  if (document.value.getElementsByTagName('gpx').length === 0)
    return { ok: false, error: `${fileName}: bukan GPX / not GPX` };
  const collection = gpx(document.value as never) as FeatureCollection<Geometry | null>;
  return {
    ok: true,
    value: {
      type: 'FeatureCollection',
      features: collection.features.filter((f): f is Feature<Geometry> => f.geometry !== null),
    },
  };
}
