import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Feature, Geometry } from 'geojson';
import { LayerKindSchema, type StoredFeature } from '#shared/model/layer';
import { applyToCopy, copyOfServerLayer, syncCopy, type LocalCopy } from '#shared/postgis/local-copy';
import { isDeletion, resolveConflict } from '#shared/postgis/sync-plan';
import { writeFileAtomic } from '../main/atomic-write';
import type { PostgisSession } from '../main/postgis/postgis-session';
import { problem, ProblemError } from '#shared/messages/problem';
import { cliText, featureText } from './cli-error';

/** What a project keeps beside its GeoJSON file (`<file>.sync.json`): everything a sync needs besides the features. */
const SidecarSchema = z.object({
  table: z.string(),
  kind: LayerKindSchema,
  login: z.string(),
  horizon: z.string(),
  base: z.record(z.string(), z.tuple([z.number().int(), z.string()])),
  conflicts: z.array(z.any()),
});
type Sidecar = z.infer<typeof SidecarSchema>;

const sidecarOf = (project: string) => `${project}.sync.json`;

/** A project file or sync file the sync cannot use, or a --take that names no waiting conflict (exit 3). */
export class SyncInputError extends ProblemError {}

async function readProject(project: string, layerId: string): Promise<{ features: StoredFeature[]; assigned: number }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(project, 'utf8'));
  } catch (error) {
    throw new SyncInputError(
      problem('cli.sync.unreadable', { file: basename(project), detail: (error as Error).message }),
    );
  }
  const collection = json as { type?: string; features?: Feature<Geometry | null>[] };
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new SyncInputError(problem('cli.sync.notCollection', { file: basename(project) }));
  const seen = new Set<string>();
  let assigned = 0;
  const features = collection.features.map((feature, index) => {
    if (!feature.geometry)
      throw new SyncInputError(problem('cli.sync.noGeometry', { where: featureText(basename(project), index) }));
    // A feature added by a script or in QGIS has no id yet: it gets one, kept in the file after the sync.
    const id = feature.id === undefined || feature.id === null ? (assigned++, randomUUID()) : String(feature.id);
    if (seen.has(id))
      throw new SyncInputError(problem('cli.sync.repeatedId', { where: featureText(basename(project), index), id }));
    seen.add(id);
    return { id, layerId, geometry: feature.geometry, properties: { ...(feature.properties ?? {}) } };
  });
  return { features, assigned };
}

function collectionText(copy: LocalCopy): string {
  const features = [...copy.features.values()].map((feature) => ({
    type: 'Feature',
    id: feature.id,
    geometry: feature.geometry,
    properties: feature.properties,
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', name: copy.table, features }, null, 1)}\n`;
}

async function writeProject(project: string, copy: LocalCopy, login: string) {
  const sidecar: Sidecar = {
    table: copy.table,
    kind: copy.kind,
    login,
    horizon: copy.horizon,
    base: Object.fromEntries([...copy.base].map(([id, entry]) => [id, [entry.version, entry.fingerprint]])),
    conflicts: [...copy.conflicts.values()],
  };
  // Features first: a stop between the two writes leaves features newer than their base, which the next sync
  // sends and the server answers with their own state (not a conflict).
  await writeFileAtomic(project, collectionText(copy));
  await writeFileAtomic(sidecarOf(project), `${JSON.stringify(sidecar)}\n`);
}

export interface CliSyncOutcome {
  lines: string[];
  conflicts: number;
}

/**
 * `rumija sync`: the first run clones a layer table into a GeoJSON project (and its sidecar); each later run
 * pushes what changed in the file and pulls what changed on the server. Conflicts stay in the sidecar until a run
 * with `--take mine|theirs`.
 */
export async function syncProject(
  session: PostgisSession,
  options: {
    project: string;
    table: string;
    login: string;
    /** For every waiting conflict (`--take mine|theirs`); `takeById` decides single features and wins over it. */
    take: 'mine' | 'theirs' | null;
    takeById?: ReadonlyMap<string, 'mine' | 'theirs'>;
  },
): Promise<CliSyncOutcome> {
  const layerId = 'project';
  const lines: string[] = [];
  if (!existsSync(sidecarOf(options.project))) {
    if (existsSync(options.project))
      throw new SyncInputError(
        problem('cli.sync.notOverwritten', {
          file: basename(options.project),
          sidecar: basename(sidecarOf(options.project)),
        }),
      );
    const read = await session.readLayer(options.table);
    const copy = copyOfServerLayer(layerId, options.table, read.kind, read.features, read.horizon);
    await writeProject(options.project, copy, options.login);
    lines.push(cliText(problem('cli.sync.cloned', { count: read.features.length, table: options.table })));
    return { lines, conflicts: 0 };
  }
  let sidecarJson: unknown;
  try {
    sidecarJson = JSON.parse(await readFile(sidecarOf(options.project), 'utf8'));
  } catch (error) {
    throw new SyncInputError(
      problem('message.text', { text: `${basename(sidecarOf(options.project))}: ${(error as Error).message}` }),
    );
  }
  const sidecar = SidecarSchema.safeParse(sidecarJson);
  if (!sidecar.success)
    throw new SyncInputError(
      problem('message.text', { text: `${basename(sidecarOf(options.project))}: ${sidecar.error.message}` }),
    );
  if (sidecar.data.table !== options.table)
    throw new SyncInputError(
      problem('cli.sync.otherTable', {
        file: basename(options.project),
        linked: sidecar.data.table,
        table: options.table,
      }),
    );
  const { features, assigned } = await readProject(options.project, layerId);
  const copy: LocalCopy = {
    layerId,
    table: sidecar.data.table,
    kind: sidecar.data.kind,
    features: new Map(features.map((feature) => [feature.id, feature])),
    base: new Map(
      Object.entries(sidecar.data.base).map(([id, [version, fingerprint]]) => [id, { version, fingerprint }]),
    ),
    conflicts: new Map(sidecar.data.conflicts.map((conflict: { id: string }) => [conflict.id, conflict as never])),
    horizon: sidecar.data.horizon,
  };
  const takeById = options.takeById ?? new Map<string, 'mine' | 'theirs'>();
  const notWaiting = [...takeById.keys()].filter((id) => !copy.conflicts.has(id));
  if (notWaiting.length)
    throw new SyncInputError(
      copy.conflicts.size
        ? problem('cli.sync.notWaitingOf', {
            ids: notWaiting.join(', '),
            waiting: [...copy.conflicts.keys()].slice(0, 10).join(', '),
          })
        : problem('cli.sync.notWaiting', { ids: notWaiting.join(', ') }),
    );
  for (const conflict of [...copy.conflicts.values()]) {
    const take = takeById.get(conflict.id) ?? options.take;
    if (!take) continue;
    applyToCopy(copy, resolveConflict(layerId, conflict, { take }), null);
    copy.conflicts.delete(conflict.id);
  }
  const report = await syncCopy(session, copy, () => writeProject(options.project, copy, options.login));
  if (assigned) lines.push(cliText(problem('cli.sync.assigned', { count: assigned })));
  lines.push(
    cliText(
      problem('cli.sync.report', {
        pushed: report.pushed,
        deleted: report.deleted,
        pulled: report.taken,
        conflicts: copy.conflicts.size,
      }),
    ),
  );
  for (const conflict of copy.conflicts.values()) {
    const theirs = conflict.theirs;
    const change = isDeletion(theirs)
      ? problem('cli.sync.deletedBy', { who: theirs.deletedBy })
      : problem('cli.sync.changedBy', { who: theirs.updatedBy, version: String(theirs.version) });
    const code = conflict.mine ? 'cli.sync.conflict' : 'cli.sync.conflictDeletedHere';
    lines.push(`  ${cliText(problem(code, { id: conflict.id, change }))}`);
  }
  if (copy.conflicts.size) lines.push(`  ${cliText(problem('cli.sync.takeHint'))}`);
  return { lines, conflicts: copy.conflicts.size };
}
