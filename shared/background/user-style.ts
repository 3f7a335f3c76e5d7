import { validateStyleMin, type LayerSpecification, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { problem, ProblemError, type Problem } from '../messages/problem';

/** A MapLibre style the user chose for a vector archive: its layers, ready to draw from the archive's tiles. */
export interface UserStyle {
  name: string;
  /** Layers whose `source` is left empty: the map puts the archive's source there. */
  layers: LayerSpecification[];
}

const DRAWN_FROM_TILES = new Set(['fill', 'line', 'symbol', 'circle', 'fill-extrusion', 'heatmap']);

/**
 * Takes a MapLibre style JSON (Maputnik, MapTiler, OpenMapTiles styles) for an archive: checked by MapLibre's own
 * validator; layers drawn from its vector sources kept (they will read the archive), a background layer kept, the
 * rest (raster, hillshade, GeoJSON sources) left out and counted; fonts become the shipped font; icons need a
 * sprite, which an offline app has not, so icon images are dropped and counted.
 */
export function adoptUserStyle(
  text: string,
  fileName: string,
  archiveLayers: readonly string[],
  font: string[],
): { style: UserStyle; notes: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProblemError(problem('style.notJson', { file: fileName, detail: (error as Error).message }));
  }
  const errors = validateStyleMin(json as StyleSpecification);
  if (errors.length > 0)
    throw new ProblemError(
      problem('style.invalid', {
        file: fileName,
        detail: errors
          .slice(0, 3)
          .map((error) => error.message)
          .join('; '),
      }),
    );
  const style = json as StyleSpecification;
  const vectorSources = new Set(
    Object.entries(style.sources ?? {})
      .filter(([, source]) => source.type === 'vector')
      .map(([id]) => id),
  );
  const kept: LayerSpecification[] = [];
  let skipped = 0;
  let icons = 0;
  const missing = new Set<string>();
  for (const layer of style.layers) {
    if (layer.type === 'background') {
      kept.push(layer);
      continue;
    }
    const source = 'source' in layer ? layer.source : undefined;
    if (!DRAWN_FROM_TILES.has(layer.type) || typeof source !== 'string' || !vectorSources.has(source)) {
      skipped++;
      continue;
    }
    const sourceLayer = (layer as { 'source-layer'?: string })['source-layer'];
    if (sourceLayer && !archiveLayers.includes(sourceLayer)) missing.add(sourceLayer);
    const layout = { ...((layer as { layout?: Record<string, unknown> }).layout ?? {}) };
    if ('icon-image' in layout) {
      delete layout['icon-image'];
      icons++;
    }
    if (layer.type === 'symbol' && 'text-field' in layout) layout['text-font'] = font;
    kept.push({ ...layer, source: '', layout } as LayerSpecification);
  }
  if (kept.every((layer) => layer.type === 'background'))
    throw new ProblemError(problem('style.noVectorLayer', { file: fileName }));
  const notes: Problem[] = [];
  if (skipped > 0) notes.push(problem('style.skippedLayers', { count: skipped }));
  if (icons > 0) notes.push(problem('style.iconsDropped', { count: icons }));
  if (missing.size > 0) notes.push(problem('style.notInArchive', { layers: [...missing].sort().join(', ') }));
  return { style: { name: fileName, layers: kept }, notes };
}
