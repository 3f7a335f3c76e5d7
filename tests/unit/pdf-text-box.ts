import { execFileSync } from 'node:child_process';

/** A box on a PDF page in points from the top left, as `pdftotext -bbox` gives it. */
export interface PdfBox {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Where a phrase is printed on a PDF: the box around its words, read by poppler (`pdftotext -bbox`) as any
 * reader of the page would find them. Words are matched in order on one page; null when the phrase is absent.
 */
export function phraseBox(file: string, phrase: string): PdfBox | null {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wanted = phrase.split(/\s+/).filter(Boolean);
  const decode = (text: string) =>
    text
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  const pages = html.split('<page ').slice(1);
  for (const [index, page] of pages.entries()) {
    const words = [
      ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((match) => ({
      box: match.slice(1, 5).map(Number) as [number, number, number, number],
      text: decode(match[5]!),
    }));
    for (let start = 0; start + wanted.length <= words.length; start++) {
      if (!wanted.every((word, offset) => words[start + offset]!.text === word)) continue;
      const boxes = words.slice(start, start + wanted.length).map((word) => word.box);
      return {
        page: index + 1,
        xMin: Math.min(...boxes.map((box) => box[0])),
        yMin: Math.min(...boxes.map((box) => box[1])),
        xMax: Math.max(...boxes.map((box) => box[2])),
        yMax: Math.max(...boxes.map((box) => box[3])),
      };
    }
  }
  return null;
}

/** The page rendered by poppler (`pdftoppm`) inside a box, as RGB pixels. */
export function boxPixels(file: string, box: PdfBox, dpi = 150): { width: number; height: number; rgb: Buffer } {
  const px = (pt: number) => Math.round((pt / 72) * dpi);
  const args = ['-r', String(dpi), '-f', String(box.page), '-l', String(box.page), '-singlefile'];
  const crop = [
    '-x',
    px(box.xMin),
    '-y',
    px(box.yMin),
    '-W',
    px(box.xMax) - px(box.xMin),
    '-H',
    px(box.yMax) - px(box.yMin),
  ];
  const ppm = execFileSync('pdftoppm', [...args, ...crop.map(String), file], { maxBuffer: 64 * 1024 * 1024 });
  // P6 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/**
 * What lies under a text box on the rendered page: the share of near-white background pixels, and how many
 * pixels are coloured (channels differing by more than 40, which grey or black text on white never is, and a map's
 * roads, water and markers are).
 */
export function underText(file: string, box: PdfBox): { plainShare: number; coloured: number; pixels: number } {
  const { rgb } = boxPixels(file, box);
  let plain = 0;
  let coloured = 0;
  const pixels = rgb.length / 3;
  for (let i = 0; i < rgb.length; i += 3) {
    const [r, g, b] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
    if (r >= 245 && g >= 245 && b >= 245) plain++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
  }
  return { plainShare: plain / pixels, coloured, pixels };
}
