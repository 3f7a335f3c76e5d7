import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutText, appMenuTemplate } from './app-menu';
import { MENU_COMMANDS } from '#shared/host/menu-commands';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('application menu', () => {
  it('speaks the UI language', () => {
    const actions = { send: vi.fn(), showAbout: vi.fn(), openRecentProject: vi.fn() };
    expect(appMenuTemplate('id', actions).map((menu) => menu.label)).toEqual([
      'Berkas',
      'Sunting',
      'Tampilan',
      'Bantuan',
    ]);
    expect(appMenuTemplate('en', actions).map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('sends every app command from exactly one item, and keeps native roles for quit, clipboard, full screen and zoom', () => {
    const actions = { send: vi.fn(), showAbout: vi.fn(), openRecentProject: vi.fn() };
    const all = items(appMenuTemplate('id', actions));
    for (const item of all) if (item.click) (item.click as () => void)();
    expect(actions.send.mock.calls.map(([command]) => command).sort()).toEqual([...MENU_COMMANDS].sort());
    expect(actions.showAbout).toHaveBeenCalledTimes(1);
    expect(all.map((item) => item.role).filter(Boolean)).toEqual([
      'quit',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'togglefullscreen',
      'zoomIn',
      'zoomOut',
      'resetZoom',
    ]);
    // Undo/redo carry no accelerator: Ctrl+Z must reach the page (a text field undoes its own text).
    expect(all.find((item) => item.label === 'Urungkan')?.accelerator).toBeUndefined();
  });

  it('lists recent projects under the File menu: a chosen one is opened by id, a missing one is shown as such', () => {
    const actions = { send: vi.fn(), showAbout: vi.fn(), openRecentProject: vi.fn() };
    const recent = [
      { id: 'a', label: 'Sidang Kupang.rumija', exists: true },
      { id: 'b', label: 'Lama.rumija', exists: false },
    ];
    const file = appMenuTemplate('id', actions, recent)[0]!.submenu as MenuItemConstructorOptions[];
    const submenu = file.find((item) => item.label === 'Proyek terakhir')!.submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => [item.label, item.enabled !== false])).toEqual([
      ['Sidang Kupang.rumija', true],
      ['Lama.rumija (tidak ada lagi)', false],
    ]);
    (submenu[0]!.click as () => void)();
    expect(actions.openRecentProject).toHaveBeenCalledWith('a');
    const english = appMenuTemplate('en', actions, [])[0]!.submenu as MenuItemConstructorOptions[];
    expect(english.find((item) => item.label === 'Recent projects')!.submenu).toEqual([
      { label: 'None yet', enabled: false },
    ]);
  });

  it('names the version and every data licence in About', () => {
    const about = aboutText('en', '0.1.0');
    expect(about.message).toBe('Rumija 0.1.0');
    for (const credit of ['OpenStreetMap contributors (ODbL)', 'GeoNames (CC BY 4.0)', 'idn-area-data', 'Noto Sans'])
      expect(about.detail).toContain(credit);
  });
});
