import type { Layer, StoredFeature } from '#shared/model/layer';
import type { EncroachmentResult } from '#shared/analysis/encroachment';
import type { RetributionEstimate } from '#shared/tariff/estimate-retribution';
import type { AnalysisWarning } from '#shared/analysis/analysis-warnings';
import type { ImportProgress } from '#shared/io/import-progress';
import type { PreparedImport, ReadOptions } from '#shared/io/import-file';
import type { RecordNote } from '#shared/io/check-records';
import type { ImportInput } from '#shared/io/group-import-files';
import type { Story } from '#shared/present/story';
import type { RumijaDatabase, StoredHandlingCatalogue, StoredTariffSchedule } from '../persistence/database';
import type { WorkProgramme } from '#shared/programme/work-programme';
import type { RetributionRecords } from '../persistence/retribution-repository';
import type { Standing } from '#shared/retribution/asset-standings';
import type { FeatureBlockRow } from '../persistence/feature-blocks';
import type { FeaturePatch } from './feature-patch';
import { FeatureIndex } from './feature-index';
import type { Background, BasemapChoice } from '#shared/model/background';
import type { Problem } from '#shared/messages/problem';

/** Everything the UI reads, replaced as a whole on every change. */
export interface AppSnapshot {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** The error's name (Dexie's or IndexedDB's: QuotaExceededError, UpgradeError…), so the UI can word the cause. */
  errorName?: string;
  layers: Layer[];
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>;
  featureById: FeatureIndex;
  /** The features the last change touched, so the map can send only those (null after a full reload). */
  featurePatch: FeaturePatch | null;
  /**
   * Per layer, the blocks its features were just read from, so the map can draw them without encoding them again;
   * null once anything changed.
   */
  storedBlocks: ReadonlyMap<string, StoredLayerBlocks> | null;
  selection: readonly string[];
  /** Bumped when the user asks the map to frame the selection. */
  zoomRequest: number;
  /** A layer the map should frame (after an import, or "zoom to layer"); the serial tells requests apart. */
  frameRequest: { layerId?: string; featureIds?: readonly string[]; serial: number } | null;
  tariffs: StoredTariffSchedule[];
  /** The newest version of each handling catalogue (rules from condition to handling, unit costs). */
  handlingCatalogues: StoredHandlingCatalogue[];
  /** The work programme as saved (or the default); null until read. */
  workProgramme: WorkProgramme | null;
  /** The roads and bridges the programme funds, marked on the map while the programme tab is open. */
  programmeMarks: readonly string[];
  /** Obligors, programmes, assessments, payments and settings as stored; null until read. */
  retribution: RetributionRecords | null;
  /** The compliance map: assets coloured by their obligor's standing instead of their zone, some classes hidden. */
  standingMap: StandingMap;
  analysis: AnalysisState;
  /** The file being read, and how far it has come, for the progress bar. */
  importing: ImportActivity | null;
  /** Checked files waiting for the user's confirmation and field mapping. */
  pendingImports: PendingImport[];
  stories: Story[];
  /** While presenting: the layers the slide shows, instead of the layers' own visibility (which stays as it is). */
  presentation: Presentation | null;
  /** Added backgrounds (orthophotos, basemap archives), bottom first, and which basemap is shown. */
  backgrounds: Background[];
  basemap: BasemapChoice;
  /** Kept backgrounds that could not be opened at start, by name and reason. */
  backgroundProblems: Problem[];
  /** The last failure of each online background's tiles (offline, refused), by background id. */
  onlineTileErrors: Record<string, string>;
}

export interface StandingMap {
  on: boolean;
  hidden: readonly Standing[];
}

export interface StoredLayerBlocks {
  /** The layer's features as read: the blocks describe exactly this list. */
  features: readonly StoredFeature[];
  blocks: readonly FeatureBlockRow[];
}

/** What each part of the store works with: the database, and the snapshot to read and replace. */
export interface SnapshotHandle {
  readonly db: RumijaDatabase;
  get(): AppSnapshot;
  set(patch: Partial<AppSnapshot>): void;
}

export interface ImportActivity {
  file: string;
  progress: ImportProgress | null;
}

/** What the map shows while presenting. The layers' own settings stay as they are. */
export interface Presentation {
  visibleLayerIds: readonly string[];
  /** A route is drawing itself with its own bridge labels: the bridge layers' labels step back. */
  routeShown: boolean;
}

export interface PendingImport {
  prepared: PreparedImport;
  /** Kept so the file can be read again with another coordinate system. */
  file: ImportInput;
  /** How the user chose to read it (coordinate system, UTM zone, datum). */
  options: ReadOptions;
}

export type ImportOutcome =
  | {
      fileName: string;
      ok: true;
      layerId: string;
      count: number;
      repairs: number;
      skipped: number;
      /** What was skipped or repaired and why, for the list and the surveyor's CSV. */
      notes: { skipped: RecordNote[]; repairs: RecordNote[] };
      /** Rows not placed on the road network (ruas + STA), listed in the preview. */
      unplaced: number;
      /** Attributes kept beside the model's fields because nothing was mapped to them. */
      extraFields: number;
      crs: string;
    }
  | { fileName: string; ok: false; error: Problem | string };

export interface AnalysisOptions {
  scheduleId: string;
  corridorId: string | null;
  periodYears: number;
  payingShare: number;
}

export interface AnalysisState {
  status: 'idle' | 'running' | 'done' | 'error';
  error: Problem | null;
  options: AnalysisOptions | null;
  /** The assets analysed, in the order of `results`. */
  assets: StoredFeature[];
  results: EncroachmentResult[];
  resultByAsset: ReadonlyMap<string, EncroachmentResult>;
  estimate: RetributionEstimate | null;
  /** What the user must know before trusting the figures (no roads, assets at Rp 0 and why, …). */
  warnings: AnalysisWarning[];
  seconds: number;
  /** The fingerprint of the roads, corridors and assets the result was computed from. */
  inputSignature: string | null;
  /** When the result was computed (ISO): the day whose asset register it priced. */
  finishedAt: string | null;
}

export const IDLE_ANALYSIS: AnalysisState = {
  status: 'idle',
  error: null,
  options: null,
  assets: [],
  results: [],
  resultByAsset: new Map(),
  warnings: [],
  estimate: null,
  seconds: 0,
  inputSignature: null,
  finishedAt: null,
};

export const EMPTY_SNAPSHOT: AppSnapshot = {
  status: 'loading',
  error: null,
  layers: [],
  featuresByLayer: new Map(),
  featureById: FeatureIndex.of([]),
  featurePatch: null,
  storedBlocks: null,
  selection: [],
  zoomRequest: 0,
  frameRequest: null,
  tariffs: [],
  handlingCatalogues: [],
  workProgramme: null,
  programmeMarks: [],
  retribution: null,
  standingMap: { on: false, hidden: [] },
  analysis: IDLE_ANALYSIS,
  importing: null,
  pendingImports: [],
  stories: [],
  presentation: null,
  backgrounds: [],
  basemap: 'ntt',
  backgroundProblems: [],
  onlineTileErrors: {},
};
