import { jsPDF } from 'jspdf';
import type { PrintFonts } from '../print/print-pdf';
import { formatRupiah } from '../format/format-rupiah';
import { formatDateInput } from '../format/date-input';
import { formatNumber, formatSta } from '../format/format-number';
import type { Assessment } from './assessment';
import type { RetributionSettings } from './retribution-settings';
import { terbilangRupiah } from './terbilang';

const FONT = 'NotoSans';
const MARGIN = 18;
const WIDTH = 210;
const HEIGHT = 297;
const UNIT: Record<string, string> = { unit: 'buah', m: 'm', m2: 'm²' };
const ZONE: Record<string, string> = { rumaja: 'RUMAJA', rumija: 'RUMIJA', ruwasja: 'RUWASJA', luar: 'Luar' };

/** Fonts as base64, once per font file: a notice per obligor would otherwise encode 1,2 MB for each PDF. */
const encoded = new WeakMap<Uint8Array, string>();

function base64(bytes: Uint8Array): string {
  const known = encoded.get(bytes);
  if (known !== undefined) return known;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const text = btoa(binary);
  encoded.set(bytes, text);
  return text;
}

/** Table columns: label, right edge or left x, alignment. */
const COLUMNS: { label: string; x: number; align: 'left' | 'right' }[] = [
  { label: 'No', x: MARGIN, align: 'left' },
  { label: 'Aset', x: MARGIN + 9, align: 'left' },
  { label: 'Ruas', x: MARGIN + 52, align: 'left' },
  { label: 'STA', x: MARGIN + 70, align: 'left' },
  { label: 'Zona', x: MARGIN + 86, align: 'left' },
  { label: 'Volume', x: MARGIN + 122, align: 'right' },
  { label: 'Tarif/tahun', x: MARGIN + 148, align: 'right' },
  { label: 'Jumlah', x: WIDTH - MARGIN, align: 'right' },
];

/**
 * Draft SKRD notices, one or more pages per assessment, in one PDF with Noto Sans embedded: letterhead and
 * signatory from the settings, the obligor as copied at assessment, the period, every asset line (ruas, STA, zone,
 * quantity, tariff, amount), the total in figures and in words, the due date, how to pay and the legal reference.
 * Demo records and example tariffs/settings are marked on the page.
 */
export function createNoticesPdf(
  assessments: readonly Assessment[],
  settings: RetributionSettings,
  fonts: PrintFonts,
  context: { periodLabel: (assessment: Assessment) => string },
): Uint8Array<ArrayBuffer> {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  pdf.addFileToVFS('NotoSans-Regular.ttf', base64(fonts.regular));
  pdf.addFont('NotoSans-Regular.ttf', FONT, 'normal');
  pdf.addFileToVFS('NotoSans-Bold.ttf', base64(fonts.bold));
  pdf.addFont('NotoSans-Bold.ttf', FONT, 'bold');
  let y = MARGIN;
  const write = (
    value: string,
    options: { size?: number; bold?: boolean; x?: number; align?: 'left' | 'right' | 'center'; width?: number } = {},
  ) => {
    const size = options.size ?? 9.5;
    pdf.setFont(FONT, options.bold ? 'bold' : 'normal').setFontSize(size);
    const lines = pdf.splitTextToSize(value, options.width ?? WIDTH - 2 * MARGIN) as string[];
    const x = options.x ?? (options.align === 'center' ? WIDTH / 2 : MARGIN);
    pdf.text(lines, x, y, { align: options.align ?? 'left', lineHeightFactor: 1.2 });
    return lines.length * size * 0.42;
  };
  const line = (value: string, options: Parameters<typeof write>[1] = {}) => {
    y += write(value, options) + 1.2;
  };
  const ensure = (height: number, header: () => void) => {
    if (y + height <= HEIGHT - MARGIN) return;
    pdf.addPage();
    y = MARGIN;
    header();
  };

  assessments.forEach((assessment, index) => {
    if (index > 0) pdf.addPage();
    y = MARGIN;
    for (const [i, text] of settings.letterhead.entries())
      line(text, { bold: i < 2, size: i < 2 ? 11 : 9, align: 'center' });
    pdf.setLineWidth(0.6).line(MARGIN, y, WIDTH - MARGIN, y);
    y += 6;
    line('SURAT KETETAPAN RETRIBUSI DAERAH (SKRD)', { bold: true, size: 13, align: 'center' });
    line('Retribusi Pemakaian Kekayaan Daerah — Ruang Milik Jalan (RUMIJA) · DRAF', { size: 9.5, align: 'center' });
    line(`Nomor: ${assessment.number ?? '(draf, belum bernomor)'}`, { bold: true, align: 'center' });
    if (assessment.revision > 0)
      line(`Revisi ke-${assessment.revision}, mengganti SKRD sebelumnya. Alasan: ${assessment.reason ?? ''}`, {
        size: 8.5,
        align: 'center',
      });
    const marks = [
      assessment.demo ? 'DATA DEMO (ilustrasi), bukan tagihan sebenarnya.' : '',
      assessment.tariffExample ? 'Tarif CONTOH, bukan tarif resmi NTT.' : '',
      settings.example ? 'Kop, rekening dan penandatangan CONTOH: isi di pengaturan retribusi.' : '',
    ].filter(Boolean);
    if (marks.length > 0) line(`PERHATIAN: ${marks.join(' ')}`, { bold: true, size: 8.5 });
    y += 2;
    const field = (label: string, value: string) => {
      write(label, { size: 9.5 });
      y += write(`: ${value}`, { x: MARGIN + 38, width: WIDTH - 2 * MARGIN - 38 }) + 1.2;
    };
    field('Wajib retribusi', assessment.obligor.name);
    field('NPWP', assessment.obligor.npwp ?? '-');
    field('Alamat', assessment.obligor.address || '-');
    field(
      'Masa retribusi',
      `${context.periodLabel(assessment)} (${formatDateInput(assessment.periodStart, 'id')} s.d. ${formatDateInput(assessment.periodEnd, 'id')}, ${assessment.months} bulan)`,
    );
    field('Tanggal terbit', assessment.issuedAt ? formatDateInput(assessment.issuedAt, 'id') : '-');
    field('Jatuh tempo', formatDateInput(assessment.dueDate, 'id'));
    y += 3;
    const header = () => {
      pdf.setFont(FONT, 'bold').setFontSize(8.5);
      for (const column of COLUMNS) pdf.text(column.label, column.x, y, { align: column.align });
      y += 1.5;
      pdf.setLineWidth(0.3).line(MARGIN, y, WIDTH - MARGIN, y);
      y += 4;
    };
    header();
    assessment.lines.forEach((item, row) => {
      ensure(5, header);
      const cells = [
        String(row + 1),
        item.assetId,
        item.ruasNumber ?? '-',
        item.staM === null ? '-' : formatSta(item.staM),
        ZONE[item.zone] ?? item.zone,
        `${formatNumber(item.quantity, 'id', item.unit === 'unit' ? 0 : 1)} ${UNIT[item.unit]}`,
        formatRupiah(item.ratePerYearIdr, 'id'),
        formatRupiah(item.amountIdr, 'id'),
      ];
      pdf.setFont(FONT, 'normal').setFontSize(8.5);
      COLUMNS.forEach((column, i) => pdf.text(cells[i]!, column.x, y, { align: column.align }));
      y += 4.6;
    });
    ensure(70, () => undefined);
    pdf.setLineWidth(0.3).line(MARGIN, y - 2.5, WIDTH - MARGIN, y - 2.5);
    y += 1.5;
    write('JUMLAH RETRIBUSI TERUTANG', { bold: true, size: 10 });
    line(formatRupiah(assessment.totalIdr, 'id'), { bold: true, size: 10, x: WIDTH - MARGIN, align: 'right' });
    line(`Terbilang: ${terbilangRupiah(assessment.totalIdr)}`, { size: 9.5 });
    y += 3;
    line('Cara pembayaran', { bold: true });
    line(
      `Setor ke ${settings.payment.bankName}, rekening ${settings.payment.accountNumber} a.n. ${settings.payment.accountName}. ${settings.payment.instructions}`,
    );
    line(
      `Bila tidak dibayar sampai jatuh tempo, dikenakan sanksi administratif sesuai ketentuan: ${settings.interest.legalReference}`,
      { size: 8.5 },
    );
    line(
      `Dasar hukum: ${settings.legalReference}. Tarif: ${assessment.tariffLegalReference} (versi ${assessment.tariffVersion}).`,
      { size: 8.5 },
    );
    y += 6;
    const signX = WIDTH - MARGIN - 70;
    write(`Kupang, ${assessment.issuedAt ? formatDateInput(assessment.issuedAt, 'id') : '........'}`, {
      x: signX,
      width: 70,
    });
    y += 5;
    write(settings.signatory.title, { x: signX, width: 70 });
    y += 22;
    write(settings.signatory.name, { x: signX, width: 70, bold: true });
    y += 4.5;
    write(`NIP ${settings.signatory.nip}`, { x: signX, width: 70 });
  });
  return new Uint8Array(pdf.output('arraybuffer'));
}
