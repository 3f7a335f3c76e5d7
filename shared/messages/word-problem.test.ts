import { describe, expect, it } from 'vitest';
import { problem, ProblemError, problemOf } from './problem';
import { wordProblem } from './word-problem';
import { noteLine } from '../io/check-records';

describe('wording a Problem', () => {
  it('words the same problem in each language, with its values', () => {
    const swapped = problem('geometry.outsideWgs84', { lon: 500123.25, lat: 8876543.5 });
    // Each language's number style: id-ID 500.123,25; en 500,123.25 (hand-written, not from Intl here).
    // Indonesian separates the pair with "; ", its decimal mark being the comma.
    expect(wordProblem(swapped, 'id')).toBe('koordinat di luar WGS 84 (500.123,25; 8.876.543,5): proyeksi lain?');
    expect(wordProblem(swapped, 'en')).toBe(
      'coordinates outside WGS 84 lon/lat (500,123.25, 8,876,543.5): projected coordinates?',
    );
  });

  it('picks the plural form by count as i18next does (Indonesian has one form)', () => {
    const one = problem('repair.duplicateVertices', { count: 1 });
    const many = problem('repair.duplicateVertices', { count: 1234 });
    expect(wordProblem(one, 'en')).toBe('1 duplicate vertex removed');
    expect(wordProblem(many, 'en')).toBe('1,234 duplicate vertices removed');
    expect(wordProblem(one, 'id')).toBe('1 titik kembar dibuang');
    expect(wordProblem(many, 'id')).toBe('1.234 titik kembar dibuang');
  });

  it('words nested problems and lists in the same language', () => {
    const note = noteLine({ index: 2, name: 'Tiang A', note: problem('record.stationaryLine', { count: 60 }) });
    expect(wordProblem(note, 'id')).toBe(
      'fitur 3 (Tiang A): garis yang 60 titiknya di satu tempat (GPS tidak bergerak)',
    );
    expect(wordProblem(note, 'en')).toBe(
      'feature 3 (Tiang A): line whose 60 points are all at one place (GPS standing still)',
    );
    const none = problem('sta.nonePlaced', {
      file: 'kondisi.csv',
      rows: [
        problem('sta.unplacedRow', { row: 2, problem: problem('sta.noRuas') }),
        problem('sta.unplacedRow', { row: 3, problem: problem('sta.ruasNotInNetwork', { ruas: 'X-9' }) }),
      ],
    });
    expect(wordProblem(none, 'en')).toBe(
      'kondisi.csv: no row could be placed on the road network — row 2: no ruas number; row 3: ruas X-9 is not in the road network',
    );
  });

  it('keeps a ProblemError readable in logs (Indonesian) and its problem for callers that word it', () => {
    const error = new ProblemError(problem('postgis.bad-login'));
    expect(error.message).toBe('Nama pengguna atau kata sandi salah');
    expect(problemOf(error)).toEqual({ code: 'postgis.bad-login' });
    expect(wordProblem(problemOf(new Error('ECONNRESET')), 'en')).toBe('ECONNRESET');
  });

  it('shows an unknown code with its values rather than nothing', () => {
    expect(wordProblem(problem('no.such.code', { a: 1 }), 'en')).toBe('no.such.code {"a":1}');
  });
});
