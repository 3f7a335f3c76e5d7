import type { ProjectContents } from '#shared/project/project-format';
import type { ProjectRead } from '#shared/project/read-project';
import type { ProjectWorkerApi } from './project.worker';
import { createWorkerClient } from './worker-client';

const projectWorker = createWorkerClient<ProjectWorkerApi>(
  'project',
  () => new Worker(new URL('./project.worker.ts', import.meta.url), { type: 'module' }),
);

export const writeProjectInWorker = (contents: ProjectContents) => projectWorker.call((api) => api.write(contents));
/** The bytes are copied to the worker: the caller may keep its own (a backup is kept after it is read). */
export const readProjectInWorker = (
  bytes: Uint8Array<ArrayBuffer>,
): Promise<ProjectRead<ProjectContents & { formatVersion: number; checksum: string }>> =>
  projectWorker.call((api) => api.read(bytes) as unknown as Promise<never>);
