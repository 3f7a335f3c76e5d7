import { HandlingCatalogueSchema, type HandlingCatalogue } from '#shared/programme/handling-catalogue';
import { DEFAULT_WORK_PROGRAMME, WorkProgrammeSchema, type WorkProgramme } from '#shared/programme/work-programme';
import type { RumijaDatabase, StoredHandlingCatalogue } from './database';
import { emptyState, recordChange } from './change-log';
import { inBlockTransaction } from './feature-blocks';
import { validationErrorOf } from './feature-validation';

/** The newest version of every handling catalogue. */
export async function latestHandlingCatalogues(db: RumijaDatabase): Promise<StoredHandlingCatalogue[]> {
  const latest = new Map<string, StoredHandlingCatalogue>();
  for (const catalogue of await db.handlingCatalogues.toArray())
    if ((latest.get(catalogue.id)?.version ?? 0) < catalogue.version) latest.set(catalogue.id, catalogue);
  return [...latest.values()];
}

/**
 * Saves an edited catalogue as its next version (older versions stay), one undoable step. Throws a ValidationError
 * naming the field when it is not valid; nothing is written then.
 */
export async function saveHandlingCatalogue(
  db: RumijaDatabase,
  edited: Omit<HandlingCatalogue, 'version'> & { version?: number; key?: string; savedAt?: string },
): Promise<StoredHandlingCatalogue> {
  const { savedAt: _savedAt, version: _version, key: _key, ...catalogue } = edited;
  return inBlockTransaction(db, async () => {
    const versions = await db.handlingCatalogues.where('id').equals(catalogue.id).toArray();
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    const result = HandlingCatalogueSchema.safeParse({ ...catalogue, version });
    if (!result.success) throw validationErrorOf(result.error.issues);
    const stored: StoredHandlingCatalogue = {
      ...result.data,
      key: `${result.data.id}@${version}`,
      savedAt: new Date().toISOString(),
    };
    await db.handlingCatalogues.add(stored);
    const before = emptyState();
    const after = emptyState();
    before.handlingCatalogues[stored.key] = null;
    after.handlingCatalogues[stored.key] = stored;
    await recordChange(db, 'save-handling-catalogue', before, after, stored.savedAt);
    return stored;
  });
}

/** The work programme as saved, or the default one (2026, Rp 150 miliar, provincial roads) until saved. */
export async function loadWorkProgramme(db: RumijaDatabase): Promise<WorkProgramme> {
  const [saved] = await db.workProgrammes.toArray();
  return saved ?? { ...DEFAULT_WORK_PROGRAMME, savedAt: '1970-01-01T00:00:00.000Z' };
}

/** Saves the programme's year, ceiling, catalogue and statuses, one undoable step; a ValidationError if invalid. */
export async function saveWorkProgramme(
  db: RumijaDatabase,
  programme: Omit<WorkProgramme, 'savedAt'>,
): Promise<WorkProgramme> {
  const result = WorkProgrammeSchema.safeParse({ ...programme, savedAt: new Date().toISOString() });
  if (!result.success) throw validationErrorOf(result.error.issues);
  const saved = result.data;
  return inBlockTransaction(db, async () => {
    const before = emptyState();
    const after = emptyState();
    before.workProgrammes[saved.id] = (await db.workProgrammes.get(saved.id)) ?? null;
    after.workProgrammes[saved.id] = saved;
    await db.workProgrammes.put(saved);
    await recordChange(db, 'save-work-programme', before, after, saved.savedAt);
    return saved;
  });
}
