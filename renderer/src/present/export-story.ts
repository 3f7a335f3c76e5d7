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

/** A slide as an image (PNG for slide files, JPEG for the handout) with what the handout prints beside it. */
export type RenderedSlide = Omit<HandoutSlide, 'jpeg'> & { image: Uint8Array<ArrayBuffer> };

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
      const number = story.slides.indexOf(slide) + 1;
      const credits = mapCredits(map);
      const image = await composeSlideImage(
        map,
        {
          title: slide.title,
          caption: slide.caption,
          figures,
          legend,
          footer: `${story.title} · ${t('present.slide')} ${number}/${story.slides.length} · ${formatDate(new Date())}`,
          demoLabel: story.demo ? t('present.demoBadge') : null,
          credits,
        },
        format,
      );
      rendered.push({
        title: slide.title,
        caption: slide.caption,
        figures,
        credits,
        image: image.bytes,
        width: image.width,
        height: image.height,
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
      name: `${fileSafe(story.title)} - ${story.slides.indexOf(only) + 1} ${fileSafe(only.title)}.png`,
      data: rendered[0]!.image,
    };
  const files: Record<string, Uint8Array> = {};
  rendered.forEach((slide, index) => {
    files[`${String(index + 1).padStart(2, '0')} ${fileSafe(slide.title)}.png`] = slide.image;
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
  const data = createStoryHandoutPdf(
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
