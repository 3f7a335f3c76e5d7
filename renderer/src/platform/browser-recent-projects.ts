import { KEPT_RECENT_PROJECTS, type RecentProject } from '#shared/host/host-api';
import { isProjectFileName } from '#shared/project/project-format';

const KEY = 'rumija.recentProjects';

/**
 * Recent projects in a browser tab: names and dates only. A page cannot open a file again by itself (saving is a
 * download, which gives no handle at all), so each entry says the file has to be picked again. Kept in
 * localStorage, apart from the workspace's database, so the list survives a database that cannot be opened.
 */
export function browserRecentProjects(): RecentProject[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(
        (entry): entry is { id: string; name: string; at: string } =>
          typeof entry?.id === 'string' && typeof entry?.name === 'string' && typeof entry?.at === 'string',
      )
      .map(({ id, name, at }) => ({ id, name, at, folder: null, exists: null, reopenable: false }));
  } catch {
    return [];
  }
}

function store(entries: RecentProject[]) {
  localStorage.setItem(KEY, JSON.stringify(entries.map(({ id, name, at }) => ({ id, name, at }))));
}

/** A project file was saved (downloaded) or picked: its name goes to the top, once. */
export function noteBrowserRecentProject(name: string) {
  if (!isProjectFileName(name)) return;
  const rest = browserRecentProjects().filter((entry) => entry.name !== name);
  const entry: RecentProject = {
    id: crypto.randomUUID(),
    name,
    at: new Date().toISOString(),
    folder: null,
    exists: null,
    reopenable: false,
  };
  store([entry, ...rest].slice(0, KEPT_RECENT_PROJECTS));
}

export function forgetBrowserRecentProject(id: string) {
  store(browserRecentProjects().filter((entry) => entry.id !== id));
}
