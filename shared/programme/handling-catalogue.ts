import { z } from 'zod';
import { IsoDateSchema } from '../model/iso-date';
import { CONDITIONS, SURFACES } from '../model/road-network';

export const ROAD_HANDLINGS = [
  'pemeliharaan_rutin',
  'pemeliharaan_berkala',
  'rehabilitasi',
  'rekonstruksi',
  'peningkatan',
  'pembangunan_baru',
] as const;
export type RoadHandling = (typeof ROAD_HANDLINGS)[number];

export const BRIDGE_HANDLINGS = ['rehabilitasi', 'penggantian', 'pembangunan_baru'] as const;
export type BridgeHandling = (typeof BRIDGE_HANDLINGS)[number];
export type Handling = RoadHandling | BridgeHandling;

/** What a bridge rule reads: its condition, or `proposed` for a bridge that does not exist yet. */
const BRIDGE_STATES = [...CONDITIONS, 'proposed'] as const;
export type BridgeState = (typeof BRIDGE_STATES)[number];

const RoadRuleSchema = z.strictObject({
  condition: z.enum(CONDITIONS),
  /** The surfaces the rule applies to; null for any surface (also an unknown one). */
  surfaces: z.array(z.enum(SURFACES)).min(1).nullable(),
  /** null: no handling (the segment is not a candidate). */
  handling: z.enum(ROAD_HANDLINGS).nullable(),
});

const BridgeRuleSchema = z.strictObject({
  state: z.enum(BRIDGE_STATES),
  handling: z.enum(BRIDGE_HANDLINGS).nullable(),
});

const RoadCostSchema = z.strictObject({
  handling: z.enum(ROAD_HANDLINGS),
  surface: z.enum(SURFACES),
  /** The widest carriageway (m) the row prices; null for any wider one. */
  maxWidthM: z.number().positive().max(60).nullable(),
  costPerKmIdr: z.number().nonnegative().max(1e13),
});
export type RoadCost = z.infer<typeof RoadCostSchema>;

const BridgeCostSchema = z.strictObject({
  handling: z.enum(BRIDGE_HANDLINGS),
  costPerMetreIdr: z.number().nonnegative().max(1e12),
});

const EXAMPLE_WORD = /\b(contoh|example)\b/i;

/**
 * The fields of a catalogue marked as adopted prices that still say they are an example ("CONTOH"): adopting the
 * shipped example without naming the source of the prices would print example costs as official ones.
 */
export function exampleWordsLeft(catalogue: {
  example: boolean;
  name: string;
  reference: string;
}): ('name' | 'reference')[] {
  if (catalogue.example) return [];
  return (['name', 'reference'] as const).filter((field) => EXAMPLE_WORD.test(catalogue[field]));
}

/**
 * Handling rules from condition and unit costs, versioned like tariff schedules: each saved change is a new
 * version, old ones are kept. Road rules are read in order, the first matching one wins.
 */
export const HandlingCatalogueSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    version: z.number().int().positive(),
    /** True for costs that are examples, not adopted unit prices (HSPK/AHSP). */
    example: z.boolean(),
    /** Where the unit costs come from, as the user enters it. */
    reference: z.string().trim().min(1).max(500),
    validFrom: IsoDateSchema,
    /** Width used to price a segment whose carriageway width is not recorded. */
    assumedWidthM: z.number().positive().max(60),
    /** Surface used to price a segment whose surface is not recorded. */
    assumedSurface: z.enum(SURFACES),
    roadRules: z.array(RoadRuleSchema).min(1),
    bridgeRules: z.array(BridgeRuleSchema),
    roadCosts: z.array(RoadCostSchema).min(1),
    bridgeCosts: z.array(BridgeCostSchema),
  })
  .refine(
    (catalogue) => new Set(catalogue.bridgeRules.map((rule) => rule.state)).size === catalogue.bridgeRules.length,
    {
      message: 'validation.oneRulePerBridgeState',
      path: ['bridgeRules'],
    },
  )
  .refine(
    (catalogue) =>
      new Set(catalogue.roadCosts.map((row) => `${row.handling}|${row.surface}|${row.maxWidthM}`)).size ===
      catalogue.roadCosts.length,
    { message: 'validation.duplicateUnitCost', path: ['roadCosts'] },
  )
  .refine((catalogue) => exampleWordsLeft(catalogue).length === 0, {
    message: 'validation.adoptedStillExample',
    path: ['reference'],
  });
export type HandlingCatalogue = z.infer<typeof HandlingCatalogueSchema>;
