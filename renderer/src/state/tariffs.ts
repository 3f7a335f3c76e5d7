import type { TariffSchedule } from '#shared/tariff/tariff-schedule';
import { latestTariffSchedules, saveTariffSchedule } from '../persistence/tariff-repository';
import type { SnapshotHandle } from './app-snapshot';

/** Tariff schedules: each save a new version, undoable. */
export class Tariffs {
  constructor(private readonly state: SnapshotHandle) {}

  /** Saves an edited tariff schedule as its next version; rejects with a ValidationError if invalid. */
  async save(schedule: Omit<TariffSchedule, 'version'>) {
    const saved = await saveTariffSchedule(this.state.db, schedule);
    this.state.set({ tariffs: await latestTariffSchedules(this.state.db) });
    return saved;
  }
}
