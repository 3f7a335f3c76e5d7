import { redoNext, undoLast, UndoRefusedError, type EditLogEntry } from '../persistence/change-log';

export { UndoRefusedError };
import type { SnapshotHandle } from './app-snapshot';
import type { Document } from './document';

/** Undo and redo through the change log, one code path for every kind of change. */
export class History {
  constructor(
    private readonly state: SnapshotHandle,
    private readonly document: Document,
  ) {}

  /** Undoes the last change (attribute edit or import); returns what was undone, or null. */
  async undo() {
    return this.applyHistory(await undoLast(this.state.db));
  }

  async redo() {
    return this.applyHistory(await redoNext(this.state.db));
  }

  /** Shows what an undo or redo changed: the layers, features, stories and tariff versions it touched. */
  private async applyHistory(entry: EditLogEntry | null) {
    if (entry) await this.document.refreshFrom(entry.after);
    return entry;
  }
}
