import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PrintFonts } from '#shared/print/embed-fonts';

/** The Noto Sans files the app ships (resources/fonts), as the renderer fetches them for a PDF. */
export const PRINT_FONTS: PrintFonts = {
  regular: new Uint8Array(readFileSync(resolve(__dirname, '../../resources/fonts/NotoSans-Regular.ttf'))),
  bold: new Uint8Array(readFileSync(resolve(__dirname, '../../resources/fonts/NotoSans-Bold.ttf'))),
};

/** `pdffonts` rows: name, type, encoding, and whether each font is embedded, subset and has a Unicode map. */
export function pdfFonts(file: string): { name: string; embedded: boolean; unicode: boolean; line: string }[] {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return rows.map((line) => {
    // The last five columns are emb, sub, uni, object and generation; the name and type come before them.
    const cells = line.trim().split(/\s+/);
    const [emb, , uni] = cells.slice(-5);
    return { name: cells[0]!, embedded: emb === 'yes', unicode: uni === 'yes', line };
  });
}
