import type { jsPDF } from 'jspdf';

/** Noto Sans TrueType files (resources/fonts), embedded so the PDF looks the same everywhere and keeps its dashes. */
export interface PrintFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** The font family name every Rumija PDF writes its text in. */
export const PDF_FONT = 'NotoSans';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Embeds Noto Sans (regular and bold) in a jsPDF document and makes it the current font. jsPDF's standard fonts
 * (Helvetica) are not embedded and cover WinAnsi only: en dashes, curly quotes and "²" would be lost.
 */
export function embedFonts(pdf: jsPDF, fonts: PrintFonts) {
  pdf.addFileToVFS('NotoSans-Regular.ttf', base64(fonts.regular));
  pdf.addFont('NotoSans-Regular.ttf', PDF_FONT, 'normal');
  pdf.addFileToVFS('NotoSans-Bold.ttf', base64(fonts.bold));
  pdf.addFont('NotoSans-Bold.ttf', PDF_FONT, 'bold');
  pdf.setFont(PDF_FONT, 'normal');
}
