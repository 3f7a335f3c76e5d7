import { appendFeaturePhotos } from './popup-photos';
import { LngLatBounds, Popup, type Map as MapLibreMap, type MapGeoJSONFeature } from 'maplibre-gl';
import type { i18n as I18n } from 'i18next';
import { positionsOf } from '#shared/geo/positions-of';
import { ruasPaths } from '#shared/geo/ruas-reference';
import { chainageAlongPaths } from '#shared/geo/chainage';
import { formatSta } from '#shared/format/format-number';
import type { StoredFeature } from '#shared/model/layer';
import type { AppSnapshot, AppStore } from '../state/app-store';
import { DataLayerSync, type Annotations } from './data-layers';
import { assetStandings } from '#shared/retribution/asset-standings';
import { BackgroundSync } from './background-layers';
import { createFeaturePopupContent, createIdentifyList } from './feature-popup';
import { layerLabel } from '../format/layer-label';
import type { EditSession } from '../state/edit-session';
import { problemOf } from '#shared/messages/problem';
import { problemText } from '../i18n/problem-text';

/** Connects the store to the map: data layers, selection, zoom requests, hover and identify. */
export function connectMapToStore(map: MapLibreMap, store: AppStore, i18n: I18n, session: EditSession): () => void {
  const sync = new DataLayerSync(map);
  const backgrounds = new BackgroundSync(map);
  let previous: AppSnapshot | null = null;
  let hoveredFeature: MapGeoJSONFeature | null = null;
  // The click handler below decides when the popup closes; MapLibre's own closeOnClick would close a new one.
  const popup = new Popup({ maxWidth: '380px', closeButton: true, closeOnClick: false, focusAfterOpen: false });

  // Made anew only when what they are read from changes: a new map of annotations redraws every asset layer.
  let annotations: { key: unknown[]; value: Annotations | undefined } = { key: [], value: undefined };
  const annotationsOf = (snapshot: AppSnapshot): Annotations | undefined => {
    const zones = snapshot.analysis.resultByAsset;
    const { standingMap, retribution, layers, featuresByLayer } = snapshot;
    const key = standingMap.on && retribution ? [zones, retribution, layers, featuresByLayer] : [zones];
    if (key.length === annotations.key.length && key.every((part, i) => part === annotations.key[i]))
      return annotations.value;
    let value: Annotations | undefined = zones;
    if (standingMap.on && retribution) {
      const assets = layers
        .filter((layer) => layer.kind === 'asset')
        .flatMap((layer) => featuresByLayer.get(layer.id) ?? []);
      const standings = assetStandings(assets, retribution, new Date().toISOString().slice(0, 10));
      value = new Map([...standings].map(([id, standing]) => [id, { ...zones?.get(id), standing }]));
    }
    annotations = { key, value };
    return value;
  };

  const render = () => {
    const snapshot = store.getSnapshot();
    if (snapshot.status !== 'ready') return;
    if (
      !previous ||
      previous.layers !== snapshot.layers ||
      previous.presentation !== snapshot.presentation ||
      previous.featuresByLayer !== snapshot.featuresByLayer ||
      previous.analysis.resultByAsset !== snapshot.analysis.resultByAsset ||
      previous.retribution !== snapshot.retribution ||
      previous.standingMap !== snapshot.standingMap
    ) {
      sync.sync(
        {
          layers: store.presentation.displayedLayers(),
          featuresByLayer: snapshot.featuresByLayer,
          featureById: snapshot.featureById,
          patch: snapshot.featurePatch,
          storedBlocks: snapshot.storedBlocks,
          annotations: annotationsOf(snapshot),
          hiddenStandings: snapshot.standingMap.on ? snapshot.standingMap.hidden : [],
        },
        { quietBridgeLabels: snapshot.presentation?.routeShown ?? false },
      );
    }
    if (!previous || previous.backgrounds !== snapshot.backgrounds || previous.basemap !== snapshot.basemap)
      backgrounds.sync(snapshot.backgrounds, snapshot.basemap);
    if (!previous || previous.selection !== snapshot.selection || previous.featureById !== snapshot.featureById) {
      sync.showSelection(
        snapshot.selection.map((id) => snapshot.featureById.get(id)).filter((feature) => feature !== undefined),
      );
    }
    if (
      !previous ||
      previous.programmeMarks !== snapshot.programmeMarks ||
      previous.featureById !== snapshot.featureById
    ) {
      sync.showProgramme(
        snapshot.programmeMarks.map((id) => snapshot.featureById.get(id)).filter((feature) => feature !== undefined),
      );
    }
    if (previous && snapshot.zoomRequest !== previous.zoomRequest)
      frame(snapshot.selection.map((id) => snapshot.featureById.get(id)));
    // Only a request made while connected: a reconnect (language switch) must not frame an old one again.
    const request = snapshot.frameRequest;
    if (previous && request && request !== previous.frameRequest)
      frame(
        request.layerId
          ? (snapshot.featuresByLayer.get(request.layerId) ?? [])
          : (request.featureIds ?? []).map((id) => snapshot.featureById.get(id)),
      );
    previous = snapshot;
  };

  const frame = (features: readonly (StoredFeature | undefined)[]) => {
    const bounds = new LngLatBounds();
    for (const feature of features)
      if (feature) for (const position of positionsOf(feature.geometry)) bounds.extend(position as [number, number]);
    if (bounds.isEmpty()) return;
    map.fitBounds(bounds, { padding: 80, maxZoom: 15, duration: 600 });
  };

  const setHover = (feature: MapGeoJSONFeature | null) => {
    const target = (hit: MapGeoJSONFeature) => ({ source: hit.source, sourceLayer: hit.sourceLayer, id: hit.id });
    if (hoveredFeature?.id !== undefined && map.getSource(hoveredFeature.source)) {
      map.setFeatureState(target(hoveredFeature), { hover: false });
    }
    hoveredFeature = feature;
    if (feature?.id !== undefined) map.setFeatureState(target(feature), { hover: true });
    map.getCanvas().style.cursor = feature ? 'pointer' : '';
  };

  /** The STA of the clicked place along the segment's whole ruas (its segments in running order). */
  const staAtClick = (road: StoredFeature, lngLat: [number, number]) => {
    const paths = ruasPaths(
      store.getSnapshot().featuresByLayer.get(road.layerId) ?? [],
      String(road.properties.ruasNumber),
    );
    const result = chainageAlongPaths(paths, lngLat);
    return result ? [{ key: 'staAtClick', label: i18n.t('popup.staAtClick'), value: formatSta(result.staM) }] : [];
  };

  const hitsAt = (point: { x: number; y: number }) => {
    const layers = sync.interactiveLayerIds;
    if (layers.length === 0) return [];
    const box: [[number, number], [number, number]] = [
      [point.x - 4, point.y - 4],
      [point.x + 4, point.y + 4],
    ];
    return map.queryRenderedFeatures(box, { layers });
  };
  const featureAt = (point: { x: number; y: number }) => hitsAt(point)[0] ?? null;

  /** The features under a click, topmost first, each once (a line is drawn by several map layers). */
  const featuresAt = (point: { x: number; y: number }) => {
    const { featureById } = store.getSnapshot();
    const seen = new Set<string>();
    const features: StoredFeature[] = [];
    for (const hit of hitsAt(point)) {
      const id = String(hit.properties.fid);
      const feature = featureById.get(id);
      if (feature && !seen.has(id)) {
        seen.add(id);
        features.push(feature);
      }
    }
    return features;
  };

  const showFeature = (feature: StoredFeature, lngLat: { lng: number; lat: number }, back?: () => void, count = 0) => {
    store.selection.select([feature.id]);
    const extra = feature.properties.kind === 'road' ? staAtClick(feature, [lngLat.lng, lngLat.lat]) : [];
    const content = createFeaturePopupContent(feature, i18n, extra, back && { count, onBack: back });
    // A feature of a layer linked to the team database has a history on the server (Riwayat).
    if (store.team.getSnapshot().links.has(feature.layerId)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'small popup-history';
      button.dataset.testid = 'feature-history-open';
      button.textContent = i18n.t('featureHistory.open');
      button.addEventListener('click', () =>
        store.team.showHistory({ layerId: feature.layerId, featureId: feature.id }),
      );
      content.append(button);
    }
    popup.setLngLat(lngLat).setDOMContent(content).addTo(map);
    // The feature's photos come after: the attributes never wait for images.
    void appendFeaturePhotos(content, store.db, feature.id, i18n).catch(() => undefined);
  };

  const showList = (features: StoredFeature[], lngLat: { lng: number; lat: number }) => {
    const { layers } = store.getSnapshot();
    const hits = features.map((feature) => {
      const layer = layers.find((candidate) => candidate.id === feature.layerId);
      return { feature, layerLabel: layer ? layerLabel(layer, i18n.t.bind(i18n)) : '' };
    });
    const list = () => showList(features, lngLat);
    popup
      .setLngLat(lngLat)
      .setDOMContent(createIdentifyList(hits, i18n, (feature) => showFeature(feature, lngLat, list, features.length)))
      .addTo(map);
  };

  const onMove = (event: { point: { x: number; y: number } }) => {
    const tool = session.getSnapshot().tool;
    if ((tool && tool.action !== 'split') || store.getSnapshot().presentation) return;
    const feature = featureAt(event.point);
    if (feature?.id !== hoveredFeature?.id || feature?.source !== hoveredFeature?.source) setHover(feature);
  };
  /** With the split tool a click cuts the road under it; other tools own their clicks. */
  const splitAt = async (hit: MapGeoJSONFeature | null, lngLat: { lng: number; lat: number }) => {
    const feature = hit && store.getSnapshot().featureById.get(String(hit.properties.fid));
    if (!feature || !['LineString', 'MultiLineString'].includes(feature.geometry.type)) {
      session.say('error', (t) => t('draw.splitNotLine'));
      return;
    }
    try {
      const ids = await store.document.splitFeature(feature.id, [lngLat.lng, lngLat.lat]);
      store.selection.select(ids);
      session.say('info', (t) => t('draw.split'));
    } catch (error) {
      session.say('error', (t) => problemText(problemOf(error), t));
    }
  };

  const onClick = (event: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }) => {
    // A photo without GPS waiting to be placed takes the click.
    if (store.photos.getSnapshot().placing) {
      store.photos.placeByHand([event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    const tool = session.getSnapshot().tool;
    if (tool?.action === 'split') void splitAt(featureAt(event.point), event.lngLat);
    // While presenting, the slide decides what is highlighted; clicks only move the map.
    if (tool || store.getSnapshot().presentation) return;
    const features = featuresAt(event.point);
    if (features.length === 0) popup.remove();
    else if (features.length === 1) showFeature(features[0]!, event.lngLat);
    else showList(features, event.lngLat);
  };

  map.on('mousemove', onMove);
  map.on('click', onClick);
  const unsubscribe = store.subscribe(render);
  render();
  return () => {
    unsubscribe();
    map.off('mousemove', onMove);
    map.off('click', onClick);
    popup.remove();
    sync.destroy();
    backgrounds.destroy();
  };
}
