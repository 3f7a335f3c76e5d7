import { expose, transfer } from 'comlink';
import { writeProject } from '#shared/project/write-project';
import { readProject, readProjectSummary } from '#shared/project/read-project';
import type { ProjectContents } from '#shared/project/project-format';

/** Project files are written and read off the page: a province takes seconds, and the map must keep answering. */
const api = {
  async write(contents: ProjectContents) {
    const written = await writeProject(contents);
    return transfer(written, [written.bytes.buffer]);
  },
  read(bytes: Uint8Array<ArrayBuffer>) {
    return readProject(bytes);
  },
  summary(bytes: Uint8Array<ArrayBuffer>) {
    return readProjectSummary(bytes);
  },
};

export type ProjectWorkerApi = typeof api;
expose(api);
