import type { EncroachmentResult } from './encroachment';
import { packIds, unpackIds, type PackedIds } from '../model/packed-ids';

/** Strings that repeat (zones, units, ruas numbers, corridor lists): each distinct one once, an index per row. */
interface Dictionary {
  values: string[];
  indices: Uint32Array;
}

const fromDictionary = ({ values, indices }: Dictionary, row: number) => values[indices[row]!]!;

/** A number or null per row: the numbers, and 1 where the row has one. */
interface NullableNumbers {
  values: Float64Array;
  present: Uint8Array;
}

const fromNullable = ({ values, present }: NullableNumbers, row: number) => (present[row] ? values[row]! : null);

/**
 * Analysis results as columns, for the way back from the worker: a million results as objects cost ~1.5 s to
 * clone onto the page (a million strings and arrays); as typed arrays and a few strings they are copied whole.
 */
export interface ResultColumns {
  assetIds: PackedIds;
  zones: Dictionary;
  /** Segment ids ('' where there is none, told apart by `hasSegment`). */
  segmentIds: PackedIds;
  hasSegment: Uint8Array;
  ruasNumbers: Dictionary;
  hasRuas: Uint8Array;
  /** Each row's corridor ids as JSON. */
  corridorIds: Dictionary;
  offsetM: NullableNumbers;
  staM: NullableNumbers;
  quantity: Float64Array;
  units: Dictionary;
}

/** Builds a dictionary column row by row. */
class DictionaryBuilder {
  readonly values: string[] = [];
  private readonly seen = new Map<string, number>();
  readonly indices: Uint32Array;

  constructor(rows: number) {
    this.indices = new Uint32Array(rows);
  }

  set(row: number, value: string) {
    let at = this.seen.get(value);
    if (at === undefined) this.seen.set(value, (at = this.values.push(value) - 1));
    this.indices[row] = at;
  }

  done(): Dictionary {
    return { values: this.values, indices: this.indices };
  }
}

/**
 * One pass over the results (a million of them in a province: eleven passes, each with its array of a million,
 * made the worker spend seconds here). Results of one segment share its corridor list: each list is written as
 * JSON once.
 */
export function toResultColumns(results: readonly EncroachmentResult[]): ResultColumns {
  const rows = results.length;
  const assetIds: string[] = new Array(rows);
  const segmentIds: string[] = new Array(rows);
  const hasSegment = new Uint8Array(rows);
  const hasRuas = new Uint8Array(rows);
  const zones = new DictionaryBuilder(rows);
  const ruasNumbers = new DictionaryBuilder(rows);
  const corridorIds = new DictionaryBuilder(rows);
  const units = new DictionaryBuilder(rows);
  const offsetM = { values: new Float64Array(rows), present: new Uint8Array(rows) };
  const staM = { values: new Float64Array(rows), present: new Uint8Array(rows) };
  const quantity = new Float64Array(rows);
  const corridorText = new Map<readonly string[], string>();
  for (let row = 0; row < rows; row++) {
    const result = results[row]!;
    assetIds[row] = result.assetId;
    zones.set(row, result.zone);
    segmentIds[row] = result.segmentId ?? '';
    hasSegment[row] = result.segmentId === null ? 0 : 1;
    ruasNumbers.set(row, result.ruasNumber ?? '');
    hasRuas[row] = result.ruasNumber === null ? 0 : 1;
    let text = corridorText.get(result.corridorIds);
    if (text === undefined) corridorText.set(result.corridorIds, (text = JSON.stringify(result.corridorIds)));
    corridorIds.set(row, text);
    if (result.offsetM !== null) {
      offsetM.values[row] = result.offsetM;
      offsetM.present[row] = 1;
    }
    if (result.staM !== null) {
      staM.values[row] = result.staM;
      staM.present[row] = 1;
    }
    quantity[row] = result.quantity;
    units.set(row, result.unit);
  }
  return {
    assetIds: packIds(assetIds),
    zones: zones.done(),
    segmentIds: packIds(segmentIds),
    hasSegment,
    ruasNumbers: ruasNumbers.done(),
    hasRuas,
    corridorIds: corridorIds.done(),
    offsetM,
    staM,
    quantity,
    units: units.done(),
  };
}

export function fromResultColumns(columns: ResultColumns): EncroachmentResult[] {
  const assetIds = unpackIds(columns.assetIds);
  const segmentIds = unpackIds(columns.segmentIds);
  // Rows of one corridor list share one array, as they would not after a clone; results are never changed in place.
  const corridorLists = columns.corridorIds.values.map((text) => JSON.parse(text) as string[]);
  return assetIds.map((assetId, row) => ({
    assetId,
    zone: fromDictionary(columns.zones, row) as EncroachmentResult['zone'],
    segmentId: columns.hasSegment[row] ? segmentIds[row]! : null,
    ruasNumber: columns.hasRuas[row] ? fromDictionary(columns.ruasNumbers, row) : null,
    corridorIds: corridorLists[columns.corridorIds.indices[row]!]!,
    offsetM: fromNullable(columns.offsetM, row),
    staM: fromNullable(columns.staM, row),
    quantity: columns.quantity[row]!,
    unit: fromDictionary(columns.units, row) as EncroachmentResult['unit'],
  }));
}

/** The buffers the columns can hand over instead of copying. */
export const resultColumnBuffers = (columns: ResultColumns): ArrayBuffer[] =>
  [
    columns.assetIds.ends,
    columns.zones.indices,
    columns.segmentIds.ends,
    columns.hasSegment,
    columns.ruasNumbers.indices,
    columns.hasRuas,
    columns.corridorIds.indices,
    columns.offsetM.values,
    columns.offsetM.present,
    columns.staM.values,
    columns.staM.present,
    columns.quantity,
    columns.units.indices,
  ].map((array) => array.buffer as ArrayBuffer);
