import { describe, expect, it } from 'vitest';
import { readPhotoFile } from './read-photo-file';
import { exiftoolRead, makeTaggedJpeg } from '../../tests/unit/exiftool-photo';
import { gdalJpeg } from '../../tests/unit/gdal-jpeg';

const exifDate = (value: string | number | undefined) =>
  String(value).replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');

describe('readPhotoFile', () => {
  it('reads position (south, east), direction, time and camera as exiftool reads them back', () => {
    const { path, bytes } = makeTaggedJpeg('kupang.jpg', {
      lat: -10.171234,
      lon: 123.607891,
      directionDeg: 135.5,
      dateTimeOriginal: '2026:01:21 09:30:15',
      offsetTimeOriginal: '+08:00',
      make: 'Samsung',
      model: 'Galaxy A54',
    });
    const oracle = exiftoolRead(path);
    expect(oracle.GPSLatitude).toBeLessThan(0);
    const reading = readPhotoFile('kupang.jpg', bytes);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    const { metadata } = reading;
    expect(metadata.position![0]).toBeCloseTo(oracle.GPSLongitude as number, 9);
    expect(metadata.position![1]).toBeCloseTo(oracle.GPSLatitude as number, 9);
    expect(metadata.directionDeg).toBeCloseTo(oracle.GPSImgDirection as number, 9);
    expect(metadata.takenAt).toBe(`${exifDate(oracle.DateTimeOriginal)}${oracle.OffsetTimeOriginal}`);
    expect(metadata.cameraMake).toBe(oracle.Make);
    expect(metadata.cameraModel).toBe(oracle.Model);
  });

  it('a western, northern position keeps its signs; no offset leaves the time as the clock read it', () => {
    const { path, bytes } = makeTaggedJpeg('north-west.jpg', {
      lat: 52.5,
      lon: -1.25,
      dateTimeOriginal: '2025:12:31 23:59:59',
    });
    const oracle = exiftoolRead(path);
    const reading = readPhotoFile('north-west.jpg', bytes);
    expect(reading).toMatchObject({ ok: true });
    if (!reading.ok) return;
    expect(reading.metadata.position).toEqual([oracle.GPSLongitude, oracle.GPSLatitude]);
    expect(reading.metadata.takenAt).toBe(exifDate(oracle.DateTimeOriginal));
    expect(reading.metadata.directionDeg).toBeNull();
  });

  it('a photo without GPS, or with the 0°, 0° of a phone without a fix, has no position', () => {
    const plain = readPhotoFile('plain.jpg', makeTaggedJpeg('plain.jpg', { make: 'Canon' }).bytes);
    expect(plain).toEqual({
      ok: true,
      metadata: { position: null, directionDeg: null, takenAt: null, cameraMake: 'Canon', cameraModel: null },
    });
    const zero = readPhotoFile('zero.jpg', makeTaggedJpeg('zero.jpg', { lat: 0, lon: 0 }).bytes);
    expect(zero.ok && zero.metadata.position).toBeNull();
  });

  it('refuses HEIC by its bytes or its name, other files, empty and cut-short JPEGs, each with its reason', () => {
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]);
    expect(readPhotoFile('IMG_0001.HEIC', heic)).toEqual({ ok: false, problem: 'heic' });
    expect(readPhotoFile('renamed.jpg', heic)).toEqual({ ok: false, problem: 'heic' });
    expect(readPhotoFile('IMG_0002.heif', new Uint8Array([1, 2, 3, 4]))).toEqual({ ok: false, problem: 'heic' });
    expect(readPhotoFile('notes.jpg', new TextEncoder().encode('not a photo'))).toEqual({
      ok: false,
      problem: 'not-jpeg',
    });
    expect(readPhotoFile('empty.jpg', new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    const whole = makeTaggedJpeg('cut.jpg', { lat: -10, lon: 123 }).bytes;
    expect(readPhotoFile('cut.jpg', whole).ok).toBe(true);
    expect(readPhotoFile('cut.jpg', whole.subarray(0, whole.length - 40))).toEqual({ ok: false, problem: 'damaged' });
    // Bytes after the image's end (a phone's trailer) are allowed.
    expect(readPhotoFile('trailer.jpg', new Uint8Array([...whole, 1, 2, 3])).ok).toBe(true);
    expect(readPhotoFile('colour.jpg', gdalJpeg(8, 8, [1, 2, 3])).ok).toBe(true);
  });
});
