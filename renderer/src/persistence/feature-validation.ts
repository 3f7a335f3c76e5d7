import {
  FEATURE_KINDS,
  GEOMETRY_TYPES_BY_KIND,
  parseFeatureProperties,
  type FeatureKind,
} from '#shared/model/road-network';
import { positionsOf } from '#shared/geo/positions-of';
import type { StoredFeature } from '#shared/model/layer';
import { issueProblem } from '#shared/messages/problem';
import { wordProblem } from '#shared/messages/word-problem';

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** A model check's issues as one error naming each field ("lengthM: …; condition: …"), after `label` if given. */
export function validationErrorOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  label?: string,
): ValidationError {
  const named = issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  // The error's own message in Indonesian, as a ProblemError's is; the UI words `issues` with issueText.
  const text = named.map((issue) => `${issue.path}: ${wordProblem(issueProblem(issue.message), 'id')}`).join('; ');
  return new ValidationError(label ? `${label}: ${text}` : text, named);
}

/** Checks a full set of properties against the model; throws a ValidationError naming each field. */
export function validateProperties(properties: Record<string, unknown>): Record<string, unknown> {
  if (typeof properties.kind !== 'string' || !FEATURE_KINDS.includes(properties.kind as FeatureKind)) return properties;
  const result = parseFeatureProperties(properties);
  if (!result.success) throw validationErrorOf(result.error.issues);
  // Extra attributes a file brought along stay beside the model's fields.
  return { ...result.extra, ...result.data };
}

/** Checks a whole feature: its properties against the model and its geometry against its kind. */
export function validateFeature(feature: StoredFeature): StoredFeature {
  const properties = validateProperties(feature.properties);
  const kind = properties.kind as FeatureKind | undefined;
  const allowed = kind && GEOMETRY_TYPES_BY_KIND[kind];
  if (allowed && !allowed.includes(feature.geometry.type)) {
    throw new ValidationError(`geometry: ${feature.geometry.type} tidak boleh untuk / not allowed for ${kind}`, [
      { path: 'geometry', message: feature.geometry.type },
    ]);
  }
  const positions = positionsOf(feature.geometry);
  if (positions.length === 0 || positions.some(([lon, lat]) => !(Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90))) {
    throw new ValidationError('geometry: koordinat di luar bumi / coordinates off the globe', [
      { path: 'geometry', message: 'range' },
    ]);
  }
  return { ...feature, properties };
}
