import type { HandlingCatalogue } from '#shared/programme/handling-catalogue';
import type { WorkProgramme } from '#shared/programme/work-programme';
import {
  latestHandlingCatalogues,
  loadWorkProgramme,
  saveHandlingCatalogue,
  saveWorkProgramme,
} from '../persistence/programme-repository';
import type { SnapshotHandle } from './app-snapshot';

/** The road programme: handling catalogues (each save a new version) and the yearly programme, each save undoable. */
export class WorkProgrammes {
  constructor(private readonly state: SnapshotHandle) {}

  /** Saves an edited catalogue as its next version; rejects with a ValidationError if invalid. */
  async saveCatalogue(catalogue: Omit<HandlingCatalogue, 'version'>) {
    const saved = await saveHandlingCatalogue(this.state.db, catalogue);
    this.state.set({ handlingCatalogues: await latestHandlingCatalogues(this.state.db) });
    return saved;
  }

  /** Saves the year, ceiling, catalogue and statuses; rejects with a ValidationError if invalid. */
  async save(programme: Omit<WorkProgramme, 'savedAt'>) {
    const saved = await saveWorkProgramme(this.state.db, programme);
    this.state.set({ workProgramme: await loadWorkProgramme(this.state.db) });
    return saved;
  }

  /** Marks these features on the map (an empty list clears the marks). */
  mark(featureIds: readonly string[]) {
    const current = this.state.get().programmeMarks;
    if (current.length === featureIds.length && current.every((id, index) => id === featureIds[index])) return;
    this.state.set({ programmeMarks: featureIds });
  }
}
