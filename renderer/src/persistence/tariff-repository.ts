import { TariffScheduleSchema, type TariffSchedule } from '#shared/tariff/tariff-schedule';
import type { RumijaDatabase, StoredTariffSchedule } from './database';
import { emptyState, recordChange, tariffKey } from './change-log';
import { inBlockTransaction } from './feature-blocks';
import { validationErrorOf } from './feature-validation';

/** The newest version of every tariff schedule. */
export async function latestTariffSchedules(db: RumijaDatabase): Promise<StoredTariffSchedule[]> {
  const all = await db.tariffs.toArray();
  const latest = new Map<string, StoredTariffSchedule>();
  for (const schedule of all)
    if ((latest.get(schedule.id)?.version ?? 0) < schedule.version) latest.set(schedule.id, schedule);
  return [...latest.values()];
}

/**
 * Saves an edited schedule as a new version (older versions stay), one undoable step. Throws a ValidationError
 * naming the field when the schedule is not valid; nothing is written then.
 */
export async function saveTariffSchedule(
  db: RumijaDatabase,
  edited: Omit<TariffSchedule, 'version'> & { version?: number; savedAt?: string },
): Promise<StoredTariffSchedule> {
  const { savedAt: _savedAt, version: _version, ...schedule } = edited;
  return inBlockTransaction(db, async () => {
    const versions = await db.tariffs.where('id').equals(schedule.id).toArray();
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    const result = TariffScheduleSchema.safeParse({ ...schedule, version });
    if (!result.success) throw validationErrorOf(result.error.issues);
    const stored: StoredTariffSchedule = { ...result.data, savedAt: new Date().toISOString() };
    await db.tariffs.add(stored);
    const before = emptyState();
    const after = emptyState();
    before.tariffs[tariffKey(stored)] = null;
    after.tariffs[tariffKey(stored)] = stored;
    await recordChange(db, 'save-tariff', before, after, stored.savedAt);
    return stored;
  });
}
