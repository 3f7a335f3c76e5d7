import { jsPDF } from 'jspdf';
import type { EncroachmentResult } from '../analysis/encroachment';
import type { AnalysisWarning } from '../analysis/analysis-warnings';
import type { RetributionEstimate } from '../tariff/estimate-retribution';
import type { TariffSchedule } from '../tariff/tariff-schedule';
import { formatRupiah, formatRupiahShort } from '../format/format-rupiah';
import { formatDate, formatNumber, formatSta } from '../format/format-number';
import { embedFonts, PDF_FONT, type PrintFonts } from '../print/embed-fonts';
import { countedAssets } from '../analysis/analysis-inputs';

export interface ReportInput {
  areaName: string;
  createdAt: Date;
  schedule: TariffSchedule;
  estimate: RetributionEstimate;
  results: readonly EncroachmentResult[];
  /** Labels for categories and corridors, as the UI shows them. */
  categoryLabel: (category: string) => string;
  corridorLabel: (id: string) => string;
  demoData: boolean;
  /** What the reader must know before trusting the figures (printed in Indonesian). */
  warnings?: readonly AnalysisWarning[];
  /** The analysis was of one corridor: counts are of the assets near its roads. */
  corridor?: boolean;
  /** Maps of the analysed area (an overview, then details), drawn at print resolution, with their captions. */
  maps?: readonly { caption: string; jpeg: Uint8Array; width: number; height: number }[];
  /** The credits of the maps' basemap and sources, printed under each map (its licence asks for them). */
  mapCredits?: string;
  /** Charts printed under their tables, drawn by the caller as vectors into the page (svg2pdf in the renderer). */
  charts?: { byOwner?: ReportChart; byCategory?: ReportChart };
}

/** A chart the report places: its height over its width, and how to draw it into a box of the page (mm). */
export interface ReportChart {
  aspect: number;
  draw: (pdf: jsPDF, box: { x: number; y: number; width: number; height: number }) => Promise<void>;
}

const ZONE_NAMES: Record<string, string> = { rumaja: 'RUMAJA', rumija: 'RUMIJA', ruwasja: 'RUWASJA', luar: 'Di luar' };
const UNIT_NAMES: Record<string, string> = { unit: 'unit', m: 'm', m2: 'm²' };
const MARGIN = 15;
const PAGE_HEIGHT = 297;

/** The printable estimate report in Bahasa Indonesia: summary, breakdowns (with their charts) and per-asset lines. */
export async function createEncroachmentReportPdf(
  input: ReportInput,
  fonts: PrintFonts,
): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  embedFonts(pdf, fonts);
  let y = MARGIN;
  const ensureSpace = (height: number) => {
    if (y + height > PAGE_HEIGHT - MARGIN) {
      pdf.addPage();
      y = MARGIN;
    }
  };
  const text = (value: string, size = 10, style: 'normal' | 'bold' = 'normal', x = MARGIN) => {
    pdf.setFont(PDF_FONT, style).setFontSize(size);
    const lines = pdf.splitTextToSize(value, 180) as string[];
    ensureSpace(lines.length * size * 0.45);
    pdf.text(lines, x, y);
    y += lines.length * size * 0.45 + 1.5;
  };
  const table = (title: string, rows: [string, string][]) => {
    ensureSpace(12);
    text(title, 11, 'bold');
    pdf.setFontSize(9);
    for (const [label, value] of rows) {
      ensureSpace(5);
      pdf.setFont(PDF_FONT, 'normal').text(label.slice(0, 70), MARGIN + 2, y);
      pdf.text(value, 195, y, { align: 'right' });
      y += 4.6;
    }
    y += 3;
  };
  const { estimate, schedule } = input;

  text('Laporan Estimasi Retribusi Pemakaian RUMIJA', 16, 'bold');
  text(`Dinas PUPR Provinsi Nusa Tenggara Timur – ${input.areaName}`, 11);
  text(`Tanggal: ${formatDate(input.createdAt)} · Periode: ${estimate.periodYears} tahun`, 10);
  text(`Jadwal tarif: ${schedule.name} (versi ${schedule.version}). Dasar hukum: ${schedule.legalReference}`, 9);
  if (schedule.example)
    text(
      'PERHATIAN: tarif ini adalah CONTOH, bukan tarif resmi NTT. Ganti dengan tarif yang berlaku sebelum dipakai.',
      9,
      'bold',
    );
  if (input.demoData)
    text(
      'PERHATIAN: data aset adalah data DEMO sintetis dan geometri jalan adalah ilustrasi, bukan hasil survei.',
      9,
      'bold',
    );
  for (const warning of input.warnings ?? []) text(`PERINGATAN: ${warning.id}`, 9, 'bold');
  y += 2;

  const inside = input.results.filter((r) => r.quantity > 0).length;
  table('Ringkasan', [
    [
      input.corridor ? 'Aset di koridor ini' : 'Aset dianalisis',
      formatNumber(countedAssets(input.results, input.corridor ?? false), 'id'),
    ],
    ['Aset di dalam RUMIJA', formatNumber(inside, 'id')],
    ['Potensi retribusi', `${formatRupiah(estimate.totalIdr)} (${formatRupiahShort(estimate.totalIdr)})`],
    [`Sudah membayar (${formatNumber(estimate.payingShare * 100, 'id')}%)`, formatRupiah(estimate.alreadyPaidIdr)],
    ['Potensi tambahan', formatRupiah(estimate.potentialNewIdr)],
  ]);
  const sorted = (totals: Record<string, number>, label: (key: string) => string = (key) => key) =>
    Object.entries(totals)
      .sort((a, b) => b[1] - a[1])
      .map(([key, amount]) => [label(key), formatRupiah(amount)] as [string, string]);
  for (const [index, map] of (input.maps ?? []).entries()) {
    const width = 180;
    const height = (map.height / map.width) * width;
    ensureSpace(height + 16);
    text(map.caption, index === 0 ? 11 : 9, index === 0 ? 'bold' : 'normal');
    pdf.addImage(map.jpeg, 'JPEG', MARGIN, y, width, height, undefined, 'NONE');
    pdf.setDrawColor(40, 40, 40).setLineWidth(0.3).rect(MARGIN, y, width, height);
    y += height + 3.5;
    if (input.mapCredits) {
      pdf.setTextColor(85, 96, 107);
      text(input.mapCredits, 7);
      pdf.setTextColor(0, 0, 0);
    }
    y += 1.5;
  }
  const chart = async (drawing: ReportChart | undefined) => {
    if (!drawing) return;
    const width = 180;
    const height = drawing.aspect * width;
    ensureSpace(height + 4);
    await drawing.draw(pdf, { x: MARGIN, y, width, height });
    // svg2pdf leaves its own font and colours behind.
    pdf.setFont(PDF_FONT, 'normal').setTextColor(0, 0, 0).setDrawColor(0, 0, 0);
    y += height + 4;
  };
  table('Menurut pemilik', sorted(estimate.byOwner));
  await chart(input.charts?.byOwner);
  table('Menurut kategori', sorted(estimate.byCategory, input.categoryLabel));
  await chart(input.charts?.byCategory);
  table('Menurut ruas', sorted(estimate.byRuas));
  if (Object.keys(estimate.byCorridor).length)
    table('Menurut koridor', sorted(estimate.byCorridor, input.corridorLabel));

  ensureSpace(20);
  text('Rincian per aset di dalam RUMIJA', 11, 'bold');
  // x of each column; the last three are right-aligned numbers.
  const columns = [MARGIN, 72, 92, 108, 142, 168, 195];
  const header = ['Aset', 'Zona', 'Ruas', 'STA', 'Jarak as', 'Jumlah', 'Retribusi'];
  const row = (cells: string[], bold = false) => {
    ensureSpace(5);
    pdf.setFont(PDF_FONT, bold ? 'bold' : 'normal').setFontSize(8);
    cells.forEach((cell, i) =>
      pdf.text(cell.slice(0, i === 0 ? 36 : 24), columns[i]!, y, i >= 4 ? { align: 'right' } : undefined),
    );
    y += 4.2;
  };
  row(header, true);
  let printed = 0;
  for (const line of [...estimate.lines].sort((a, b) => b.amountIdr - a.amountIdr)) {
    printed += line.amountIdr;
    const result = input.results[line.assetIndex];
    row([
      `${input.categoryLabel(line.category)} · ${line.owner}`,
      ZONE_NAMES[result?.zone ?? 'luar']!,
      line.ruasNumber ?? '-',
      result?.staM === null || result?.staM === undefined ? '-' : formatSta(result.staM),
      result?.offsetM === null || result?.offsetM === undefined ? '-' : `${formatNumber(result.offsetM, 'id', 1)} m`,
      `${formatNumber(line.quantity, 'id', line.unit === 'unit' ? 0 : 1)} ${UNIT_NAMES[line.unit]}`,
      line.problem ? 'tarif tidak cocok' : formatRupiah(line.amountIdr),
    ]);
  }
  // The sum of the rows above, which is the total of the summary.
  row(['Jumlah', '', '', '', '', '', formatRupiah(printed)], true);

  const pages = pdf.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    pdf.setPage(page).setFont(PDF_FONT, 'normal').setFontSize(8);
    pdf.text(`Rumija · halaman ${page} dari ${pages}`, 105, PAGE_HEIGHT - 8, { align: 'center' });
  }
  return new Uint8Array(pdf.output('arraybuffer'));
}
