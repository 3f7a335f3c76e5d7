import type { StoredFeature } from '../model/layer';
import {
  CONDITION_COLORS,
  FALLBACK_COLOR,
  STATUS_COLORS,
  ZONE_COLORS,
  ZONE_MARKER_SCALE,
  ZONE_MARKER_SHAPES,
} from '../style/map-colours';
import type { MarkerShape } from '../style/marker-shapes';
import { readField } from '../model/field-value';

/** KML colours are aabbggrr. */
function kmlColor(hex: string, alpha = 1): string {
  const [r, g, b] = [1, 3, 5].map((at) => hex.slice(at, at + 2));
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');
  return `${a}${b}${g}${r}`.toLowerCase();
}

/** Line widths in pixels, as the map draws roads at district zoom. */
const ROAD_WIDTH: Record<string, number> = { nasional: 4, provinsi: 3.5 };
/** KML has no dashes: the rusak classes' second channel there is width (the map draws them broken). */
const CONDITION_WIDTH: Record<string, number> = { rusak_ringan: 4.5, rusak_berat: 6 };
const CIRCLE_ICON = 'http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png';

/** A bridge's symbol grows with its length, as on the map: < 25 m small, 25–100 m medium, longer large. */
function bridgeSize(lengthM: unknown): 's' | 'm' | 'l' {
  const length = Number(lengthM);
  if (!Number.isFinite(length) || length < 25) return 's';
  return length <= 100 ? 'm' : 'l';
}

const BRIDGE_SCALE = { s: 0.8, m: 1.1, l: 1.5 };

/**
 * The shared style a feature uses: its id (one per colour and size) and the Style element. `zoneIcon` gives the
 * picture of a zone's marker shape where the file carries one (a KMZ): the zones' second channel, as on the map.
 * A plain KML has only Google's hosted circle, so there a zone is told by colour alone.
 */
export function kmlStyleOf(
  feature: StoredFeature,
  styleBy: 'status' | 'condition',
  zoneIcon?: (shape: MarkerShape) => string,
  /** The analysed zone, when the analysis reached this asset; else the feature's own `zone`, if it names one. */
  analysedZone?: string,
): { id: string; xml: string } {
  const properties = feature.properties;
  const kind = String(properties.kind ?? 'plain');
  const line = (id: string, color: string, width: number) => ({
    id,
    xml: `<Style id="${id}"><LineStyle><color>${kmlColor(color)}</color><width>${width}</width></LineStyle><PolyStyle><color>${kmlColor(color, 0.4)}</color></PolyStyle><IconStyle><color>${kmlColor(color)}</color><Icon><href>${CIRCLE_ICON}</href></Icon></IconStyle></Style>`,
  });
  if (kind === 'bridge') {
    const condition = String(properties.condition ?? 'unknown');
    const color =
      properties.existence === 'proposed'
        ? CONDITION_COLORS.proposed!
        : (CONDITION_COLORS[condition] ?? CONDITION_COLORS.unknown!);
    const size = bridgeSize(properties.lengthM);
    const id = `jembatan-${properties.existence === 'proposed' ? 'rencana' : condition}-${size}`;
    return {
      id,
      xml: `<Style id="${id}"><IconStyle><color>${kmlColor(color)}</color><scale>${BRIDGE_SCALE[size]}</scale><Icon><href>${CIRCLE_ICON}</href></Icon></IconStyle><LabelStyle><scale>0.8</scale></LabelStyle></Style>`,
    };
  }
  if (kind === 'asset') {
    const named = analysedZone ?? String(properties.zone);
    const zone = ZONE_COLORS[named] ? named : 'unanalysed';
    const style = line(`aset-${zone}`, ZONE_COLORS[zone]!, 2);
    if (!zoneIcon) return style;
    const icon = `<IconStyle><color>${kmlColor(ZONE_COLORS[zone]!)}</color><scale>${ZONE_MARKER_SCALE[zone]}</scale><Icon><href>${zoneIcon(ZONE_MARKER_SHAPES[zone]!)}</href></Icon></IconStyle>`;
    return { id: style.id, xml: style.xml.replace(/<IconStyle>.*<\/IconStyle>/, icon) };
  }
  const value = String(readField(properties, styleBy) ?? 'unknown');
  const table = styleBy === 'status' ? STATUS_COLORS : CONDITION_COLORS;
  const color = table[value] ?? (styleBy === 'condition' ? CONDITION_COLORS.unknown! : FALLBACK_COLOR);
  const width = styleBy === 'status' ? (ROAD_WIDTH[value] ?? 2.5) : (CONDITION_WIDTH[value] ?? 3);
  return line(`${styleBy === 'status' ? 'status' : 'kondisi'}-${value.replace(/[^\w-]/g, '_')}`, color, width);
}
