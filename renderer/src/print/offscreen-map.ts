import { Map as MapLibreMap, type GeoJSONSource, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { SheetImage } from '#shared/print/sheet-painter';
import { mmToCssPx } from '#shared/print/print-layout';
import { provideMarkerImages } from '../map/marker-images';

/** What the map shows: a centre and zoom, or an extent fitted into the frame. */
export type PrintView = { center: [number, number]; zoom: number } | { bounds: [number, number, number, number] };

export interface RenderedMap {
  image: SheetImage;
  /** Where a lon/lat falls on the rendered frame, in mm from its top left. */
  project: (lngLat: [number, number]) => [number, number];
  bounds: [number, number, number, number];
  zoom: number;
  center: [number, number];
}

/** Selection and hover marks belong to the screen, not to paper. */
const isScreenOnly = (id: string) => id.startsWith('selection-') || id.endsWith(':hover');
/** The search result's ruas highlight and the "go to STA" marker: working marks, printed only when asked for. */
const isTransientMark = (id: string) => id === 'search-highlight' || id.startsWith('sta-marker');

/**
 * A map drawn off screen at print resolution (not a screenshot scaled up): the live map's style — same basemap,
 * layers, colours and visibility — at the frame's size in CSS pixels and a pixel ratio of dpi / 96. One instance
 * serves all sheets of an atlas.
 */
export class OffscreenMap {
  private readonly container = document.createElement('div');
  private readonly map: MapLibreMap;
  private readonly widthPx: number;
  private readonly heightPx: number;
  /** The style is loaded (the event fires once, perhaps before the first sheet is asked for). */
  private readonly loaded: Promise<void>;

  constructor(
    style: StyleSpecification,
    private readonly frame: { width: number; height: number },
    dpi: number,
    /** Keep the search and STA marks (the user asked for them on paper). */
    keepMarks = false,
  ) {
    this.widthPx = Math.round(mmToCssPx(frame.width));
    this.heightPx = Math.round(mmToCssPx(frame.height));
    Object.assign(this.container.style, {
      position: 'fixed',
      left: '-20000px',
      top: '0',
      width: `${this.widthPx}px`,
      height: `${this.heightPx}px`,
    });
    this.container.setAttribute('aria-hidden', 'true');
    document.body.append(this.container);
    this.map = new MapLibreMap({
      container: this.container,
      style: {
        ...style,
        layers: style.layers.filter((layer) => !isScreenOnly(layer.id) && (keepMarks || !isTransientMark(layer.id))),
      },
      pixelRatio: dpi / 96,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      minZoom: 0,
      maxZoom: 22,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    // The zones' marker shapes are runtime images, which a style from getStyle() does not carry.
    provideMarkerImages(this.map);
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
  }

  private idle(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('Peta cetak tidak selesai digambar / the print map did not finish')),
        60_000,
      );
      this.map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
      this.map.triggerRepaint();
    });
  }

  /**
   * `staTicks`: the STA ticks this sheet shows (an atlas page of a ruas), in place of those of the screen.
   * JPEG is for PDF, which embeds the bytes as they are; PNG is also decoded, for a canvas to draw.
   */
  async render(view: PrintView, format: 'PNG' | 'JPEG', staTicks?: FeatureCollection): Promise<RenderedMap> {
    await this.loaded;
    const ticks = this.map.getSource('sta-ticks') as GeoJSONSource | undefined;
    if (ticks && staTicks) {
      await ticks.setData(staTicks);
      for (const id of ['sta-tick', 'sta-tick-label'])
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', 'visible');
    }
    if ('bounds' in view) {
      const [w, s, e, n] = view.bounds;
      // A single point has no extent: it is shown at street scale rather than at the deepest zoom.
      if (e - w < 1e-6 && n - s < 1e-6) this.map.jumpTo({ center: [w, s], zoom: 16 });
      else
        this.map.fitBounds(
          [
            [w, s],
            [e, n],
          ] as LngLatBoundsLike,
          { padding: Math.round(Math.min(this.widthPx, this.heightPx) * 0.08), animate: false },
        );
    } else this.map.jumpTo({ center: view.center, zoom: view.zoom });
    await this.idle();
    const canvas = this.map.getCanvas();
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, format === 'PNG' ? 'image/png' : 'image/jpeg', 0.9),
    );
    if (!blob) throw new Error('Gambar peta kosong / the map image is empty');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const bitmap = format === 'PNG' ? await createImageBitmap(blob) : undefined;
    const bounds = this.map.getBounds().toArray().flat() as [number, number, number, number];
    const { width, height } = this.frame;
    const project = (lngLat: [number, number]): [number, number] => {
      const point = this.map.project(lngLat);
      return [(point.x / this.widthPx) * width, (point.y / this.heightPx) * height];
    };
    const center = this.map.getCenter().toArray() as [number, number];
    return {
      image: { bytes, format, width: canvas.width, height: canvas.height, bitmap },
      project,
      bounds,
      zoom: this.map.getZoom(),
      center,
    };
  }

  destroy() {
    this.map.remove();
    this.container.remove();
  }
}
