import type { EncroachmentResult } from './encroachment';
import { packIds, unpackIds, type PackedIds } from '../model/packed-ids';

/** Strings that repeat (zones, units, ruas numbers, corridor lists): each distinct one once, an index per row. */
interface Dictionary {
  values: string[];
  indices: Uint32Array;
}

function toDictionary(strings: readonly string[]): Dictionary {
  const values: string[] = [];
  const seen = new Map<string, number>();
  const indices = new Uint32Array(strings.length);
  strings.forEach((value, row) => {
    let at = seen.get(value);
    if (at === undefined) seen.set(value, (at = values.push(value) - 1));
    indices[row] = at;
  });
  return { values, indices };
}

const fromDictionary = ({ values, indices }: Dictionary, row: number) => values[indices[row]!]!;

/** A number or null per row: the numbers, and 1 where the row has one. */
interface NullableNumbers {
  values: Float64Array;
  present: Uint8Array;
}

function toNullable(numbers: readonly (number | null)[]): NullableNumbers {
  const values = new Float64Array(numbers.length);
  const present = new Uint8Array(numbers.length);
  numbers.forEach((value, row) => {
    if (value === null) return;
    values[row] = value;
    present[row] = 1;
  });
  return { values, present };
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

export function toResultColumns(results: readonly EncroachmentResult[]): ResultColumns {
  return {
    assetIds: packIds(results.map((result) => result.assetId)),
    zones: toDictionary(results.map((result) => result.zone)),
    segmentIds: packIds(results.map((result) => result.segmentId ?? '')),
    hasSegment: Uint8Array.from(results, (result) => (result.segmentId === null ? 0 : 1)),
    ruasNumbers: toDictionary(results.map((result) => result.ruasNumber ?? '')),
    hasRuas: Uint8Array.from(results, (result) => (result.ruasNumber === null ? 0 : 1)),
    corridorIds: toDictionary(results.map((result) => JSON.stringify(result.corridorIds))),
    offsetM: toNullable(results.map((result) => result.offsetM)),
    staM: toNullable(results.map((result) => result.staM)),
    quantity: Float64Array.from(results, (result) => result.quantity),
    units: toDictionary(results.map((result) => result.unit)),
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
