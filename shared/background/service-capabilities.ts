import type { TileServiceInput } from './tile-service';
import { problem, ProblemError, type Problem } from '../messages/problem';

/** The part of a DOM element this reader uses: the browser's DOMParser and @xmldom/xmldom both give it. */
interface XmlElement {
  localName: string | null;
  textContent: string | null;
  childNodes: ArrayLike<XmlElement | { nodeType: number }>;
  getAttribute(name: string): string | null;
  getAttributeNS?(namespace: string | null, name: string): string | null;
}
export type CapabilitiesParser = (text: string) => { documentElement: XmlElement | null };

/** A layer a service offers, with the service definition to add it; `problem` says why it cannot be used. */
export interface ServiceLayer {
  id: string;
  title: string;
  service: TileServiceInput | null;
  problem?: Problem;
}

const ELEMENT = 1;
const XLINK = 'http://www.w3.org/1999/xlink';

function children(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of Array.from(element.childNodes))
    if ((node as { nodeType: number }).nodeType === ELEMENT && (node as XmlElement).localName === name)
      found.push(node as XmlElement);
  return found;
}
const child = (element: XmlElement, name: string) => children(element, name)[0];
const textOf = (element: XmlElement | undefined, name: string) =>
  child(element ?? NO_ELEMENT, name)?.textContent?.trim() ?? '';
const NO_ELEMENT: XmlElement = { localName: null, textContent: null, childNodes: [], getAttribute: () => null };
const pathOf = (element: XmlElement | undefined, ...names: string[]) =>
  names.reduce<XmlElement | undefined>((at, name) => (at ? child(at, name) : undefined), element);
const hrefOf = (element: XmlElement | undefined) =>
  element ? (element.getAttributeNS?.(XLINK, 'href') ?? element.getAttribute('xlink:href') ?? '') : '';

function rootOf(parse: CapabilitiesParser, text: string, url: string): XmlElement {
  let root: XmlElement | null = null;
  try {
    root = parse(text).documentElement;
  } catch {
    root = null;
  }
  if (!root || root.localName === 'html' || root.localName === 'parsererror')
    throw new ProblemError(problem('service.notCapabilities', { url }));
  if (root.localName === 'ServiceExceptionReport' || root.localName === 'ExceptionReport')
    throw new ProblemError(problem('service.refused', { url, detail: (root.textContent ?? '').trim().slice(0, 300) }));
  return root;
}

/** The address a capabilities document is asked at. */
export function capabilitiesUrl(kind: 'wms' | 'wmts', address: string): string {
  const url = new URL(address.trim());
  const has = (key: string) => [...url.searchParams.keys()].some((name) => name.toUpperCase() === key);
  if (!has('SERVICE')) url.searchParams.set('SERVICE', kind.toUpperCase());
  if (!has('REQUEST')) url.searchParams.set('REQUEST', 'GetCapabilities');
  return url.toString();
}

const MERCATOR_CODES = /EPSG:(3857|900913|3785|102100)$/i;

/** The named layers of a WMS (1.1.1 or 1.3.0) GetCapabilities answer, each ready to ask for in web mercator. */
export function readWmsCapabilities(parse: CapabilitiesParser, text: string, address: string): ServiceLayer[] {
  const root = rootOf(parse, text, address);
  if (root.localName !== 'WMS_Capabilities' && root.localName !== 'WMT_MS_Capabilities')
    throw new ProblemError(problem('service.notWms', { url: address, root: root.localName ?? '' }));
  const version = root.getAttribute('version') === '1.1.1' ? '1.1.1' : '1.3.0';
  const capability = child(root, 'Capability');
  const getMap = pathOf(capability, 'Request', 'GetMap');
  const formats = children(getMap ?? NO_ELEMENT, 'Format').map((format) => format.textContent?.trim() ?? '');
  const format = formats.includes('image/png') ? 'image/png' : formats.includes('image/jpeg') ? 'image/jpeg' : null;
  const mapUrl = hrefOf(pathOf(getMap, 'DCPType', 'HTTP', 'Get', 'OnlineResource')) || address.split('?')[0]!;
  const layers: ServiceLayer[] = [];
  const visit = (layer: XmlElement, inheritedCrs: string[], inheritedAttribution: string) => {
    const crs = [
      ...inheritedCrs,
      ...[...children(layer, 'CRS'), ...children(layer, 'SRS')].map((e) => e.textContent ?? ''),
    ]
      .flatMap((codes) => codes.trim().split(/\s+/))
      .filter(Boolean);
    const attribution = textOf(child(layer, 'Attribution'), 'Title') || inheritedAttribution;
    const name = textOf(layer, 'Name');
    if (name) {
      const unusable = !format
        ? problem('service.noPngOrJpeg')
        : !crs.some((code) => MERCATOR_CODES.test(code))
          ? problem('service.noMercator')
          : undefined;
      layers.push({
        id: name,
        title: textOf(layer, 'Title') || name,
        service: unusable
          ? null
          : { kind: 'wms', url: mapUrl, layers: name, version, format: format!, attribution, maxzoom: 20 },
        ...(unusable ? { problem: unusable } : {}),
      });
    }
    for (const sub of children(layer, 'Layer')) visit(sub, crs, attribution);
  };
  for (const layer of children(capability ?? NO_ELEMENT, 'Layer')) visit(layer, [], '');
  if (layers.length === 0) throw new ProblemError(problem('service.noWmsLayer', { url: address }));
  return layers;
}

/** Scale denominator of zoom 0 in web mercator tiles of 256 pixels (0.28 mm pixels, as WMTS counts). */
const ZOOM0_SCALE = 559082264.0287178;
const WORLD_HALF = 20037508.342789244;

/** Zoom level → tile matrix identifier of a web-mercator tile matrix set; empty when the set is not one. */
function mercatorMatrixIds(set: XmlElement): Record<string, string> {
  const ids: Record<string, string> = {};
  if (!MERCATOR_CODES.test(textOf(set, 'SupportedCRS').replace(/^urn:ogc:def:crs:EPSG:[\d.]*:/i, 'EPSG:'))) return ids;
  for (const matrix of children(set, 'TileMatrix')) {
    const zoom = Math.log2(ZOOM0_SCALE / Number(textOf(matrix, 'ScaleDenominator')));
    const [left, top] = textOf(matrix, 'TopLeftCorner').split(/\s+/).map(Number);
    const square = textOf(matrix, 'TileWidth') === '256' && textOf(matrix, 'TileHeight') === '256';
    const origin = Math.abs(left! + WORLD_HALF) < 1 && Math.abs(top! - WORLD_HALF) < 1;
    if (square && origin && Math.abs(zoom - Math.round(zoom)) < 0.01 && zoom >= -0.01 && zoom <= 22.01)
      ids[String(Math.round(zoom))] = textOf(matrix, 'Identifier');
  }
  return ids;
}

/** The layers of a WMTS GetCapabilities answer that have a web-mercator tile matrix set of 256-pixel tiles. */
export function readWmtsCapabilities(parse: CapabilitiesParser, text: string, address: string): ServiceLayer[] {
  const root = rootOf(parse, text, address);
  if (root.localName !== 'Capabilities')
    throw new ProblemError(problem('service.notWmts', { url: address, root: root.localName ?? '' }));
  const contents = child(root, 'Contents') ?? NO_ELEMENT;
  const sets = new Map(children(contents, 'TileMatrixSet').map((set) => [textOf(set, 'Identifier'), set]));
  const getTile = children(child(root, 'OperationsMetadata') ?? NO_ELEMENT, 'Operation').find(
    (operation) => operation.getAttribute('name') === 'GetTile',
  );
  const kvpUrl = hrefOf(pathOf(getTile, 'DCP', 'HTTP', 'Get'));
  const layers: ServiceLayer[] = [];
  for (const layer of children(contents, 'Layer')) {
    const id = textOf(layer, 'Identifier');
    const title = textOf(layer, 'Title') || id;
    const formats = children(layer, 'Format').map((format) => format.textContent?.trim() ?? '');
    const format = formats.find((f) => f === 'image/png') ?? formats.find((f) => f === 'image/jpeg') ?? formats[0];
    const styles = children(layer, 'Style');
    const style = textOf(styles.find((s) => s.getAttribute('isDefault') === 'true') ?? styles[0], 'Identifier');
    const linked = children(layer, 'TileMatrixSetLink').map((link) => textOf(link, 'TileMatrixSet'));
    const usable = linked
      .map((setId) => ({ setId, ids: mercatorMatrixIds(sets.get(setId) ?? NO_ELEMENT) }))
      .find((set) => Object.keys(set.ids).length > 0);
    if (!usable) {
      layers.push({
        id,
        title,
        service: null,
        problem: problem('service.noMercatorMatrix'),
      });
      continue;
    }
    const resource = children(layer, 'ResourceURL').find(
      (resourceUrl) =>
        resourceUrl.getAttribute('resourceType') === 'tile' &&
        (!format || resourceUrl.getAttribute('format') === format),
    );
    let template: string;
    if (resource) {
      template = (resource.getAttribute('template') ?? '')
        .replaceAll('{Style}', encodeURIComponent(style))
        .replaceAll('{style}', encodeURIComponent(style))
        .replaceAll('{TileMatrixSet}', encodeURIComponent(usable.setId));
    } else if (kvpUrl) {
      const url = new URL(kvpUrl);
      for (const [key, value] of Object.entries({
        SERVICE: 'WMTS',
        REQUEST: 'GetTile',
        VERSION: '1.0.0',
        LAYER: id,
        STYLE: style,
        TILEMATRIXSET: usable.setId,
        FORMAT: format ?? 'image/png',
      }))
        url.searchParams.set(key, value);
      template = `${url.toString()}&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}`;
    } else {
      layers.push({ id, title, service: null, problem: problem('service.noTileAddress') });
      continue;
    }
    const zooms = Object.keys(usable.ids).map(Number);
    layers.push({
      id,
      title,
      service: {
        kind: 'wmts',
        template,
        matrixIds: usable.ids,
        minzoom: Math.min(...zooms),
        maxzoom: Math.max(...zooms),
        attribution: textOf(pathOf(root, 'ServiceProvider'), 'ProviderName'),
      },
    });
  }
  if (layers.length === 0) throw new ProblemError(problem('service.noWmtsLayer', { url: address }));
  return layers;
}
