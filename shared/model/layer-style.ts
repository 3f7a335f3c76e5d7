import { z } from 'zod';
import { PALETTE_NAMES, type PaletteName } from '../style/palettes';

const Color = z.string().regex(/^#[0-9a-f]{6}$/i);
const FieldName = z.string().min(1).max(100);
const Palette = z.enum(PALETTE_NAMES as [PaletteName, ...PaletteName[]]);

/** One colour per value of a field (the most frequent values; the rest are "other"). */
const CategoryRuleSchema = z.strictObject({
  type: z.literal('categories'),
  field: FieldName,
  palette: Palette,
  categories: z.array(z.strictObject({ value: z.string().min(1).max(200), color: Color })).max(12),
  otherColor: Color,
});

const CLASS_METHODS = ['equal', 'quantile', 'jenks'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/** Numbers in classes: `breaks` are the bounds (n + 1 for n classes), `colors` one per class. */
const ClassRuleSchema = z
  .strictObject({
    type: z.literal('classes'),
    field: FieldName,
    method: z.enum(CLASS_METHODS),
    palette: Palette,
    breaks: z.array(z.number()).min(2).max(13),
    colors: z.array(Color).min(1).max(12),
    otherColor: Color,
  })
  .refine((rule) => rule.colors.length === rule.breaks.length - 1, 'one colour per class');

const ThematicRuleSchema = z.union([CategoryRuleSchema, ClassRuleSchema]);
export type ThematicRule = z.infer<typeof ThematicRuleSchema>;
export type CategoryRule = z.infer<typeof CategoryRuleSchema>;
export type ClassRule = z.infer<typeof ClassRuleSchema>;

/** How a user styled a layer, beside its kind's own style: all parts optional (absent: the kind's default). */
export const LayerStyleSchema = z.strictObject({
  rule: ThematicRuleSchema.optional(),
  /** Line width in pixels. */
  lineWidth: z.number().min(0.5).max(20).optional(),
  /** Point radius in pixels. */
  pointSize: z.number().min(1).max(30).optional(),
  /** The field shown as label; false: no labels, not even the kind's own (bridge names, note texts). */
  label: z.union([FieldName, z.literal(false)]).optional(),
});
export type LayerStyle = z.infer<typeof LayerStyleSchema>;

/** A style kept under a name, to be applied to other layers. */
export const SavedStyleSchema = z.strictObject({ name: z.string().trim().min(1).max(100), style: LayerStyleSchema });
export type SavedStyle = z.infer<typeof SavedStyleSchema>;
