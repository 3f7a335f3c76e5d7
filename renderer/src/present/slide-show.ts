import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import type { TFunction } from 'i18next';
import type { AppStore } from '../state/app-store';
import type { Camera, Slide, Story } from '#shared/present/story';
import type { Locale } from '#shared/format/format-number';
import type { RetributionEstimate } from '#shared/tariff/estimate-retribution';
import { RouteAnimation, type RouteMarks } from './route-animation';
import { loadBorderLines, routeMarksFor } from './slide-plan';

const FLIGHT_MS = 2_500;

/** Room for the title card on the left, so what the slide is about is not under it. */
function slidePadding(map: MapLibreMap): PaddingOptions {
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const card = Math.min(width * 0.42, 640);
  return { top: height * 0.1, bottom: height * 0.12, left: Math.min(card + 40, width * 0.5), right: width * 0.06 };
}

/** The camera of a slide on this screen: its bounds fitted when it has them, else its centre and zoom. */
export function cameraOnScreen(map: MapLibreMap, camera: Camera) {
  if (camera.bounds) {
    const [west, south, east, north] = camera.bounds;
    const fitted = map.cameraForBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: slidePadding(map), bearing: camera.bearing },
    );
    if (fitted?.center && fitted.zoom !== undefined)
      return { center: fitted.center, zoom: fitted.zoom, bearing: camera.bearing, pitch: camera.pitch };
  }
  return { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
}

export interface ShownSlide {
  marks: RouteMarks | null;
  estimate: RetributionEstimate | null;
}

/**
 * Puts slides on the map: the layers they show (without touching the layers' own settings), their
 * highlighted features, their camera, their route drawing itself and their estimate.
 */
export class SlideShow {
  private readonly animation: RouteAnimation;
  private token = 0;

  constructor(
    private readonly map: MapLibreMap,
    private readonly store: AppStore,
    private readonly t: TFunction,
    private readonly locale: Locale,
  ) {
    this.animation = new RouteAnimation(map);
  }

  private async fly(camera: ReturnType<typeof cameraOnScreen>, animate: boolean) {
    if (!animate) {
      this.map.jumpTo(camera);
      return;
    }
    await new Promise<void>((resolve) => {
      // A flight to where the map already is may end without a moveend; the timer covers it.
      const timer = setTimeout(resolve, FLIGHT_MS + 500);
      this.map.once('moveend', () => {
        clearTimeout(timer);
        resolve();
      });
      this.map.flyTo({
        ...camera,
        duration: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : FLIGHT_MS,
        essential: true,
      });
    });
  }

  private async estimateFor(slide: Slide): Promise<RetributionEstimate | null> {
    if (!slide.estimateCorridorId) return null;
    const { tariffs, analysis } = this.store.getSnapshot();
    if (analysis.status === 'done' && analysis.options?.corridorId === slide.estimateCorridorId)
      return analysis.estimate;
    const schedule = tariffs.find((candidate) => candidate.example) ?? tariffs[0];
    if (!schedule) return null;
    await this.store.analysis.run({
      scheduleId: schedule.id,
      corridorId: slide.estimateCorridorId,
      periodYears: 1,
      payingShare: 0,
    });
    return this.store.getSnapshot().analysis.estimate;
  }

  /** Shows a slide; with `animate` the camera flies and the route draws itself. Resolves when all is shown. */
  async showSlide(
    slide: Slide,
    options: { animate: boolean; onDistance?: (metres: number | null) => void },
  ): Promise<ShownSlide | null> {
    const token = ++this.token;
    // The slide is framed for the map's container as it is now (entering full screen may not have reached the
    // map yet on a busy machine: its own resize observer runs later).
    this.map.resize();
    this.animation.clear();
    options.onDistance?.(null);
    this.store.presentation.set({ visibleLayerIds: slide.visibleLayerIds, routeShown: false });
    this.store.selection.select(slide.highlightIds);
    const estimate = this.estimateFor(slide);
    const border = await loadBorderLines();
    await this.fly(cameraOnScreen(this.map, slide.camera), options.animate);
    if (token !== this.token) return null;
    const marks = routeMarksFor(slide, this.store.getSnapshot(), border, this.t, this.locale);
    if (marks) this.store.presentation.set({ visibleLayerIds: slide.visibleLayerIds, routeShown: true });
    if (marks && options.animate) {
      const duration = Math.min(9_000, Math.max(4_000, marks.route.lengthM / 15));
      await this.animation.play(marks, duration, (metres) => token === this.token && options.onDistance?.(metres));
    } else if (marks) await this.animation.showComplete(marks);
    return { marks, estimate: await estimate };
  }

  /** Opening and closing: every slide's area and layers, nothing highlighted. */
  async showOverview(story: Story, animate: boolean) {
    ++this.token;
    this.map.resize();
    this.animation.clear();
    this.store.presentation.set({
      visibleLayerIds: [...new Set(story.slides.flatMap((slide) => slide.visibleLayerIds))],
      routeShown: false,
    });
    this.store.selection.select([]);
    const bounds = story.slides.map((slide) => slide.camera.bounds).filter((b) => b !== null);
    if (bounds.length === 0) return;
    const union: [number, number, number, number] = [
      Math.min(...bounds.map((b) => b[0])),
      Math.min(...bounds.map((b) => b[1])),
      Math.max(...bounds.map((b) => b[2])),
      Math.max(...bounds.map((b) => b[3])),
    ];
    const fitted = this.map.cameraForBounds(
      [
        [union[0], union[1]],
        [union[2], union[3]],
      ],
      { padding: 60 },
    );
    if (fitted?.center && fitted.zoom !== undefined)
      await this.fly({ center: fitted.center, zoom: fitted.zoom, bearing: 0, pitch: 0 }, animate);
  }

  /** Back to the map as the user left it: own layer visibility, no highlights, no route. */
  destroy() {
    ++this.token;
    this.animation.destroy();
    this.store.presentation.set(null);
    this.store.selection.select([]);
  }
}
