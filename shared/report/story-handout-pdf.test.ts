import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { createStoryHandoutPdf } from './story-handout-pdf';

/** A small RGB PNG written by hand (the map image stands in for a slide). */
function png(width: number, height: number): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set([x % 256, y % 256, 160], y * (width * 3 + 1) + 1 + x * 3);
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}
const PNG = png(160, 90);

describe('story handout PDF', () => {
  it('has a cover page and one page per slide, readable by poppler', () => {
    const pdf = createStoryHandoutPdf({
      title: 'Jalan Perbatasan RI – RDTL',
      subtitle: 'Dinas PUPR Provinsi NTT',
      closing: 'Terima kasih',
      date: '23/11/2026',
      demoNote: 'DATA DEMO — geometri ilustrasi',
      labels: { slide: 'Slide', figures: 'Angka kunci', contents: 'Isi', page: 'hlm.' },
      slides: [1, 2, 3].map((n) => ({ title: `Slide ${n}`, caption: 'Keterangan', png: PNG, width: 1600, height: 900, figures: [{ label: 'Panjang rute', value: '79,6 km' }] })),
    });
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    const file = join(dir, 'handout.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+4/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Jalan Perbatasan RI - RDTL');
    expect(text).toContain('Angka kunci');
    expect(text).toContain('79,6 km');
  });
});
