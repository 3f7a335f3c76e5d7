import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot, SCREENSHOT_DIR } from './helpers';
import { readDrawnChart, valueAxis } from './chart-readback';
import { pdfFonts } from '../unit/print-fonts';

/**
 * A slide's chart in the exported slide PNG and in the handout (#40), at 1920×1080. The PNG is decoded and its bars
 * found by their colours: their lengths against hand-worked figures and the analysis table's cells, a figure's ink
 * against Noto Sans at the slide's size (measured by the browser's own font metrics). The handout is read with
 * pdftotext (every bar name and figure, Indonesian number style) and pdffonts (all embedded).
 */
/** By hand (create-assessment-recap.test.ts): two semesters of 49.429.526; paid 28.520.961 + 10.125.000. */
const ASSESSED_2026 = 98_859_052;
const COLLECTED_2026 = 38_645_961;
/** The assessed amount said the short way, written by hand. */
const ASSESSED_SHORT = { id: 'Rp98,9 juta', en: 'Rp98.9 million' } as const;
const CORRIDOR = 'Simpang Polda – Bandara El Tari';
/** The map's status blues, written here by hand: assessed (also the owner bars), collected. */
const FILL = { assessed: '#608dbe', collected: '#002f55' } as const;
/** The slide of the demo story that shows the Kupang corridor's estimate. */
const CORRIDOR_SLIDE = 4;
/** The size the live slide draws chart text at, and the least the issue allows. */
const SLIDE_FONT_PX = 24;
const MIN_FONT_PX = 20;

interface PngBar {
  colour: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Decodes a PNG in the browser; bars are runs of a colour at least `minHeight` rows tall, right of `fromX`. */
async function pngBars(page: Page, png: Buffer, colours: string[], fromX: number, minHeight = 6): Promise<PngBar[]> {
  return page.evaluate(
    async ({ base64, colours, fromX, minHeight }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      type Bar = { colour: string; left: number; right: number; top: number; bottom: number; last: [number, number] };
      const bars: Bar[] = [];
      for (const colour of colours) {
        const rgb = [1, 3, 5].map((k) => Number.parseInt(colour.slice(k, k + 2), 16));
        let open: Bar[] = [];
        for (let y = 0; y < height; y++) {
          // Runs of the colour along the row: a bar is one run per row, a road on the map a few short ones.
          const runs: [number, number][] = [];
          let start = -1;
          for (let x = fromX; x <= width; x++) {
            const i = (y * width + x) * 4;
            const inside = x < width && rgb.every((value, k) => Math.abs(data[i + k]! - value) <= 3);
            if (inside && start < 0) start = x;
            if (!inside && start >= 0) {
              if (x - start >= 4) runs.push([start, x]);
              start = -1;
            }
          }
          const next: Bar[] = [];
          for (const run of runs) {
            const bar = open.find((candidate) => candidate.last[0] < run[1] && run[0] < candidate.last[1]);
            if (bar) {
              bar.left = Math.min(bar.left, run[0]);
              bar.right = Math.max(bar.right, run[1]);
              bar.bottom = y + 1;
              bar.last = run;
              if (!next.includes(bar)) next.push(bar);
            } else next.push({ colour, left: run[0], right: run[1], top: y, bottom: y + 1, last: run });
          }
          for (const bar of open) if (!next.includes(bar) && bar.bottom - bar.top >= minHeight) bars.push(bar);
          open = next;
        }
      }
      return bars
        .map(({ colour, left, right, top, bottom }) => ({ colour, left, right, top, bottom }))
        .sort((a, b) => a.top - b.top);
    },
    { base64: png.toString('base64'), colours, fromX, minHeight },
  );
}

/** The box of the dark ink (text) in a region of a PNG. */
async function inkBox(page: Page, png: Buffer, region: { x: number; y: number; width: number; height: number }) {
  return page.evaluate(
    async ({ base64, region }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(region.x, region.y, region.width, region.height);
      let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
      for (let i = 0; i < data.length; i += 4)
        if (data[i]! + data[i + 1]! + data[i + 2]! < 300) {
          const x = (i / 4) % region.width;
          const y = Math.floor(i / 4 / region.width);
          [left, right, top, bottom] = [
            Math.min(left, x),
            Math.max(right, x + 1),
            Math.min(top, y),
            Math.max(bottom, y + 1),
          ];
        }
      return { width: right - left, height: bottom - top };
    },
    { base64: png.toString('base64'), region },
  );
}

/** A text's ink box in Noto Sans at a size, by the browser's font metrics (the font the app ships). */
function notoInk(page: Page, text: string, px: number) {
  return page.evaluate(
    async ({ text, px }) => {
      await document.fonts.load(`400 ${px}px "Noto Sans"`);
      const context = new OffscreenCanvas(10, 10).getContext('2d')!;
      context.font = `400 ${px}px "Noto Sans"`;
      const m = context.measureText(text);
      return {
        width: m.actualBoundingBoxRight + m.actualBoundingBoxLeft,
        height: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent,
      };
    },
    { text, px },
  );
}

async function choose(page: Page, index: number, chart: string) {
  await page.getByTestId(`slide-chart-${index}`).selectOption(chart);
  await expect
    .poll(() => page.evaluate((i) => window.rumijaStore!.getSnapshot().stories[0]?.slides[i]?.chart?.id, index))
    .toBe(chart.split(':')[0]);
}

async function download(page: Page, testId: string, timeout = 120_000) {
  const downloaded = page.waitForEvent('download', { timeout });
  await page.getByTestId(testId).click();
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-chart-slide-')), (await downloaded).suggestedFilename());
  await (await downloaded).saveAs(file);
  return { data: readFileSync(file), name: (await downloaded).suggestedFilename() };
}

/** "Rp98,9 juta", "Rp1,2 miliar", "Rp 980.000": the short rupiah of the id-ID slides, worked by hand. */
function shortRupiahId(amount: number): string {
  for (const [scale, word] of [
    [1e9, 'miliar'],
    [1e6, 'juta'],
  ] as const)
    if (amount >= scale) return `Rp${(Math.round((amount / scale) * 10) / 10).toString().replace('.', ',')} ${word}`;
  return `Rp ${Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

for (const language of ['id', 'en'] as const)
  test(`exported slide PNGs and the handout carry the slide's chart (${language}, 1920×1080)`, async ({ page }) => {
    test.setTimeout(420_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    // The demo periods are of 2026 and potential stands for the year the analysis runs: that year, whenever this runs.
    await page.clock.setFixedTime(new Date('2026-12-07T02:00:00Z'));
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();
    await page.getByTestId('tab-story').click();

    // Collection beside the map: the live slide's chart gives the row order and the axis's pixels per rupiah.
    await choose(page, 0, 'retribution-collection:beside');
    await page.getByTestId('slide-present-0').click();
    const drawing = page.getByTestId('presenter-chart');
    await expect(drawing.locator('svg')).toBeVisible({ timeout: 120_000 });
    const live = await readDrawnChart(drawing);
    const axis = valueAxis(live, language);
    const rowIndex = [...live.names].sort((a, b) => a.cy - b.cy).findIndex((name) => name.text === CORRIDOR);
    expect(rowIndex).toBeGreaterThanOrEqual(0);
    await page.getByTestId('presenter-exit').click();

    const { data: beside } = await download(page, 'slide-png-0');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, `charts-export-slide-beside-${language}-1920.png`), beside);
    expect([beside.readUInt32BE(16), beside.readUInt32BE(20)]).toEqual([1920, 1080]);
    // The chart stands on the right half (as on the live slide); the map's own blues may be left of it.
    const bars = await pngBars(page, beside, [FILL.assessed, FILL.collected], 960);
    const assessed = bars.filter((bar) => bar.colour === FILL.assessed && bar.right - bar.left > 40)[rowIndex]!;
    const collected = bars.find(
      (bar) => bar.colour === FILL.collected && bar.top >= assessed.top - 1 && bar.bottom <= assessed.bottom + 1,
    )!;
    expect(collected, JSON.stringify(bars)).toBeDefined();
    // Both from the same zero; each as long as its amount on the live slide's axis (same width, same font), to the
    // 3 px that the bar's outline and the zero rule (not the fill's colour) take off its ends.
    expect(Math.abs(collected.left - assessed.left)).toBeLessThanOrEqual(1);
    for (const [bar, amount] of [
      [assessed, ASSESSED_2026],
      [collected, COLLECTED_2026],
    ] as const)
      expect(Math.abs((bar.right - bar.left) / axis.perUnit - amount), bar.colour).toBeLessThan(3 / axis.perUnit);
    // The assessed figure at the bar's end: Noto Sans at the slide's 24 px (DejaVu, the fallback, is ~10 % wider).
    const middle = (assessed.top + assessed.bottom) / 2;
    const ink = await inkBox(page, beside, {
      x: assessed.right + 2,
      y: Math.round(middle - SLIDE_FONT_PX),
      width: Math.min(400, 1920 - assessed.right - 2),
      height: SLIDE_FONT_PX * 2,
    });
    const noto = await notoInk(page, ASSESSED_SHORT[language], SLIDE_FONT_PX);
    expect(
      Math.abs(ink.width - noto.width) / noto.width,
      `${JSON.stringify(ink)} vs ${JSON.stringify(noto)}`,
    ).toBeLessThan(0.03);
    expect(Math.abs(ink.height - noto.height)).toBeLessThanOrEqual(2);
    expect((SLIDE_FONT_PX * ink.width) / noto.width).toBeGreaterThanOrEqual(MIN_FONT_PX);

    // The owners' chart in the map's place, on the corridor's slide: bars against the analysis table's cells.
    await choose(page, CORRIDOR_SLIDE, 'retribution-owner:alone');
    const { data: alone, name: aloneName } = await download(page, `slide-png-${CORRIDOR_SLIDE}`);
    writeFileSync(join(SCREENSHOT_DIR, `charts-export-slide-alone-${language}-1920.png`), alone);
    // Its number in the story (the slide, not a stale copy of it, is looked up).
    const title = await page.evaluate(
      (i) => window.rumijaStore!.getSnapshot().stories[0]!.slides[i]!.title,
      CORRIDOR_SLIDE,
    );
    await page.getByTestId('tab-analysis').click();
    const table = await page
      .getByTestId('analysis-byOwner')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) => ({
          name: tr.querySelector('th')!.textContent!.trim(),
          amount: Number(tr.querySelector('td')!.textContent!.replace(/[^0-9]/g, '')),
        })),
      );
    expect(table.length).toBeGreaterThan(1);
    expect(aloneName).toContain(` - ${CORRIDOR_SLIDE + 1} ${title.slice(0, 12)}`);
    // Exporting the corridor's slide ran its yearly estimate: the corridor's potential, as the analysis tabulates it.
    const potential = Number(
      (await page
        .getByTestId('analysis-byCorridor')
        .locator('tbody tr', { hasText: CORRIDOR })
        .locator('td')
        .first()
        .textContent())!.replace(/[^0-9]/g, ''),
    );
    expect(potential).toBeGreaterThan(ASSESSED_2026);
    const owners = await pngBars(page, alone, [FILL.assessed], 0);
    const shown = table.length > 8 ? table.slice(0, 7) : table;
    expect(owners.length).toBe(table.length > 8 ? 8 : table.length);
    const longest = owners[0]!.right - owners[0]!.left;
    shown.forEach((entry, index) => {
      const bar = owners[index]!;
      expect(Math.abs(bar.left - owners[0]!.left), entry.name).toBeLessThanOrEqual(1);
      // Lengths in the table's proportions, to the pixels of the outline at each end.
      expect(Math.abs(bar.right - bar.left - (longest * entry.amount) / shown[0]!.amount), entry.name).toBeLessThan(3);
    });
    // Nothing of the map: where it would be, the slide's plain ground.
    const ground = await page.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return Array.from(context.getImageData(200, 950, 1, 1).data.slice(0, 3));
    }, alone.toString('base64'));
    expect(ground).toEqual([0xe8, 0xed, 0xf2]);
    if (language === 'en') return;

    // The handout of two slides (the others deleted): the map and the chart side by side, then the chart alone.
    await page.getByTestId('tab-story').click();
    for (let i = 0; i < CORRIDOR_SLIDE - 1; i++) await page.getByTestId('slide-delete-1').click();
    await expect.poll(() => page.evaluate(() => window.rumijaStore!.getSnapshot().stories[0]?.slides.length)).toBe(2);
    const { data: pdf } = await download(page, 'story-export-pdf', 240_000);
    const dir = mkdtempSync(join(tmpdir(), 'rumija-handout-chart-'));
    const file = join(dir, 'handout.pdf');
    writeFileSync(file, pdf);
    const pageText = (number: number) =>
      execFileSync('pdftotext', ['-f', String(number), '-l', String(number), file, '-'], { encoding: 'utf8' });
    const besidePage = pageText(2);
    // The potential now known (the analysis ran) is the row's widest bar, its figure at the end.
    for (const words of [
      'Potensi (analisis, per tahun)',
      'Ketetapan (SKRD terbit)',
      'Diterima',
      CORRIDOR,
      shortRupiahId(potential),
    ])
      expect(besidePage).toContain(words);
    const alonePage = pageText(3);
    for (const entry of shown) {
      expect(alonePage).toContain(entry.name);
      expect(alonePage, entry.name).toContain(shortRupiahId(entry.amount));
    }
    if (table.length > 8) expect(alonePage).toContain(`Lainnya (${table.length - 7} pemilik)`);
    // The chart is vectors: the side-by-side page holds the map alone as a picture, the chart-alone page none.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.map((line) => line.trim().split(/\s+/)[0])).toEqual(['2']);
    for (const font of pdfFonts(file)) expect(font.embedded && font.unicode, font.line).toBe(true);
    for (const number of [2, 3]) {
      execFileSync('pdftoppm', [
        '-f',
        String(number),
        '-l',
        String(number),
        '-r',
        '80',
        '-png',
        '-singlefile',
        file,
        join(dir, `page-${number}`),
      ]);
      copyFileSync(join(dir, `page-${number}.png`), join(SCREENSHOT_DIR, `charts-handout-page-${number}.png`));
    }
    await screenshot(page, 'charts-handout-story-id-1920');
  });
