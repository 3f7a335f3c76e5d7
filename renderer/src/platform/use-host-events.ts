import { useEffect, useRef } from 'react';
import type { OpenedFile } from '#shared/host/host-api';
import type { MenuCommand, UiLanguage } from '#shared/host/menu-commands';
import { messageOf } from '#shared/format/message-of';
import { host } from './index';

/**
 * Connects the page to what the desktop sends: files opened from the system (those waiting from the
 * launch, then each later one) and native menu commands; and tells the host the UI language.
 */
export function useHostEvents(
  language: UiLanguage,
  handlers: {
    files: (files: OpenedFile[]) => void;
    command: (command: MenuCommand) => void;
    failed: (message: string) => void;
  },
) {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    host.setLanguage(language).catch((error: unknown) => latest.current.failed(messageOf(error)));
  }, [language]);

  useEffect(() => {
    const offFiles = host.onFilesOpened((files) => latest.current.files(files));
    const offCommands = host.onMenuCommand((command) => latest.current.command(command));
    host
      .takeOpenedFiles()
      .then((files) => files.length > 0 && latest.current.files(files))
      .catch((error: unknown) => latest.current.failed(messageOf(error)));
    return () => {
      offFiles();
      offCommands();
    };
  }, []);
}
