import type { Map as MapLibreMap } from 'maplibre-gl';
import type { TFunction } from 'i18next';
import { zipSync } from 'fflate';
import type { Slide, Story } from '#shared/present/story';
import { formatDate, type Locale } from '#shared/format/format-number';
import type { HandoutSlide } from '#shared/report/story-handout-pdf';
import type { AppStore } from '../state/app-store';
import { SlideShow } from './slide-show';
import { labelledFigures, slideLegends } from './slide-plan';
import { composeSlideImage } from './slide-image';
import { mapCredits } from '../map/map-credits';
import { layerLabel } from '../format/layer-label';
import { slideLegendGroups } from './slide-legend';
import { loadPrintFonts } from '../print/print-job';
import { safeFileName as fileSafe } from '#shared/format/file-name';
import { slideChartData } from '../charts/slide-chart-data';
import { renderChart } from '../charts/render-chart';
import { SLIDE_CHART_FONT_PX } from '../charts/slide-chart';
import { reportChart } from '../charts/pdf-chart';

/** A chart printed beside the map is laid out narrower than a report's (680 px): its text keeps ~8 pt on paper. */
const HANDOUT_BESIDE_CHART_PX = 440;

/**
 * A slide as an image (PNG for slide files, JPEG for the handout; none for a handout page whose chart takes the map's
 * place) with what the handout prints beside it.
 */
export type RenderedSlide = Omit<HandoutSlide, 'jpeg'> & { image: Uint8Array<ArrayBuffer> | null };

function waitForIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * Renders every slide of a story as a finished image (map, title, caption, key figures, legend, scale
 * and north arrow), one after the other on the live map, then puts the map back as it was.
 */
export async function renderSlides(
  map: MapLibreMap,
  store: AppStore,
  story: Story,
  t: TFunction,
  locale: Locale,
  onProgress: (done: number, total: number) => void,
  format: 'png' | 'jpeg',
  only?: Slide,
): Promise<RenderedSlide[]> {
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const show = new SlideShow(map, store, t, locale);
  const slides = only ? [only] : story.slides;
  const rendered: RenderedSlide[] = [];
  try {
    for (const [index, slide] of slides.entries()) {
      onProgress(index, slides.length);
      // The camera of a slide is fitted to the map's size: take the size the container has now.
      map.resize();
      const shown = await show.showSlide(slide, { animate: false });
      await waitForIdle(map);
      const snapshot = store.getSnapshot();
      const figures = labelledFigures(slide, snapshot, shown?.marks ?? null, shown?.estimate ?? null, t, locale);
      const legend = slideLegendGroups(
        slideLegends(slide, snapshot.layers, snapshot.featuresByLayer, t, snapshot.standingMap.on).map(
          ({ layerId, entries }) => {
            const layer = snapshot.layers.find((candidate) => candidate.id === layerId);
            return { title: layer ? layerLabel(layer, t) : layerId, entries };
          },
        ),
      );
      const number = story.slides.findIndex((candidate) => candidate.id === slide.id) + 1;
      const credits = mapCredits(map);
      // The chart the live slide shows (SlideChartBlock), from the same figures.
      const estimate = shown?.estimate ?? (snapshot.analysis.status === 'done' ? snapshot.analysis.estimate : null);
      const data = slide.chart ? slideChartData(slide, slide.chart, snapshot, estimate) : null;
      const drawable = data && data.rows.length > 0 ? data : null;
      const noData = t('charts.slideNoData');
      const fonts = slide.chart ? await loadPrintFonts() : null;
      const image =
        format === 'jpeg' && slide.chart?.layout === 'alone'
          ? null
          : await composeSlideImage(
              map,
              {
                title: slide.title,
                caption: slide.caption,
                figures,
                legend,
                footer: `${story.title} · ${t('present.slide')} ${number}/${story.slides.length} · ${formatDate(new Date())}`,
                demoLabel: story.demo ? t('present.demoBadge') : null,
                credits,
                chart:
                  slide.chart && fonts
                    ? {
                        layout: slide.chart.layout,
                        draw: (width) =>
                          drawable
                            ? renderChart(drawable, {
                                t,
                                locale,
                                width,
                                fontSize: SLIDE_CHART_FONT_PX,
                                rowSpacing: 1.45,
                              })
                            : null,
                        noData,
                        fonts,
                      }
                    : null,
              },
              format,
            );
      rendered.push({
        title: slide.title,
        caption: slide.caption,
        figures,
        credits,
        image: image?.bytes ?? null,
        width: image?.width ?? 0,
        height: image?.height ?? 0,
        chart:
          slide.chart && format === 'jpeg'
            ? {
                layout: slide.chart.layout,
                drawing: drawable
                  ? reportChart(
                      drawable,
                      t,
                      locale,
                      slide.chart.layout === 'beside' ? HANDOUT_BESIDE_CHART_PX : undefined,
                    )
                  : null,
                noData,
              }
            : null,
      });
    }
    onProgress(slides.length, slides.length);
  } finally {
    show.destroy();
    map.jumpTo(camera);
  }
  return rendered;
}

/** One PNG per slide, in a zip named after the story; a single slide gives its PNG alone. */
export async function storyPngs(
  story: Story,
  rendered: RenderedSlide[],
  only?: Slide,
): Promise<{ name: string; data: Uint8Array<ArrayBuffer> }> {
  if (only)
    return {
      name: `${fileSafe(story.title)} - ${story.slides.findIndex((candidate) => candidate.id === only.id) + 1} ${fileSafe(only.title)}.png`,
      data: rendered[0]!.image!,
    };
  const files: Record<string, Uint8Array> = {};
  rendered.forEach((slide, index) => {
    if (slide.image) files[`${String(index + 1).padStart(2, '0')} ${fileSafe(slide.title)}.png`] = slide.image;
  });
  // PNGs are compressed already: stored, not deflated again.
  return { name: `${fileSafe(story.title)} - slide PNG.zip`, data: zipSync(files, { level: 0 }) };
}

export async function storyHandout(
  story: Story,
  rendered: RenderedSlide[],
  t: TFunction,
): Promise<{ name: string; data: Uint8Array<ArrayBuffer> }> {
  const { createStoryHandoutPdf } = await import('#shared/report/story-handout-pdf');
  const fonts = await loadPrintFonts();
  const data = await createStoryHandoutPdf(
    {
      title: story.title,
      subtitle: story.subtitle,
      closing: story.closing,
      date: formatDate(new Date()),
      demoNote: story.demo ? t('present.demoBadge') : null,
      labels: {
        slide: t('present.slide'),
        figures: t('present.keyFigures'),
        contents: t('present.contents'),
        page: t('present.page'),
      },
      slides: rendered.map(({ image, ...slide }) => ({ ...slide, jpeg: image })),
    },
    fonts,
  );
  return { name: `${fileSafe(story.title)} - handout.pdf`, data };
}
