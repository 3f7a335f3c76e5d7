import type { TFunction } from 'i18next';
import type { PhotoMetadata } from '#shared/evidence/field-photos';
import { formatNumber, type Locale } from '#shared/format/format-number';

/** "21/01/2026 09:30" as the camera's clock read it (no time zone is applied). */
export function formatPhotoTime(takenAt: string | null): string {
  const match = takenAt && /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(takenAt);
  if (!match) return '';
  const [, year, month, day, hour, minute] = match;
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

/** One line of what the camera said: time, direction, camera; parts it did not write are left out. */
export function describePhotoMetadata(metadata: PhotoMetadata, t: TFunction, locale: Locale): string {
  const parts: string[] = [];
  const time = formatPhotoTime(metadata.takenAt);
  if (time) parts.push(time);
  if (metadata.directionDeg !== null)
    parts.push(t('photos.direction', { degrees: formatNumber(metadata.directionDeg, locale, 0) }));
  const camera = [metadata.cameraMake, metadata.cameraModel].filter(Boolean).join(' ');
  if (camera) parts.push(camera);
  return parts.join(' · ');
}
