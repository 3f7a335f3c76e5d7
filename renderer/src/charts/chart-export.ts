import type { PrintFonts } from '#shared/print/embed-fonts';

/** A font file as a data: URL (an SVG drawn as an image may load nothing from outside itself). */
function fontDataUrl(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('font'));
    reader.readAsDataURL(new Blob([new Uint8Array(bytes)], { type: 'font/ttf' }));
  });
}

/**
 * An SVG element as a standalone file: namespaces declared, so browsers, Inkscape and Office open it. With `fonts`,
 * Noto Sans (the PDFs' font) goes inside it, so an image of it is drawn in the font the screen shows, not whatever
 * sans-serif the system has.
 */
export async function svgMarkupWithFonts(svg: SVGSVGElement, fonts: PrintFonts): Promise<string> {
  const [regular, bold] = await Promise.all([fontDataUrl(fonts.regular), fontDataUrl(fonts.bold)]);
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = [
    `@font-face{font-family:'Noto Sans';font-weight:400;src:url(${regular}) format('truetype')}`,
    `@font-face{font-family:'Noto Sans';font-weight:700;src:url(${bold}) format('truetype')}`,
  ].join('');
  return svgMarkup(svg, style);
}

export function svgMarkup(svg: SVGSVGElement, style?: SVGStyleElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  if (style) copy.prepend(style);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/**
 * The chart drawn into a PNG at `scale` × its CSS size (2 by default: sharp when pasted into a slide or a letter), in
 * the embedded Noto Sans.
 */
export async function svgToPng(svg: SVGSVGElement, fonts: PrintFonts, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const markup = await svgMarkupWithFonts(svg, fonts);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}
