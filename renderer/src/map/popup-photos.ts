import type { i18n as I18n } from 'i18next';
import type { Locale } from '#shared/format/format-number';
import { formatNumber, formatSta } from '#shared/format/format-number';
import type { RumijaDatabase } from '../persistence/database';
import { photoImage, photosOfFeature } from '../persistence/photo-repository';
import { describePhotoMetadata } from '../format/photo-text';

/** Adds the feature's stored photos (thumbnails with what the camera said) to its popup; nothing when it has none. */
export async function appendFeaturePhotos(root: HTMLElement, db: RumijaDatabase, featureId: string, i18n: I18n) {
  const photos = await photosOfFeature(db, featureId);
  if (photos.length === 0 || !root.isConnected) return;
  const t = i18n.t.bind(i18n);
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const section = document.createElement('section');
  section.className = 'popup-photos';
  section.dataset.testid = 'popup-photos';
  const heading = document.createElement('h4');
  heading.textContent = t('photos.popupHeading', { count: photos.length });
  section.append(heading);
  for (const photo of photos) {
    const figure = document.createElement('figure');
    const image = document.createElement('img');
    image.alt = photo.fileName;
    image.dataset.testid = 'popup-photo';
    const stored = await photoImage(db, photo.id);
    if (stored) {
      const url = URL.createObjectURL(stored.thumbnail);
      image.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
      image.addEventListener('error', () => URL.revokeObjectURL(url), { once: true });
      image.src = url;
    }
    const caption = document.createElement('figcaption');
    const lines = [photo.fileName, describePhotoMetadata(photo.metadata, t, locale)];
    // A photo from a project saved with records only: its place and camera are known, its image is not here.
    if (!stored) lines.push(t('photos.imageNotCarried'));
    if (photo.placement.kind === 'attached') {
      const distance = formatNumber(photo.placement.distanceM, locale, 0);
      lines.push(
        photo.placement.staM !== undefined
          ? t('photos.attachedAtSta', { sta: formatSta(photo.placement.staM), distance })
          : t('photos.attachedAt', { distance }),
      );
    }
    for (const line of lines.filter(Boolean)) {
      const div = document.createElement('div');
      div.textContent = line;
      caption.append(div);
    }
    // No empty image frame for a photo whose image is not here: the caption says so.
    if (stored) figure.append(image);
    figure.append(caption);
    section.append(figure);
  }
  // Evidence first: the photos come right under the title, above the attributes.
  const title = root.querySelector('h3');
  if (title) title.after(section);
  else root.append(section);
}
