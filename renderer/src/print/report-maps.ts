import type { Map as MapLibreMap } from 'maplibre-gl';
import { featuresBounds } from '#shared/geo/positions-of';
import { formatSta } from '#shared/format/format-number';
import type { StoredFeature } from '#shared/model/layer';
import type { AnalysisState } from '../state/app-snapshot';
import { OffscreenMap } from './offscreen-map';
import { countedAssets } from '#shared/analysis/analysis-inputs';

export interface ReportMap {
  caption: string;
  jpeg: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
}

/** Detail maps cover this much chainage each; the report shows the windows with the most encroaching assets. */
const WINDOW_M = 500;
const MOST_DETAILS = 4;
const DPI = 150;

/**
 * Maps for the encroachment report, drawn off screen with the screen's style (zone bands, assets in their zone
 * colours): the analysed area, then the stretches with the most assets inside RUMIJA. Captions are Indonesian,
 * like the report.
 */
export async function renderReportMaps(
  liveMap: MapLibreMap,
  analysis: AnalysisState,
  areaName: string,
  area: StoredFeature | null,
): Promise<ReportMap[]> {
  const inside = analysis.results
    .map((result, index) => ({ result, asset: analysis.assets[index]! }))
    .filter(({ result }) => result.quantity > 0);
  const style = liveMap.getStyle();
  const overview = new OffscreenMap(style, { width: 180, height: 120 }, DPI);
  const detail = new OffscreenMap(style, { width: 180, height: 80 }, DPI);
  try {
    const maps: ReportMap[] = [];
    const toMap = (caption: string, rendered: Awaited<ReturnType<OffscreenMap['render']>>) => ({
      caption,
      jpeg: rendered.image.bytes,
      width: rendered.image.width,
      height: rendered.image.height,
    });
    const whole = area ? featuresBounds([area]) : featuresBounds(analysis.assets);
    maps.push(
      toMap(
        `Peta ${areaName}: ${inside.length} dari ${countedAssets(analysis.results, area !== null)} aset${
          area ? ' di koridor ini' : ''
        } berada di dalam RUMIJA (warna menurut zona)`,
        await overview.render({ bounds: whole }, 'JPEG'),
      ),
    );
    const windows = new Map<string, typeof inside>();
    for (const entry of inside) {
      if (entry.result.staM === null) continue;
      const key = `${entry.result.ruasNumber ?? '-'}@${Math.floor(entry.result.staM / WINDOW_M)}`;
      windows.set(key, [...(windows.get(key) ?? []), entry]);
    }
    const busiest = [...windows]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, MOST_DETAILS)
      .sort(([a], [b]) => a.localeCompare(b, 'id', { numeric: true }));
    for (const [key, entries] of busiest) {
      const [ruas, window] = key.split('@') as [string, string];
      const from = Number(window) * WINDOW_M;
      const rendered = await detail.render({ bounds: featuresBounds(entries.map((entry) => entry.asset)) }, 'JPEG');
      maps.push(
        toMap(
          `Detail ${ruas} ${formatSta(from)} – ${formatSta(from + WINDOW_M).replace('STA ', '')}: ${entries.length} aset di dalam RUMIJA`,
          rendered,
        ),
      );
    }
    return maps;
  } finally {
    overview.destroy();
    detail.destroy();
  }
}
