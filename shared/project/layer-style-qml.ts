import type { LayerSymbology } from './layer-symbology';
import { escapeXml, qgisColor } from './style-xml';

const option = (name: string, value: string | number) =>
  `<Option type="QString" name="${name}" value="${escapeXml(String(value))}"/>`;

function symbolLayer(symbology: LayerSymbology, color: string): string {
  const alpha = Math.round(symbology.opacity * 255);
  switch (symbology.shape) {
    case 'point':
      return `<layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map">${[
        option('name', 'circle'),
        option('color', qgisColor(color, alpha)),
        option('size', symbology.radius * 2),
        option('size_unit', 'Pixel'),
        option('outline_color', qgisColor('#ffffff', alpha)),
        option('outline_width', 1),
        option('outline_width_unit', 'Pixel'),
        option('outline_style', 'solid'),
      ].join('')}</Option></layer>`;
    case 'line':
      return `<layer class="SimpleLine" enabled="1" locked="0" pass="0"><Option type="Map">${[
        option('line_color', qgisColor(color, alpha)),
        option('line_style', 'solid'),
        option('line_width', symbology.width),
        option('line_width_unit', 'Pixel'),
        option('capstyle', 'round'),
        option('joinstyle', 'round'),
      ].join('')}</Option></layer>`;
    case 'polygon':
      return `<layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map">${[
        option('color', qgisColor(color, Math.round(alpha * 0.35))),
        option('style', 'solid'),
        option('outline_color', qgisColor(color, alpha)),
        option('outline_style', 'solid'),
        option('outline_width', symbology.width),
        option('outline_width_unit', 'Pixel'),
      ].join('')}</Option></layer>`;
  }
}

const SYMBOL_TYPE = { point: 'marker', line: 'line', polygon: 'fill' } as const;
const GEOMETRY_TYPE = { point: 0, line: 1, polygon: 2 } as const;

function symbol(symbology: LayerSymbology, name: string, color: string): string {
  return `<symbol type="${SYMBOL_TYPE[symbology.shape]}" name="${name}" alpha="1" clip_to_extent="1" force_rhr="0">${symbolLayer(symbology, color)}</symbol>`;
}

function renderer(symbology: LayerSymbology): string {
  const field = escapeXml(symbology.field ?? '');
  if (symbology.type === 'categories') {
    const colors = [...symbology.categories.map((c) => c.color), symbology.otherColor];
    const categories = symbology.categories
      .map((c, i) => {
        const value = escapeXml(c.value);
        return `<category render="true" symbol="${i}" value="${value}" label="${value}" type="string"/>`;
      })
      .join('');
    // QGIS reads a category with an empty value as "all other values".
    const other = `<category render="true" symbol="${symbology.categories.length}" value="" label="" type="string"/>`;
    return `<renderer-v2 type="categorizedSymbol" attr="${field}" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1"><categories>${categories}${other}</categories><symbols>${colors
      .map((color, i) => symbol(symbology, String(i), color))
      .join('')}</symbols><source-symbol>${symbol(symbology, '0', symbology.otherColor)}</source-symbol></renderer-v2>`;
  }
  if (symbology.type === 'classes') {
    const ranges = symbology.classes
      .map(
        (c, i) =>
          `<range render="true" symbol="${i}" lower="${c.lower}" upper="${c.upper}" label="${c.lower} - ${c.upper}"/>`,
      )
      .join('');
    return `<renderer-v2 type="graduatedSymbol" attr="${field}" graduatedMethod="GraduatedColor" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1"><ranges>${ranges}</ranges><symbols>${symbology.classes
      .map((c, i) => symbol(symbology, String(i), c.color))
      .join(
        '',
      )}</symbols><source-symbol>${symbol(symbology, '0', symbology.otherColor)}</source-symbol><mode name="equal"/></renderer-v2>`;
  }
  return `<renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1"><symbols>${symbol(symbology, '0', symbology.color)}</symbols></renderer-v2>`;
}

function labeling(symbology: LayerSymbology): string {
  if (!symbology.label) return '';
  return `<labeling type="simple"><settings calloutType="simple"><text-style fieldName="${escapeXml(symbology.label)}" isExpression="0" fontSize="9" fontSizeUnit="Point" textColor="33,33,33,255" fontFamily="Noto Sans"/><text-buffer bufferDraw="1" bufferSize="1" bufferSizeUnits="MM" bufferColor="255,255,255,255"/></settings></labeling>`;
}

/** A QGIS layer style (QML, as QGIS writes into a GeoPackage's layer_styles.styleQML). */
export function layerStyleQml(symbology: LayerSymbology): string {
  return `<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.28.0" styleCategories="Symbology|Labeling" labelsEnabled="${symbology.label ? 1 : 0}">${renderer(symbology)}${labeling(symbology)}<blendMode>0</blendMode><featureBlendMode>0</featureBlendMode><layerOpacity>1</layerOpacity><layerGeometryType>${GEOMETRY_TYPE[symbology.shape]}</layerGeometryType></qgis>
`;
}
