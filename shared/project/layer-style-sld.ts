import type { LayerSymbology } from './layer-symbology';
import { escapeXml } from './style-xml';

const parameter = (name: string, value: string | number) =>
  `<se:SvgParameter name="${name}">${escapeXml(String(value))}</se:SvgParameter>`;

function symbolizer(symbology: LayerSymbology, color: string): string {
  const opacity = symbology.opacity;
  switch (symbology.shape) {
    case 'point':
      return `<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName><se:Fill>${parameter('fill', color)}${parameter('fill-opacity', opacity)}</se:Fill><se:Stroke>${parameter('stroke', '#ffffff')}${parameter('stroke-width', 1)}</se:Stroke></se:Mark><se:Size>${symbology.radius * 2}</se:Size></se:Graphic></se:PointSymbolizer>`;
    case 'line':
      return `<se:LineSymbolizer><se:Stroke>${parameter('stroke', color)}${parameter('stroke-opacity', opacity)}${parameter('stroke-width', symbology.width)}${parameter('stroke-linejoin', 'round')}${parameter('stroke-linecap', 'round')}</se:Stroke></se:LineSymbolizer>`;
    case 'polygon':
      return `<se:PolygonSymbolizer><se:Fill>${parameter('fill', color)}${parameter('fill-opacity', Math.round(opacity * 35) / 100)}</se:Fill><se:Stroke>${parameter('stroke', color)}${parameter('stroke-width', symbology.width)}</se:Stroke></se:PolygonSymbolizer>`;
  }
}

const property = (field: string) => `<ogc:PropertyName>${escapeXml(field)}</ogc:PropertyName>`;
const literal = (value: string | number) => `<ogc:Literal>${escapeXml(String(value))}</ogc:Literal>`;

function rule(name: string, filter: string | null, body: string, elseFilter = false): string {
  return `<se:Rule><se:Name>${escapeXml(name)}</se:Name><se:Description><se:Title>${escapeXml(name)}</se:Title></se:Description>${
    filter ? `<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">${filter}</ogc:Filter>` : ''
  }${elseFilter ? '<se:ElseFilter/>' : ''}${body}</se:Rule>`;
}

function rules(symbology: LayerSymbology): string {
  const field = symbology.field ?? '';
  if (symbology.type === 'categories')
    return [
      ...symbology.categories.map((c) =>
        rule(
          c.value,
          `<ogc:PropertyIsEqualTo>${property(field)}${literal(c.value)}</ogc:PropertyIsEqualTo>`,
          symbolizer(symbology, c.color),
        ),
      ),
      rule('lainnya / other', null, symbolizer(symbology, symbology.otherColor), true),
    ].join('');
  if (symbology.type === 'classes')
    return symbology.classes
      .map((c, i) => {
        // The last class holds its upper bound, as the map's classes do.
        const upper = i === symbology.classes.length - 1 ? 'PropertyIsLessThanOrEqualTo' : 'PropertyIsLessThan';
        return rule(
          `${c.lower} - ${c.upper}`,
          `<ogc:And><ogc:PropertyIsGreaterThanOrEqualTo>${property(field)}${literal(c.lower)}</ogc:PropertyIsGreaterThanOrEqualTo><ogc:${upper}>${property(field)}${literal(c.upper)}</ogc:${upper}></ogc:And>`,
          symbolizer(symbology, c.color),
        );
      })
      .join('');
  return rule('Single symbol', null, symbolizer(symbology, symbology.color));
}

function textSymbolizer(symbology: LayerSymbology): string {
  if (!symbology.label) return '';
  return rule(
    'label',
    null,
    `<se:TextSymbolizer><se:Label>${property(symbology.label)}</se:Label><se:Font>${parameter('font-family', 'Noto Sans')}${parameter('font-size', 12)}</se:Font><se:Halo><se:Radius>1</se:Radius><se:Fill>${parameter('fill', '#ffffff')}</se:Fill></se:Halo><se:Fill>${parameter('fill', '#212121')}</se:Fill></se:TextSymbolizer>`,
  );
}

/** An OGC Styled Layer Descriptor 1.1 (SE 1.1), as QGIS writes into layer_styles.styleSLD. */
export function layerStyleSld(layerName: string, symbology: LayerSymbology): string {
  const name = escapeXml(layerName);
  return `<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"><NamedLayer><se:Name>${name}</se:Name><UserStyle><se:Name>${name}</se:Name><se:FeatureTypeStyle>${rules(symbology)}${textSymbolizer(symbology)}</se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>
`;
}
