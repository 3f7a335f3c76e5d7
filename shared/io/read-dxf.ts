import DxfParser from 'dxf-parser';
import type { Geometry, Position } from 'geojson';
import type { ParseResult } from './parse-geojson';
import type { SourceRecord } from './check-records';
import type { FormatRead, ReadOptions } from './formats/file-format';
import { crsName, resolveCrsCode } from '../geo/known-crs';
import { suggestCrs } from '../geo/suggest-crs';
import { positionsOf } from '../geo/positions-of';
import { reprojectRecords } from './reproject-records';
import { problem, type Problem } from '../messages/problem';

/** Degrees per segment when arcs and bulges become vertices (GDAL's OGR_ARC_STEPSIZE default). */
const ARC_STEP_DEGREES = 4;

interface XYZ {
  x: number;
  y: number;
  z?: number;
}

/** The fields of dxf-parser's entities Rumija reads (its types name each kind separately). */
interface DxfEntity {
  type: string;
  layer?: string;
  inPaperSpace?: boolean;
  handle?: string | number;
  vertices?: (XYZ & { bulge?: number })[];
  shape?: boolean;
  is3dPolygonMesh?: boolean;
  isPolyfaceMesh?: boolean;
  elevation?: number;
  center?: XYZ;
  radius?: number;
  startAngle?: number;
  endAngle?: number;
  position?: XYZ;
  startPoint?: XYZ;
  text?: string;
  textHeight?: number;
  height?: number;
  rotation?: number;
  name?: string;
  extrusionDirectionZ?: number;
  extrusionDirection?: XYZ;
  /** ATTRIB (read by the handler below). */
  tag?: string;
  value?: string;
  /** HATCH boundaries (read by the handler below). */
  rings?: Position[][];
  unreadBoundaries?: number;
}

interface Group {
  code: number;
  value: unknown;
}
interface Scanner {
  next(): Group;
  isEOF(): boolean;
}

/** Collects an entity's groups up to the next entity; the parser goes on from the group it stopped at. */
function groupsOf(scanner: Scanner): Group[] {
  const groups: Group[] = [];
  let current = scanner.next();
  while (!scanner.isEOF() && current.code !== 0) {
    groups.push(current);
    current = scanner.next();
  }
  return groups;
}

/** ATTRIB entities follow their INSERT: tag (2) and value (1). dxf-parser skips them otherwise. */
class AttribHandler {
  ForEntityName = 'ATTRIB' as const;
  parseEntity(scanner: Scanner, current: Group): DxfEntity {
    const entity: DxfEntity = { type: String(current.value) };
    for (const group of groupsOf(scanner)) {
      if (group.code === 2) entity.tag = String(group.value);
      else if (group.code === 1) entity.value = String(group.value);
      else if (group.code === 8) entity.layer = String(group.value);
      else if (group.code === 67) entity.inPaperSpace = group.value === 1;
    }
    return entity;
  }
}

/**
 * POLYLINE (R12 and survey software) and its VERTEX entities. dxf-parser's own handler loops for ever when a
 * POLYLINE lacks its SEQEND or is followed by anything but VERTEX/SEQEND, which froze the import worker; this one
 * ends the polyline at the first other entity.
 */
class PolylineHandler {
  ForEntityName = 'POLYLINE' as const;
  parseEntity(scanner: Scanner, current: Group): DxfEntity {
    const entity: DxfEntity = { type: String(current.value), vertices: [] };
    let group = scanner.next();
    for (; !scanner.isEOF() && group.code !== 0; group = scanner.next()) {
      if (group.code === 8) entity.layer = String(group.value);
      else if (group.code === 5) entity.handle = String(group.value);
      else if (group.code === 67) entity.inPaperSpace = group.value !== 0;
      else if (group.code === 70) {
        const flags = Number(group.value);
        entity.shape = (flags & 1) !== 0;
        entity.is3dPolygonMesh = (flags & 16) !== 0;
        entity.isPolyfaceMesh = (flags & 64) !== 0;
      }
    }
    while (!scanner.isEOF() && group.code === 0 && group.value === 'VERTEX') {
      const vertex: XYZ & { bulge?: number } = { x: NaN, y: NaN };
      for (group = scanner.next(); !scanner.isEOF() && group.code !== 0; group = scanner.next()) {
        if (group.code === 10) vertex.x = Number(group.value);
        else if (group.code === 20) vertex.y = Number(group.value);
        else if (group.code === 30) vertex.z = Number(group.value);
        else if (group.code === 42 && Number(group.value) !== 0) vertex.bulge = Number(group.value);
      }
      entity.vertices!.push(vertex);
    }
    if (!scanner.isEOF() && group.code === 0 && group.value === 'SEQEND') groupsOf(scanner);
    return entity;
  }
}

/**
 * HATCH (what GDAL writes polygons as): boundary paths that are polylines (with bulges) or edges of lines and
 * arcs become rings; other edges (ellipses, splines) are counted as unread.
 */
class HatchHandler {
  ForEntityName = 'HATCH' as const;
  parseEntity(scanner: Scanner, current: Group): DxfEntity {
    const entity: DxfEntity = { type: String(current.value), rings: [], unreadBoundaries: 0 };
    const groups = groupsOf(scanner);
    let index = 0;
    const take = (code: number) => {
      while (index < groups.length && groups[index]!.code !== code) index += 1;
      return index < groups.length ? Number(groups[index++]!.value) : NaN;
    };
    for (const group of groups) {
      if (group.code === 8) entity.layer = String(group.value);
      if (group.code === 67) entity.inPaperSpace = group.value === 1;
    }
    const paths = take(91);
    for (let path = 0; path < (Number.isFinite(paths) ? paths : 0); path += 1) {
      const flags = take(92);
      const ring: Position[] = [];
      if (flags & 2) {
        const hasBulge = take(72) === 1;
        take(73);
        const count = take(93);
        const vertices: (XYZ & { bulge?: number })[] = [];
        for (let v = 0; v < count; v += 1) {
          const x = take(10);
          const y = take(20);
          vertices.push({ x, y, bulge: hasBulge ? take(42) : 0 });
        }
        const [first, last] = [vertices[0], vertices.at(-1)];
        const repeatsFirst = count > 1 && first!.x === last!.x && first!.y === last!.y;
        ring.push(...polylinePositions(vertices, !repeatsFirst));
      } else {
        const edges = take(93);
        let readable = true;
        for (let e = 0; e < edges; e += 1) {
          const type = take(72);
          if (type === 1) {
            const start = [take(10), take(20)];
            const end = [take(11), take(21)];
            if (ring.length === 0) ring.push(start);
            ring.push(end);
          } else if (type === 2) {
            const center = { x: take(10), y: take(20) };
            const radius = take(40);
            const start = (take(50) * Math.PI) / 180;
            const end = (take(51) * Math.PI) / 180;
            // A clockwise edge gives its angles mirrored: it runs clockwise from -start to -end.
            const arc =
              take(73) === 1
                ? arcPositions(center, radius, start, end)
                : arcPositions(center, radius, -end, -start).reverse();
            ring.push(...arc);
          } else readable = false;
        }
        if (!readable) {
          entity.unreadBoundaries! += 1;
          continue;
        }
      }
      if (ring.length >= 3) entity.rings!.push(closeRing(ring));
    }
    return entity;
  }
}

const closeRing = (ring: Position[]) => {
  const [first, last] = [ring[0]!, ring.at(-1)!];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
};

/** Points along an arc from `start` to `end` (radians, counter-clockwise), both ends included. */
function arcPositions(center: XYZ, radius: number, start: number, end: number): Position[] {
  let sweep = end - start;
  while (sweep <= 0) sweep += 2 * Math.PI;
  const steps = Math.max(1, Math.ceil((sweep * 180) / Math.PI / ARC_STEP_DEGREES));
  return Array.from({ length: steps + 1 }, (_, step) => {
    const angle = start + (sweep * step) / steps;
    return [center.x + radius * Math.cos(angle), center.y + radius * Math.sin(angle)];
  });
}

/**
 * A polyline's vertices with their bulges (tan of a quarter of the arc's angle, positive counter-clockwise) as
 * positions, each arc densified.
 */
export function polylinePositions(vertices: readonly (XYZ & { bulge?: number })[], closed: boolean): Position[] {
  const out: Position[] = [];
  const count = vertices.length;
  for (let index = 0; index < count; index += 1) {
    const from = vertices[index]!;
    out.push([from.x, from.y]);
    const to = vertices[index + 1] ?? (closed ? vertices[0] : undefined);
    const bulge = from.bulge ?? 0;
    if (!to || bulge === 0) continue;
    const angle = 4 * Math.atan(bulge);
    const [dx, dy] = [to.x - from.x, to.y - from.y];
    const chord = Math.hypot(dx, dy);
    if (chord === 0) continue;
    // From the chord's middle to the centre, along the chord's left normal.
    const offset = chord / 2 / Math.tan(angle / 2);
    const center = { x: (from.x + to.x) / 2 - (dy / chord) * offset, y: (from.y + to.y) / 2 + (dx / chord) * offset };
    const radius = Math.hypot(from.x - center.x, from.y - center.y);
    const start = Math.atan2(from.y - center.y, from.x - center.x);
    const steps = Math.max(1, Math.ceil((Math.abs(angle) * 180) / Math.PI / ARC_STEP_DEGREES));
    for (let step = 1; step < steps; step += 1) {
      const at = start + (angle * step) / steps;
      out.push([center.x + radius * Math.cos(at), center.y + radius * Math.sin(at)]);
    }
  }
  if (closed && count > 0) out.push([vertices[0]!.x, vertices[0]!.y]);
  return out;
}

/** MTEXT's inline formatting (\P new paragraph, {\f…;} fonts, \~ space) as plain text. */
const plainMtext = (text: string) =>
  text
    .replace(/\\P/g, '\n')
    .replace(/\\~/g, ' ')
    .replace(/\\[ACFHQTWfchlqtw][^;\\}]*;/g, '')
    .replace(/\\[LlOoKk]/g, '')
    .replace(/[{}]/g, '')
    .trim();

/** Object Coordinate System with extrusion (0, 0, -1), as AutoCAD writes mirrored arcs: x changes sign. */
const mirrored = (entity: DxfEntity) => (entity.extrusionDirectionZ ?? entity.extrusionDirection?.z ?? 1) < 0;
const flipX = (positions: Position[]) => positions.map(([x, y]) => [-x!, y!]);

interface Converted {
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

/** One entity as a record: geometry in the drawing's units, its layer and kind, text and block attributes. */
function convert(entity: DxfEntity): Converted | 'skip' {
  const properties: Record<string, unknown> = { layer: entity.layer ?? '0', dxf_entitas: entity.type };
  const point = (at: XYZ | undefined): Converted => ({
    geometry: at ? { type: 'Point', coordinates: [at.x, at.y] } : null,
    properties,
  });
  const line = (positions: Position[]): Converted => ({
    geometry: { type: 'LineString', coordinates: mirrored(entity) ? flipX(positions) : positions },
    properties,
  });
  switch (entity.type) {
    case 'POINT':
      return point(entity.position);
    case 'LINE':
      return line((entity.vertices ?? []).map((v) => [v.x, v.y]));
    case 'LWPOLYLINE':
    case 'POLYLINE': {
      if (entity.is3dPolygonMesh || entity.isPolyfaceMesh) return 'skip';
      const closed = !!entity.shape;
      const positions = polylinePositions(entity.vertices ?? [], closed);
      if (closed && positions.length >= 4)
        return {
          geometry: { type: 'Polygon', coordinates: [mirrored(entity) ? flipX(positions) : positions] },
          properties,
        };
      return line(positions);
    }
    case 'CIRCLE':
      return line(arcPositions(entity.center!, entity.radius!, 0, 2 * Math.PI));
    case 'ARC':
      return line(arcPositions(entity.center!, entity.radius!, entity.startAngle!, entity.endAngle!));
    case 'HATCH':
      if (!entity.rings?.length) return 'skip';
      return { geometry: { type: 'Polygon', coordinates: entity.rings }, properties };
    case 'INSERT':
      properties.blok = entity.name ?? '';
      if (entity.rotation) properties.rotasi = entity.rotation;
      return point(entity.position);
    case 'TEXT':
      properties.teks = entity.text ?? '';
      properties.tinggi_teks = entity.textHeight ?? null;
      if (entity.rotation) properties.rotasi = entity.rotation;
      return point(entity.startPoint);
    case 'MTEXT':
      properties.teks = plainMtext(entity.text ?? '');
      properties.tinggi_teks = entity.height ?? null;
      if (entity.rotation) properties.rotasi = entity.rotation;
      return point(entity.position);
    default:
      return 'skip';
  }
}

const hasElevation = (entity: DxfEntity) =>
  !!entity.elevation ||
  [entity.position, entity.startPoint, entity.center, ...(entity.vertices ?? [])].some((p) => !!p?.z);

/** Every coordinate fits lon/lat. */
const looksGeographic = (positions: Position[]) =>
  positions.length > 0 && positions.every(([x, y]) => Math.abs(x!) <= 180 && Math.abs(y!) <= 90);

/**
 * An AutoCAD drawing exchange file (ASCII DXF) to records: each entity in model space with its layer as an
 * attribute. DXF does not say its coordinate system: the user picks it, with UTM or TM-3 suggested from the extent.
 */
export function readDxf(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ParseResult<FormatRead> {
  if (new TextDecoder().decode(bytes.subarray(0, 22)).startsWith('AutoCAD Binary DXF'))
    return {
      ok: false,
      error: problem('dxf.binary', { file: fileName }),
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Before AutoCAD 2007 DXF is in the drawing's code page; Windows-1252 in Indonesian offices.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const parser = new DxfParser();
  parser.registerEntityHandler(AttribHandler as never);
  parser.registerEntityHandler(HatchHandler as never);
  parser.registerEntityHandler(PolylineHandler as never);
  let dxf: { entities: DxfEntity[] } | null;
  try {
    dxf = parser.parseSync(text) as { entities: DxfEntity[] } | null;
  } catch (error) {
    return {
      ok: false,
      error: problem('dxf.unreadable', { file: fileName, detail: (error as Error).message }),
    };
  }
  if (!dxf?.entities) return { ok: false, error: problem('dxf.noEntities', { file: fileName }) };

  const all: SourceRecord[] = [];
  const skipped = new Map<string, number>();
  let elevated = 0;
  let unreadHatches = 0;
  let lastInsert: SourceRecord | null = null;
  for (const entity of dxf.entities) {
    if (entity.inPaperSpace) continue;
    if (entity.type === 'ATTRIB') {
      if (lastInsert && entity.tag) lastInsert.properties[entity.tag] = entity.value ?? '';
      continue;
    }
    unreadHatches += entity.unreadBoundaries ?? 0;
    const converted = convert(entity);
    if (converted === 'skip') {
      skipped.set(entity.type, (skipped.get(entity.type) ?? 0) + 1);
      lastInsert = null;
      continue;
    }
    if (hasElevation(entity)) elevated += 1;
    const record: SourceRecord = {
      geometry: converted.geometry,
      properties: converted.properties,
      name: `${entity.type} ${entity.handle ?? all.length + 1} (layer ${String(converted.properties.layer)})`,
    };
    all.push(record);
    lastInsert = entity.type === 'INSERT' ? record : null;
  }

  const counts = new Map<string, number>();
  for (const record of all)
    counts.set(String(record.properties.layer), (counts.get(String(record.properties.layer)) ?? 0) + 1);
  const chosenLayers = options.layers?.length ? new Set(options.layers) : null;
  const records = chosenLayers ? all.filter((record) => chosenLayers.has(String(record.properties.layer))) : all;

  const warnings: Problem[] = [];
  if (elevated) warnings.push(problem('dxf.elevated', { file: fileName, count: elevated }));
  if (skipped.size)
    warnings.push(
      problem('dxf.skipped', {
        file: fileName,
        entities: [...skipped].map(([type, count]) => `${count} ${type}`).join(', '),
      }),
    );
  if (unreadHatches) warnings.push(problem('dxf.unreadHatches', { file: fileName, count: unreadHatches }));

  const positions = records.flatMap((record) => (record.geometry ? positionsOf(record.geometry as Geometry) : []));
  const chosen = options.crs ? resolveCrsCode(options.crs) : null;
  const candidates = chosen ? [] : suggestCrs(positions);
  const code = chosen ?? (looksGeographic(positions) ? 'EPSG:4326' : candidates.length === 1 ? candidates[0]! : null);
  const layers = [...counts].map(([name, count]) => ({ name, geometryType: '', count, crs: '' }));
  if (!code)
    return {
      ok: true,
      value: {
        records: [],
        crs: '?',
        warnings: [
          ...warnings,
          candidates.length > 1
            ? problem('dxf.chooseCrsOf', { file: fileName, candidates: candidates.map(crsName).join(', ') })
            : problem('dxf.chooseCrs', { file: fileName }),
        ],
        crsChoice: 'required',
        suggestedCrs: candidates,
        layers,
      },
    };
  if (!chosen) warnings.push(problem('dxf.crsGuessed', { file: fileName, crs: crsName(code) }));
  if (code !== 'EPSG:4326') reprojectRecords(records, code);
  return {
    ok: true,
    value: {
      records,
      crs: `${crsName(code)} (${code})`,
      warnings,
      crsChoice: 'any',
      suggestedCrs: candidates,
      layers,
    },
  };
}
