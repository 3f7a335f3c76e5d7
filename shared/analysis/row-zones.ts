import type { FunctionClass, RoadClass, RoadSegmentProperties } from '../model/road-network';

/** PP 34/2006 Pasal 40: minimum total RUMIJA width by road class (half on each side). */
const MIN_RUMIJA_WIDTH_M: Record<RoadClass, number> = {
  bebas_hambatan: 30,
  raya: 25,
  sedang: 15,
  kecil: 11,
};

/** PP 34/2006 Pasal 44: minimum RUWASJA width measured from the carriageway edge. */
const MIN_RUWASJA_FROM_EDGE_M: Record<FunctionClass, number> = {
  arteri_primer: 15,
  kolektor_primer: 10,
  lokal_primer: 7,
  lingkungan_primer: 5,
  arteri_sekunder: 15,
  kolektor_sekunder: 5,
  lokal_sekunder: 3,
  lingkungan_sekunder: 2,
};

/**
 * ASSUMPTIONS where the data says nothing (shown to users as such):
 * - a segment without surveyed width or class is treated as jalan kecil (11 m, the smallest);
 * - RUMAJA reaches 2 m beyond the carriageway edge (shoulder and side drain), never past RUMIJA;
 * - a segment without carriageway width is taken as 6 m wide (two 3 m lanes).
 */
const ASSUMED_RUMAJA_BEYOND_EDGE_M = 2;
const ASSUMED_CARRIAGEWAY_WIDTH_M = 6;
const ASSUMED_ROAD_CLASS: RoadClass = 'kecil';

export type Zone = 'rumaja' | 'rumija' | 'ruwasja' | 'luar';
/** Zones from the centreline out; a lower index is closer to the road. */
export const ZONES: readonly Zone[] = ['rumaja', 'rumija', 'ruwasja', 'luar'];

export interface RowHalfWidths {
  /** Outer edge of each zone, measured from the centreline, in metres. */
  rumajaM: number;
  rumijaM: number;
  ruwasjaM: number;
  /** Where the RUMIJA width came from. */
  rumijaBasis: 'survey' | 'class' | 'assumed';
}

type WidthInputs = Pick<RoadSegmentProperties, 'rumijaWidthM' | 'roadClass' | 'functionClass' | 'carriagewayWidthM'>;

/** The half-widths of RUMAJA, RUMIJA and RUWASJA of one segment. */
export function rowHalfWidths(segment: WidthInputs): RowHalfWidths {
  const rumijaBasis = segment.rumijaWidthM ? 'survey' : segment.roadClass ? 'class' : 'assumed';
  const rumijaWidth = segment.rumijaWidthM ?? MIN_RUMIJA_WIDTH_M[segment.roadClass ?? ASSUMED_ROAD_CLASS];
  const rumijaM = rumijaWidth / 2;
  const carriagewayHalf = Math.min((segment.carriagewayWidthM ?? ASSUMED_CARRIAGEWAY_WIDTH_M) / 2, rumijaM);
  const rumajaM = Math.min(carriagewayHalf + ASSUMED_RUMAJA_BEYOND_EDGE_M, rumijaM);
  const ruwasjaFromEdge = segment.functionClass
    ? MIN_RUWASJA_FROM_EDGE_M[segment.functionClass]
    : MIN_RUWASJA_FROM_EDGE_M.lingkungan_sekunder;
  // RUWASJA lies outside RUMIJA: its outer edge is at least the RUMIJA edge.
  const ruwasjaM = Math.max(rumijaM, carriagewayHalf + ruwasjaFromEdge);
  return { rumajaM, rumijaM, ruwasjaM, rumijaBasis };
}

/** The zone a point at `offsetM` from the centreline falls in. Boundaries belong to the inner zone. */
export function zoneAtOffset(offsetM: number, widths: RowHalfWidths): Zone {
  return ZONES[zoneRankAtOffset(offsetM, widths)]!;
}

/** The zone's place in ZONES (0 deepest): what a hot loop compares without a name to look up. */
export function zoneRankAtOffset(offsetM: number, widths: RowHalfWidths): number {
  if (offsetM <= widths.rumajaM) return 0;
  if (offsetM <= widths.rumijaM) return 1;
  if (offsetM <= widths.ruwasjaM) return 2;
  return 3;
}

/** RUMAJA lies inside RUMIJA, so both count as inside the road land the levy is about. */
export const isInsideRumija = (zone: Zone) => zone === 'rumaja' || zone === 'rumija';
