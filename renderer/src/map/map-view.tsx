import { useEffect, useRef, useState } from 'react';
import { useSnapshot } from '../state/store-context';
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useTranslation } from 'react-i18next';
import { NTT_PROVINCE_BOUNDS } from '#shared/basemap/ntt-places';
import { createBasemapStyle } from './basemap-style';
import { CursorCoordinates, type CursorPosition } from './cursor-coordinates';

setWorkerUrl(workerUrl);

function basemapBaseUrl(): string {
  return new URL('./', document.baseURI).href;
}

/** Control titles are set once by MapLibre; this keeps them in the current language. */
function translateControls(container: HTMLElement, t: (key: string) => string) {
  const titles: [string, string][] = [
    ['.maplibregl-ctrl-zoom-in', t('map.zoomIn')],
    ['.maplibregl-ctrl-zoom-out', t('map.zoomOut')],
    ['.maplibregl-ctrl-compass', t('map.resetBearing')],
    ['.rumija-ctrl-fit', t('map.fitProvince')],
  ];
  for (const [selector, title] of titles) {
    container.querySelectorAll<HTMLElement>(selector).forEach((button) => {
      button.title = title;
      button.setAttribute('aria-label', title);
    });
  }
}

class FitProvinceControl {
  private container = document.createElement('div');
  onAdd(map: MapLibreMap) {
    this.container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rumija-ctrl-fit';
    button.textContent = '⤢';
    button.addEventListener('click', () => map.fitBounds(NTT_PROVINCE_BOUNDS, { padding: 24 }));
    this.container.append(button);
    return this.container;
  }
  onRemove() {
    this.container.remove();
  }
}

export function MapView({ onMapReady }: { onMapReady?: (map: MapLibreMap) => void }) {
  const { basemap } = useSnapshot();
  const { t, i18n } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const attributionRef = useRef<AttributionControl | null>(null);
  const scaleSlotRef = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<CursorPosition | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The map is made once; what it calls back with and the texts it starts with are read when it loads.
  const start = useRef({ onMapReady, t });
  start.current = { onMapReady, t };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: createBasemapStyle(basemapBaseUrl()),
        bounds: NTT_PROVINCE_BOUNDS,
        fitBoundsOptions: { padding: 24 },
        maxBounds: [
          [115, -13.5],
          [130, -5.5],
        ],
        minZoom: 5,
        maxZoom: 18,
        attributionControl: false,
        canvasContextAttributes: { preserveDrawingBuffer: true },
      });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    mapRef.current = map;
    window.rumijaMap = map;
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new FitProvinceControl(), 'top-right');
    // The scale bar lives in the status strip under the map, so no place or bridge label can hide beneath it.
    const scale = new ScaleControl({ unit: 'metric', maxWidth: 160 });
    scaleSlotRef.current?.append(scale.onAdd(map));
    translateControls(container, start.current.t);

    let frame = 0;
    map.on('mousemove', (event) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCursor({ longitude: event.lngLat.lng, latitude: event.lngLat.lat }));
    });
    map.on('mouseout', () => setCursor(null));
    map.once('load', () => start.current.onMapReady?.(map));
    return () => {
      cancelAnimationFrame(frame);
      scale.onRemove();
      map.remove();
      mapRef.current = null;
      attributionRef.current = null;
      if (window.rumijaMap === map) delete window.rumijaMap;
    };
    // Language changes are applied by the effect below.
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !containerRef.current) return;
    if (attributionRef.current && map.hasControl(attributionRef.current)) map.removeControl(attributionRef.current);
    // The shipped basemap's credits only while it is shown; an added archive brings its own through its source.
    attributionRef.current = new AttributionControl(
      basemap === 'ntt' ? { customAttribution: t('attribution.sources') } : {},
    );
    map.addControl(attributionRef.current, 'bottom-right');
    translateControls(containerRef.current, t);
  }, [i18n.language, t, basemap]);

  return (
    <div className="map-area">
      <div ref={containerRef} className="map-canvas" data-testid="map" />
      {failure && (
        <div className="map-failure" role="alert">
          {t('map.noWebgl')} ({failure})
        </div>
      )}
      <div className="map-status" data-testid="map-statusbar">
        <div className="map-status-scale" ref={scaleSlotRef} />
        <CursorCoordinates position={cursor} />
      </div>
    </div>
  );
}
