import { wordProblem } from '#shared/messages/word-problem';
import { describe, expect, it } from 'vitest';
import { OpenedFileQueue } from './opened-files';
import { filePathsFromArgv } from '#shared/host/opened-files';
import { MAX_HOST_FILE_BYTES, type OpenedFile } from '#shared/host/host-api';
import { RecentProjects } from './recent-projects';

function createQueue(files: Record<string, string>, opened: (path: string) => void = () => undefined) {
  const delivered: OpenedFile[][] = [];
  const reports: string[] = [];
  const queue = new OpenedFileQueue({
    size: async (path) => (path.includes('huge') ? MAX_HOST_FILE_BYTES + 1 : (files[path] ?? '').length),
    read: async (path) => {
      if (!(path in files)) throw new Error('ENOENT: no such file');
      return new TextEncoder().encode(files[path]);
    },
    deliver: (batch) => delivered.push(batch),
    report: (problem) => reports.push(wordProblem(problem, 'id')),
    opened,
  });
  return { queue, delivered, reports };
}

describe('files opened from the system', () => {
  it('takes the data and story files from a command line, not switches or the app itself', () => {
    expect(
      filePathsFromArgv(
        [
          '/opt/Rumija/rumija',
          '--no-sandbox',
          '/data/ruas.geojson',
          '/data/paparan.rumija-story.json',
          '/data/notes.docx',
        ],
        true,
      ),
    ).toEqual(['/data/ruas.geojson', '/data/paparan.rumija-story.json']);
    expect(filePathsFromArgv(['/usr/bin/electron', '.', 'C:\\\\Survei\\\\tiang.KMZ'], false)).toEqual([
      'C:\\\\Survei\\\\tiang.KMZ',
    ]);
  });

  it('keeps files that arrive before the page is ready, then hands later ones over at once', async () => {
    const { queue, delivered } = createQueue({
      '/a/ruas.geojson': '{"type":"FeatureCollection","features":[]}',
      '/a/b.kml': '<kml/>',
    });
    await queue.add(['/a/ruas.geojson']);
    expect(delivered).toEqual([]);
    const first = queue.take();
    expect(first.map((file) => file.name)).toEqual(['ruas.geojson']);
    expect(new TextDecoder().decode(first[0]!.bytes)).toContain('FeatureCollection');
    expect(queue.take()).toEqual([]);
    await queue.add(['/a/b.kml']);
    expect(delivered.map((batch) => batch.map((file) => file.name))).toEqual([['b.kml']]);
  });

  it('reports a file it cannot read, or one too large, by name and goes on with the rest', async () => {
    const { queue, reports } = createQueue({ '/a/ok.gpx': '<gpx/>' });
    await queue.add(['/a/missing.geojson', '/a/huge.zip', '/a/ok.gpx']);
    expect(reports).toEqual([expect.stringContaining('missing.geojson: ENOENT'), expect.stringContaining('huge.zip')]);
    expect(queue.take().map((file) => file.name)).toEqual(['ok.gpx']);
  });

  it('puts a project opened from the file manager on the recent list, not layers or files it could not read', async () => {
    const saved = new Map<string, string>();
    const recent = new RecentProjects('/userData/recent.json', {
      readText: async (path) => saved.get(path) ?? Promise.reject(new Error('ENOENT')),
      writeAtomic: async (path, data) => void saved.set(path, data),
      exists: async () => true,
      size: async () => 3,
      read: async () => new Uint8Array(3),
    });
    const noted: Promise<void>[] = [];
    const { queue } = createQueue({ '/a/Sidang DPRD.rumija': 'isi', '/a/ruas.geojson': '{}' }, (path) =>
      noted.push(recent.note(path)),
    );
    await queue.add(['/a/Sidang DPRD.rumija', '/a/ruas.geojson', '/a/hilang.rumija', '/a/huge.rumija']);
    await Promise.all(noted);
    expect((await recent.list()).map((entry) => [entry.name, entry.folder])).toEqual([['Sidang DPRD.rumija', '/a']]);
  });
});
