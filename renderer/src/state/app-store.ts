import { useSyncExternalStore } from 'react';
import { ObservableState } from './observable-state';
import { RumijaDatabase } from '../persistence/database';
import { EMPTY_SNAPSHOT, type AppSnapshot, type SnapshotHandle } from './app-snapshot';
import { Document } from './document';
import { History } from './history';
import { ImportQueue } from './import-queue';
import { AnalysisRunner } from './analysis-runner';
import { CompactLayers } from './compact-layers';
import { Stories } from './stories';
import { Tariffs } from './tariffs';
import { WorkProgrammes } from './work-programmes';
import { Retribution } from './retribution';
import { PresentationState } from './presentation';
import { Selection } from './selection';
import { Backgrounds } from './backgrounds';
import { TeamSync } from './team-sync';
import { FieldPhotos } from './field-photos';
import { host } from '../platform';

export type { AppSnapshot, ImportActivity, ImportOutcome, PendingImport } from './app-snapshot';

/**
 * The renderer's single source of truth: one snapshot the UI reads, and the parts that change it, each about one
 * concern (the document of layers and features, history, the import queue, analysis, stories, tariffs,
 * presentation, selection).
 */
export class AppStore extends ObservableState<AppSnapshot> {
  readonly document: Document;
  readonly history: History;
  readonly imports: ImportQueue;
  readonly analysis: AnalysisRunner;
  /** The layers' features kept compact for workers (analysis), in step with every change. */
  readonly compact: CompactLayers;
  readonly stories: Stories;
  readonly tariffs: Tariffs;
  /** Handling rules, unit costs and the yearly work programme. */
  readonly programmes: WorkProgrammes;
  /** Obligors, assessments (SKRD), payments: the retribution register. */
  readonly retribution: Retribution;
  readonly presentation: PresentationState;
  readonly selection: Selection;
  readonly backgrounds: Backgrounds;
  /** Layers shared through the team database (PostGIS). */
  readonly team: TeamSync;
  /** Field photos coming in, waiting for the user to confirm where they go. */
  readonly photos: FieldPhotos;

  constructor(readonly db: RumijaDatabase = new RumijaDatabase()) {
    super(EMPTY_SNAPSHOT);
    const handle: SnapshotHandle = { db, get: () => this.snapshot, set: (patch) => this.set(patch) };
    this.document = new Document(handle);
    this.history = new History(handle, this.document);
    this.imports = new ImportQueue(handle, this.document);
    this.compact = new CompactLayers();
    this.analysis = new AnalysisRunner(handle, this.compact);
    this.subscribe(() => this.compact.follow(this.snapshot));
    this.stories = new Stories(this.document);
    this.tariffs = new Tariffs(handle);
    this.programmes = new WorkProgrammes(handle);
    this.retribution = new Retribution(handle, this.analysis);
    this.presentation = new PresentationState(handle);
    this.selection = new Selection(handle);
    this.backgrounds = new Backgrounds(handle);
    this.team = new TeamSync(handle, this.document, host, this.tariffs);
    this.photos = new FieldPhotos(handle, this.document);
  }

  /** Opens the database (the demo on first start) and shows it. */
  async load() {
    await this.document.load();
    // Backgrounds open after the data: a slow or broken file never holds up the layers.
    if (this.snapshot.status === 'ready') {
      void this.backgrounds.load().catch(() => undefined);
      void this.team.load().catch(() => undefined);
    }
  }
}

export function useAppSnapshot(store: AppStore): AppSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
