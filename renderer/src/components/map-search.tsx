import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import { HIGHLIGHT_COLORS } from '../map/thematic-style';
import { parseLocationQuery } from '#shared/geo/parse-location-query';
import { searchNames, type SearchEntry } from '#shared/geo/search-names';
import { boundsOf, positionsOf } from '#shared/geo/positions-of';
import { pointAtSta, ruasLengthM, ruasPaths } from '#shared/geo/ruas-reference';
import { formatKilometres, formatSta, type Locale } from '#shared/format/format-number';
import { toUtm, formatUtm } from '#shared/geo/utm';
import type { StoredFeature } from '#shared/model/layer';
import { useSnapshot } from '../state/store-context';
import { useEscapeToClear } from './use-escape-to-clear';

interface PlacesFile {
  features: { properties: { name: string; rank?: number; regency?: string }; geometry: { coordinates: number[] } }[];
}

let places: Promise<SearchEntry[]> | null = null;

/** The shipped GeoNames places, read once. */
function loadPlaces(): Promise<SearchEntry[]> {
  places ??= fetch(new URL('./basemap/places.json', document.baseURI).href)
    .then((response) => response.json() as Promise<PlacesFile>)
    .then((file) =>
      file.features.map((feature) => ({
        label: feature.properties.regency
          ? `${feature.properties.name} (${feature.properties.regency})`
          : feature.properties.name,
        kind: 'place' as const,
        position: feature.geometry.coordinates as [number, number],
        weight: 10 - (feature.properties.rank ?? 9),
      })),
    )
    .catch(() => []);
  return places;
}

/** One entry per ruas (its segments' box) and per bridge, from the road and bridge layers. */
function entriesOf(
  layers: { id: string; kind: string }[],
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>,
) {
  const entries: SearchEntry[] = [];
  for (const layer of layers) {
    const features = featuresByLayer.get(layer.id) ?? [];
    if (layer.kind === 'road') {
      const byRuas = new Map<string, StoredFeature[]>();
      for (const feature of features) {
        const ruas = String(feature.properties.ruasNumber ?? '');
        if (!ruas) continue;
        const group = byRuas.get(ruas);
        if (group) group.push(feature);
        else byRuas.set(ruas, [feature]);
      }
      for (const [ruas, segments] of byRuas) {
        const name = segments.find((segment) => segment.properties.name)?.properties.name;
        entries.push({
          label: name ? `${ruas} · ${String(name)}` : ruas,
          kind: 'ruas',
          ruasNumber: ruas,
          bounds: boundsOf(segments.flatMap((segment) => positionsOf(segment.geometry))),
        });
      }
    } else if (layer.kind === 'bridge') {
      for (const feature of features)
        if (feature.properties.name && feature.geometry.type === 'Point')
          entries.push({
            label: String(feature.properties.name),
            kind: 'bridge',
            position: feature.geometry.coordinates as [number, number],
          });
    }
  }
  return entries;
}

type Found = {
  label: string;
  kind: string;
  position?: [number, number];
  bounds?: [number, number, number, number];
  ruasNumber?: string;
};

/** A found ruas drawn whole, under the marker: a wide halo along every segment. Screen only, never printed. */
export const SEARCH_HIGHLIGHT = 'search-highlight';

function setHighlight(map: MapLibreMap, features: readonly StoredFeature[], hidden: boolean) {
  if (!map.style) return;
  if (!map.getSource(SEARCH_HIGHLIGHT)) {
    map.addSource(SEARCH_HIGHLIGHT, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: SEARCH_HIGHLIGHT,
      type: 'line',
      source: SEARCH_HIGHLIGHT,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_COLORS.searchMark, 'line-width': 18, 'line-opacity': 0.35, 'line-blur': 2 },
    });
  }
  void (map.getSource(SEARCH_HIGHLIGHT) as GeoJSONSource).setData({
    type: 'FeatureCollection',
    features: features.map((feature) => ({ type: 'Feature', geometry: feature.geometry, properties: {} })),
  });
  map.setLayoutProperty(SEARCH_HIGHLIGHT, 'visibility', hidden ? 'none' : 'visible');
}

/**
 * One box over the map: a place, a ruas number or name, a bridge, `P-101 STA 16+250`, or coordinates in
 * decimal degrees, DMS or UTM. Enter (or a click on a result) flies there and marks it.
 */
export function MapSearch({ map }: { map: MapLibreMap | null }) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const { layers, featuresByLayer, presentation } = useSnapshot();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  // The list closes when a result is shown or the box loses focus, and opens again on typing.
  const [open, setOpen] = useState(false);
  const [placeEntries, setPlaceEntries] = useState<SearchEntry[]>([]);
  const marker = useRef<Marker | null>(null);
  // What is marked (the marker's label), for the clear button; null when nothing is.
  const [marked, setMarked] = useState<string | null>(null);

  /** Takes the marker and the ruas highlight off the map. */
  const clearMarks = () => {
    marker.current?.remove();
    marker.current = null;
    if (map) setHighlight(map, [], true);
    setMarked(null);
  };

  useEscapeToClear(marked !== null, clearMarks);

  // Slides show what they are about: the marks are hidden while a story is presented, and come back after.
  useEffect(() => {
    if (!map || !marked) return;
    if (marker.current) marker.current.getElement().style.visibility = presentation ? 'hidden' : '';
    if (map.getLayer(SEARCH_HIGHLIGHT))
      map.setLayoutProperty(SEARCH_HIGHLIGHT, 'visibility', presentation ? 'none' : 'visible');
  }, [map, marked, presentation]);

  useEffect(() => {
    void loadPlaces().then(setPlaceEntries);
  }, []);
  useEffect(
    () => () => {
      marker.current?.remove();
    },
    [],
  );

  // Built when there is something to search for, and again only when the data changed.
  const searching = query.trim().length > 0;
  const dataEntries = useMemo(
    () => (searching ? entriesOf(layers, featuresByLayer) : []),
    [searching, layers, featuresByLayer],
  );
  const parsed = useMemo(() => parseLocationQuery(query), [query]);
  const results = useMemo(
    () => (parsed.kind === 'text' ? searchNames(parsed.text, [...dataEntries, ...placeEntries]) : []),
    [parsed, dataEntries, placeEntries],
  );

  const show = (found: Found) => {
    if (!map) return;
    setMessage(null);
    clearMarks();
    if (found.ruasNumber) {
      const segments = layers
        .filter((layer) => layer.kind === 'road' && layer.visible)
        .flatMap((layer) => featuresByLayer.get(layer.id) ?? [])
        .filter((feature) => String(feature.properties.ruasNumber ?? '') === found.ruasNumber);
      setHighlight(map, segments, false);
    }
    if (found.bounds) {
      const [w, s, e, n] = found.bounds;
      map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding: 80, maxZoom: 15, duration: 800 },
      );
    } else if (found.position) {
      map.flyTo({ center: found.position, zoom: found.kind === 'place' ? 13 : 16, duration: 800 });
    }
    const at =
      found.position ??
      (found.bounds && [(found.bounds[0] + found.bounds[2]) / 2, (found.bounds[1] + found.bounds[3]) / 2]);
    if (!at) return;
    const element = document.createElement('div');
    element.className = 'search-marker';
    element.dataset.testid = 'search-marker';
    element.dataset.lnglat = `${at[0].toFixed(6)},${at[1].toFixed(6)}`;
    const label = document.createElement('span');
    label.textContent = found.label;
    element.append(label);
    marker.current = new Marker({ element, anchor: 'bottom' }).setLngLat(at).addTo(map);
    setMarked(found.label);
  };

  /** The STA on the first road layer that has the ruas. */
  const showSta = (ruasNumber: string, staM: number) => {
    for (const layer of layers.filter((candidate) => candidate.kind === 'road')) {
      const paths = ruasPaths(featuresByLayer.get(layer.id) ?? [], ruasNumber);
      if (paths.length === 0) continue;
      const position = pointAtSta(paths, staM);
      if (!position)
        return setMessage(
          t('search.staBeyond', {
            sta: formatSta(staM),
            ruas: ruasNumber,
            length: formatKilometres(ruasLengthM(paths), locale),
          }),
        );
      return show({ label: `${ruasNumber} ${formatSta(staM)}`, kind: 'sta', position: position as [number, number] });
    }
    return setMessage(t('search.ruasUnknown', { ruas: ruasNumber }));
  };

  const go = (index = active) => {
    setOpen(false);
    if (parsed.kind === 'coordinates') {
      const utm = formatUtm(toUtm(parsed.lon, parsed.lat));
      show({
        label: `${parsed.lat.toFixed(5)}, ${parsed.lon.toFixed(5)} · ${utm}`,
        kind: 'coordinates',
        position: [parsed.lon, parsed.lat],
      });
    } else if (parsed.kind === 'sta') showSta(parsed.ruasNumber, parsed.staM);
    else if (results[index]) show(results[index]);
    else if (searching) setMessage(t('search.notFound', { query: query.trim() }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((current) => Math.min(results.length - 1, current + 1));
    else if (event.key === 'ArrowUp') setActive((current) => Math.max(0, current - 1));
    else if (event.key === 'Enter') go();
    else if (event.key === 'Escape') {
      setQuery('');
      setMessage(null);
      clearMarks();
    } else return;
    event.preventDefault();
  };

  const hint =
    parsed.kind === 'coordinates'
      ? t(`search.format.${parsed.format}`)
      : parsed.kind === 'sta'
        ? t('search.format.sta', { ruas: parsed.ruasNumber, sta: formatSta(parsed.staM) })
        : null;

  return (
    <div className="map-search" role="search">
      <input
        type="search"
        value={query}
        data-testid="map-search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
          setMessage(null);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {marked && (
        <button
          type="button"
          className="map-search-clear"
          data-testid="search-clear"
          title={t('search.clear', { label: marked })}
          aria-label={t('search.clear', { label: marked })}
          onClick={() => {
            setQuery('');
            setMessage(null);
            clearMarks();
          }}
        >
          ×
        </button>
      )}
      {(message || (open && (hint || results.length > 0))) && (
        <div className="map-search-results" data-testid="search-results">
          {open && hint && <div className="search-hint">{hint} — Enter</div>}
          {message && (
            <div className="search-message" role="status" data-testid="search-message">
              {message}
            </div>
          )}
          {(open ? results : []).map((result, index) => (
            <button
              type="button"
              key={`${result.kind}:${result.label}`}
              className={index === active ? 'active' : ''}
              data-testid="search-result"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(index)}
            >
              <span className="search-kind">{t(`search.kind.${result.kind}`)}</span> {result.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
