import { z } from 'zod';
import { issueProblem, problem, type Problem } from '../messages/problem';

/** Where the map looks. `bounds` (west, south, east, north) is what was in view, so a slide shows the same area on any screen. */
const CameraSchema = z.strictObject({
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  zoom: z.number().min(0).max(24),
  bearing: z.number().min(-360).max(360),
  pitch: z.number().min(0).max(85),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export type Camera = z.infer<typeof CameraSchema>;

/** A route to draw itself on a slide: ruas of one road layer, in this order. */
const SlideRouteSchema = z.strictObject({
  layerId: z.string().min(1).max(100),
  ruasNumbers: z.array(z.string().min(1).max(20)).min(1).max(20),
});

export const SLIDE_CHART_IDS = [
  'kemantapan',
  'condition-km',
  'bridge-condition',
  'retribution-owner',
  'retribution-category',
  'retribution-collection',
] as const;
const SlideChartSchema = z.strictObject({
  id: z.enum(SLIDE_CHART_IDS),
  layout: z.enum(['beside', 'alone']),
});
export type SlideChart = z.infer<typeof SlideChartSchema>;

const SlideSchema = z.strictObject({
  id: z.string().min(1).max(100),
  title: z.string().trim().min(1).max(200),
  caption: z.string().max(2000),
  /** For the presenter only (second window), never on the projected slide. */
  notes: z.string().max(4000),
  camera: CameraSchema,
  visibleLayerIds: z.array(z.string().min(1).max(100)).max(200),
  highlightIds: z.array(z.string().min(1)).max(5000),
  route: SlideRouteSchema.nullable(),
  /** A corridor whose encroachment and retribution estimate the slide shows. */
  estimateCorridorId: z.string().min(1).max(100).nullable(),
  /**
   * A chart beside the map or alone (absent in stories from before charts): of the network the slide shows, of the
   * slide's retribution estimate, or of the register's collection.
   */
  chart: SlideChartSchema.nullable().optional(),
});
export type Slide = z.infer<typeof SlideSchema>;

export const StorySchema = z.strictObject({
  id: z.string().min(1).max(100),
  title: z.string().trim().min(1).max(200),
  /** Shown on the opening slide under the title (occasion, date, presenter). */
  subtitle: z.string().max(500),
  /** Shown on the closing slide. */
  closing: z.string().max(1000),
  slides: z.array(SlideSchema).max(200),
  /** True for the shipped demo story: its geometry and figures are illustrative. */
  demo: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type Story = z.infer<typeof StorySchema>;

/** The file a story is exported to and imported from. */
const STORY_FILE_FORMAT = 'rumija-story';
const StoryFileSchema = z.strictObject({
  format: z.literal(STORY_FILE_FORMAT),
  version: z.literal(1),
  story: StorySchema,
});

export function storyToFile(story: Story): string {
  return `${JSON.stringify({ format: STORY_FILE_FORMAT, version: 1, story }, null, 2)}\n`;
}

/** Reads a story file; the message names the file and the first field at fault. */
export function storyFromFile(
  fileName: string,
  text: string,
): { ok: true; story: Story } | { ok: false; error: Problem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: problem('style.notJson', { file: fileName, detail: (error as Error).message }) };
  }
  const result = StoryFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    return {
      ok: false,
      error: problem('story.invalid', {
        file: fileName,
        field: issue!.path.join('.') || 'file',
        problem: issueProblem(issue!.message),
      }),
    };
  }
  return { ok: true, story: result.data.story };
}
