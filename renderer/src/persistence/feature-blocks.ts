import type { Geometry } from 'geojson';
import type { StoredFeature } from '#shared/model/layer';
import { GeometryReader, encodeGeometries, type EncodedGeometries } from '#shared/model/geometry-codec';
import {
  fromStringDictionary,
  toPropertyColumns,
  toStringDictionary,
  type PropertyColumns,
  type StringDictionary,
} from '#shared/model/property-columns';
import type { RumijaDatabase } from './database';
import { decodeChunk } from '#shared/model/compact-chunk';
import { IdleSlices } from '../platform/idle-slices';

/**
 * Features are stored in blocks of up to BLOCK_SIZE per row, geometry as typed arrays and properties as columns of
 * distinct values (property-columns.ts): IndexedDB pays per row and per object cloned, so 200 000 features are ~100
 * rows, not 200 000. An edit rewrites the one block holding the feature.
 */
export const BLOCK_SIZE = 2048;

export type StoredFeatureRecord = StoredFeature & { updatedAt: string };

export interface FeatureBlockRow {
  layerId: string;
  block: number;
  ids: string[];
  /** Time of each feature's last change (blocks written early in v5: a plain array). */
  updatedAt: StringDictionary | string[];
  /** Each feature's properties, in the order of `ids`, as columns (blocks written early in v5: one JSON text). */
  properties: PropertyColumns | string;
  geometry: EncodedGeometries;
}

export function encodeBlock(layerId: string, block: number, records: readonly StoredFeatureRecord[]): FeatureBlockRow {
  return {
    layerId,
    block,
    ids: records.map((record) => record.id),
    updatedAt: toStringDictionary(records.map((record) => record.updatedAt)),
    properties: toPropertyColumns(records.map((record) => record.properties)),
    geometry: encodeGeometries(records.map((record) => record.geometry)),
  };
}

/** The features of a block as the app holds them (without their times of change), appended to `into`. */
export function decodeBlockFeatures(row: FeatureBlockRow, into: StoredFeature[]) {
  if (typeof row.properties !== 'string') return decodeChunk({ ...row, properties: row.properties }, row.layerId, into);
  // Blocks written early in v5: the properties as one JSON text.
  const properties = JSON.parse(row.properties) as StoredFeature['properties'][];
  const reader = new GeometryReader(row.geometry);
  for (let index = 0; index < row.ids.length; index++)
    into.push({
      id: row.ids[index]!,
      layerId: row.layerId,
      geometry: reader.next() as Geometry,
      properties: properties[index]!,
    });
  return into;
}

export function decodeBlock(row: FeatureBlockRow): StoredFeatureRecord[] {
  const updatedAt = Array.isArray(row.updatedAt) ? row.updatedAt : fromStringDictionary(row.updatedAt);
  const records = decodeBlockFeatures(row, []) as StoredFeatureRecord[];
  // Fresh objects of this call: given their times in place rather than copied.
  records.forEach((record, index) => (record.updatedAt = updatedAt[index]!));
  return records;
}

interface BlockKey {
  layerId: string;
  block: number;
}

/** Where each feature is stored, and how full each block is; kept in memory, built once per connection. */
export class BlockDirectory {
  readonly byId = new Map<string, BlockKey>();
  /** Per layer: block number → feature count. */
  readonly blocks = new Map<string, Map<number, number>>();

  static fromRows(rows: readonly Pick<FeatureBlockRow, 'layerId' | 'block' | 'ids'>[]) {
    const directory = new BlockDirectory();
    for (const row of rows) directory.setBlock(row.layerId, row.block, row.ids);
    return directory;
  }

  setBlock(layerId: string, block: number, ids: readonly string[]) {
    let layerBlocks = this.blocks.get(layerId);
    if (!layerBlocks) this.blocks.set(layerId, (layerBlocks = new Map()));
    if (ids.length === 0) layerBlocks.delete(block);
    else layerBlocks.set(block, ids.length);
    const key = { layerId, block };
    for (const id of ids) this.byId.set(id, key);
  }

  setCount(layerId: string, block: number, count: number) {
    let layerBlocks = this.blocks.get(layerId);
    if (!layerBlocks) this.blocks.set(layerId, (layerBlocks = new Map()));
    layerBlocks.set(block, count);
  }

  dropLayer(layerId: string) {
    for (const [id, key] of this.byId) if (key.layerId === layerId) this.byId.delete(id);
    this.blocks.delete(layerId);
  }
}

/** Per connection: the directory, or how to make it from rows already read (made at first use). */
const directories = new WeakMap<RumijaDatabase, BlockDirectory | (() => BlockDirectory)>();

/** The directory of a connection, read from the blocks on first use (the app's load builds it from its read). */
async function blockDirectory(db: RumijaDatabase): Promise<BlockDirectory> {
  const known = directories.get(db);
  if (known instanceof BlockDirectory) return known;
  let directory: BlockDirectory;
  if (known) directory = known();
  else {
    const rows: Pick<FeatureBlockRow, 'layerId' | 'block' | 'ids'>[] = [];
    await db.featureBlocks.each((row) => rows.push({ layerId: row.layerId, block: row.block, ids: row.ids }));
    directory = BlockDirectory.fromRows(rows);
  }
  directories.set(db, directory);
  return directory;
}

/**
 * Remembers where the rows just read keep each feature. The directory (a map entry per feature, ~0.5 s for a
 * million) is filled while the page is idle, not while the start waits; the first edit finishes it if need be.
 */
export function rememberDirectory(
  db: RumijaDatabase,
  rows: readonly Pick<FeatureBlockRow, 'layerId' | 'block' | 'ids'>[],
) {
  const kept = rows.map(({ layerId, block, ids }) => ({ layerId, block, ids }));
  const directory = new BlockDirectory();
  let next = 0;
  const finish = () => {
    filling.finish();
    return directory;
  };
  const filling = new IdleSlices(() => {
    const row = kept[next++];
    if (row) directory.setBlock(row.layerId, row.block, row.ids);
    const done = next >= kept.length;
    if (done && directories.get(db) === finish) directories.set(db, directory);
    return done;
  });
  directories.set(db, finish);
}

/** After a failed transaction the directory may not match what is stored: it is read again at next use. */
export function forgetDirectory(db: RumijaDatabase) {
  directories.delete(db);
}

/** Every table: a change can touch any of them (its log entry, parked blocks, tariffs, stories). */
const ALL_TABLES = [
  'layers',
  'featureBlocks',
  'editLog',
  'meta',
  'tariffs',
  'stories',
  'obligors',
  'programmes',
  'assessments',
  'payments',
  'retributionSettings',
  'photos',
  'photoImages',
  'handlingCatalogues',
  'workProgrammes',
];

/** Runs a read-write transaction; if it fails, the block directory is rebuilt before the next use. */
export async function inBlockTransaction<T>(db: RumijaDatabase, run: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', ALL_TABLES, run);
  } catch (error) {
    forgetDirectory(db);
    throw error;
  }
}

/**
 * Reads and changes features inside one transaction: blocks are read once, changed in memory and written
 * back by `flush` (one put per touched block). The directory is updated as blocks are written; the caller runs
 * this inside `inBlockTransaction` so a failure forgets the directory.
 */
export class BlockSession {
  private readonly loaded = new Map<string, StoredFeatureRecord[]>();
  private readonly dirty = new Set<string>();

  private constructor(
    private readonly db: RumijaDatabase,
    private readonly directory: BlockDirectory,
  ) {}

  static async open(db: RumijaDatabase) {
    return new BlockSession(db, await blockDirectory(db));
  }

  private static keyOf(key: BlockKey) {
    return `${key.block}\u0000${key.layerId}`;
  }

  /**
   * Reads, in one request, the blocks that hold some features and the blocks new features of some layers would go
   * to. Everything after works in memory, without awaiting: Dexie keeps a transaction across a limited number of
   * awaits that are not its own (about 100), so a loop awaiting one cached block per feature lost the transaction
   * after ~100 features (PrematureCommitError on a bulk edit).
   */
  async prepare(ids: Iterable<string>, appendLayers: Iterable<string> = []) {
    const wanted = new Map<string, BlockKey>();
    for (const id of ids) {
      const key = this.directory.byId.get(id);
      if (key) wanted.set(BlockSession.keyOf(key), key);
    }
    for (const layerId of appendLayers) {
      const target = this.appendTarget(layerId);
      wanted.set(BlockSession.keyOf(target), target);
    }
    const missing = [...wanted].filter(([name]) => !this.loaded.has(name));
    if (missing.length === 0) return;
    const rows = await this.db.featureBlocks.bulkGet(missing.map(([, key]) => [key.layerId, key.block]));
    missing.forEach(([name], index) => {
      const row = rows[index];
      this.loaded.set(name, row ? decodeBlock(row) : []);
    });
  }

  /** A block already prepared; a block not stored yet starts empty. */
  private records(key: BlockKey): StoredFeatureRecord[] {
    const name = BlockSession.keyOf(key);
    let records = this.loaded.get(name);
    if (!records) {
      if ((this.directory.blocks.get(key.layerId)?.get(key.block) ?? 0) > 0)
        throw new Error(`block ${key.block} of ${key.layerId} was not prepared`);
      this.loaded.set(name, (records = []));
    }
    return records;
  }

  /** Some stored features by id (null where there is none). */
  async getMany(ids: readonly string[]): Promise<(StoredFeatureRecord | null)[]> {
    await this.prepare(ids);
    return ids.map((id) => {
      const key = this.directory.byId.get(id);
      return key ? (this.records(key).find((record) => record.id === id) ?? null) : null;
    });
  }

  async get(id: string): Promise<StoredFeatureRecord | null> {
    return (await this.getMany([id]))[0]!;
  }

  /** Puts and removes features (null: remove), each where it is stored or appended to the last block of its layer. */
  async apply(changes: readonly (readonly [string, StoredFeatureRecord | null])[]) {
    const layers = new Set<string>();
    for (const [, record] of changes) if (record) layers.add(record.layerId);
    await this.prepare(
      changes.map(([id]) => id),
      layers,
    );
    for (const [id, record] of changes) {
      if (record) this.putPrepared(record);
      else this.removePrepared(id);
    }
  }

  async put(record: StoredFeatureRecord) {
    await this.apply([[record.id, record]]);
  }

  async remove(id: string) {
    await this.apply([[id, null]]);
  }

  private putPrepared(record: StoredFeatureRecord) {
    const key = this.directory.byId.get(record.id);
    if (key && key.layerId === record.layerId) {
      const records = this.records(key);
      const index = records.findIndex((candidate) => candidate.id === record.id);
      if (index >= 0) {
        records[index] = record;
        this.dirty.add(BlockSession.keyOf(key));
        return;
      }
    }
    if (key) this.removePrepared(record.id);
    const target = this.appendTarget(record.layerId);
    const records = this.records(target);
    records.push(record);
    this.directory.setCount(target.layerId, target.block, records.length);
    this.directory.byId.set(record.id, target);
    this.dirty.add(BlockSession.keyOf(target));
  }

  private removePrepared(id: string) {
    const key = this.directory.byId.get(id);
    if (!key) return;
    const records = this.records(key);
    const index = records.findIndex((candidate) => candidate.id === id);
    if (index >= 0) records.splice(index, 1);
    this.directory.byId.delete(id);
    this.dirty.add(BlockSession.keyOf(key));
  }

  private appendTarget(layerId: string): BlockKey {
    const layerBlocks = this.directory.blocks.get(layerId);
    const numbers = [...(layerBlocks?.keys() ?? [])];
    const last = numbers.length > 0 ? Math.max(...numbers) : -1;
    if (last >= 0 && (layerBlocks!.get(last) ?? 0) < BLOCK_SIZE) return { layerId, block: last };
    return { layerId, block: last + 1 };
  }

  async flush() {
    for (const name of this.dirty) {
      const separator = name.indexOf('\u0000');
      const block = Number(name.slice(0, separator));
      const layerId = name.slice(separator + 1);
      const records = this.loaded.get(name) ?? [];
      if (records.length === 0) await this.db.featureBlocks.delete([layerId, block]);
      else await this.db.featureBlocks.put(encodeBlock(layerId, block, records));
      this.directory.setBlock(layerId, block, records.length === 0 ? [] : records.map((record) => record.id));
    }
    this.dirty.clear();
  }
}

/** Writes a whole layer's features as new blocks; refuses ids already stored or repeated, naming the first. */
export async function writeLayerBlocks(db: RumijaDatabase, layerId: string, records: readonly StoredFeatureRecord[]) {
  const directory = await blockDirectory(db);
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    if (seen.has(record.id) || directory.byId.has(record.id))
      throw new Error(`Fitur #${index}: id ${record.id} sudah ada / feature id already exists`);
    seen.add(record.id);
  }
  const rows: FeatureBlockRow[] = [];
  for (let start = 0; start < records.length; start += BLOCK_SIZE)
    rows.push(encodeBlock(layerId, start / BLOCK_SIZE, records.slice(start, start + BLOCK_SIZE)));
  await db.featureBlocks.bulkAdd(rows);
  for (const row of rows) directory.setBlock(layerId, row.block, row.ids);
}

/** Deletes every stored feature of some layers. */
export async function deleteLayerBlocks(db: RumijaDatabase, layerIds: readonly string[]) {
  const directory = await blockDirectory(db);
  await db.featureBlocks.where('layerId').anyOf(layerIds).delete();
  for (const layerId of layerIds) directory.dropLayer(layerId);
}

/** Every stored feature of some layers (all layers when omitted), in stored order. */
export async function readLayerFeatures(db: RumijaDatabase, layerIds?: readonly string[]) {
  const rows = layerIds
    ? await db.featureBlocks.where('layerId').anyOf(layerIds).toArray()
    : await db.featureBlocks.toArray();
  rows.sort((a, b) => (a.layerId < b.layerId ? -1 : a.layerId > b.layerId ? 1 : a.block - b.block));
  return rows.flatMap(decodeBlock);
}

/** Some stored features by id (null where there is none), with their time of last change. */
export async function readFeatures(db: RumijaDatabase, ids: readonly string[]) {
  return db.transaction('r', db.featureBlocks, async () => (await BlockSession.open(db)).getMany(ids));
}

/** How many features are stored, in one layer or in all. */
export async function countFeatures(db: RumijaDatabase, layerId?: string) {
  let count = 0;
  const rows = layerId ? db.featureBlocks.where('layerId').equals(layerId) : db.featureBlocks.toCollection();
  await rows.each((row) => (count += row.ids.length));
  return count;
}

/** One stored feature, or undefined. */
export async function featureOf(db: RumijaDatabase, id: string) {
  return (await readFeatures(db, [id]))[0] ?? undefined;
}
