import { IMPORT_EXTENSIONS } from '../io/import-extensions';
import { isProjectFileName } from '../project/project-format';

/** A story file: opened as a story, not imported as data. */
export const STORY_FILE_SUFFIX = '.rumija-story.json';

/** Files the desktop app accepts from the system (file associations, a second launch, drag onto the icon). */
export const OPENABLE_FILE_EXTENSIONS = [...IMPORT_EXTENSIONS];

export function isStoryFileName(name: string): boolean {
  return name.toLowerCase().endsWith(STORY_FILE_SUFFIX);
}

export function isOpenableFileName(name: string): boolean {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  return (
    isStoryFileName(name) ||
    isProjectFileName(name) ||
    (name.includes('.') && OPENABLE_FILE_EXTENSIONS.includes(extension))
  );
}

/**
 * The files named on a command line (`Rumija jalan.geojson`, or what Windows and Linux pass for a file
 * association): everything after the executable and its script that is not a switch and has a known extension.
 */
export function filePathsFromArgv(argv: readonly string[], packaged: boolean): string[] {
  // Packaged: [exe, ...files]. From source (electron .): [electron, appPath, ...files].
  return argv.slice(packaged ? 1 : 2).filter((argument) => !argument.startsWith('-') && isOpenableFileName(argument));
}
