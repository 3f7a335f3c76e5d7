import { z } from 'zod';
import { LayerSchema, type Layer, type StoredFeature } from '../model/layer';
import { SavedStyleSchema, type SavedStyle } from '../model/layer-style';
import { StorySchema, type Story } from '../present/story';
import { TariffScheduleSchema, type TariffSchedule } from '../tariff/tariff-schedule';
import type { ProjectRecords } from './project-records';
import type { PhotoRecord } from '../evidence/field-photos';

/** What `rumija_project.format` holds in every project file. */
export const PROJECT_FORMAT = 'rumija-project';
/** The format this Rumija writes; a file with a higher number comes from a newer Rumija. */
export const PROJECT_FORMAT_VERSION = 3;
export const PROJECT_EXTENSION = 'rumija';
/** Whether a file name or path names a project file (by its extension, in any case). */
export const isProjectFileName = (name: string) => name.toLowerCase().endsWith(`.${PROJECT_EXTENSION}`);

/** A feature as a project carries it: the store's feature and, when known, when it last changed. */
export type ProjectFeature = StoredFeature & { updatedAt?: string };

/** A tariff schedule version as stored (each saved change is a version; all are carried). */
export type TariffVersion = TariffSchedule & { savedAt: string };
export const TariffVersionSchema = z.intersection(TariffScheduleSchema, z.object({ savedAt: z.iso.datetime() }));

/** A photo's image as a project embeds it: the file as it came (JPEG) and its thumbnail. */
export interface ProjectPhotoImages {
  image: Uint8Array<ArrayBuffer>;
  thumbnail: Uint8Array<ArrayBuffer>;
}

/**
 * A field photo as a project carries it: always its record; its images when the user chose to embed them (a backup
 * always does), or null when only the record travels (the image is marked as not carried).
 */
export interface ProjectPhoto {
  record: PhotoRecord;
  images: ProjectPhotoImages | null;
}

export interface ProjectLayer {
  layer: Layer;
  features: ProjectFeature[];
}

/**
 * The whole workspace as a project file holds it. Backgrounds are references (a file kept by the desktop app, an
 * online service's definition); the archives themselves are not carried. Settings are the app's own keyed values
 * that are safe to move to another machine (never a team password).
 */
export interface ProjectContents {
  name: string;
  savedAt: string;
  appVersion: string;
  layers: ProjectLayer[];
  stories: Story[];
  tariffs: TariffVersion[];
  savedStyles: SavedStyle[];
  backgrounds: Record<string, unknown>[];
  settings: Record<string, unknown>;
  /** Registers beside the layers (project-records.ts): retribution and road programme. */
  records: ProjectRecords;
  /** Field photos (format 3); a file of an older format opens with none. */
  photos: ProjectPhoto[];
}

export { LayerSchema, StorySchema, SavedStyleSchema };

/** How many of each thing a project holds: what `project info` prints and the open dialog says will replace. */
export interface ProjectSummary {
  name: string;
  savedAt: string;
  appVersion: string;
  formatVersion: number;
  checksum: string;
  layers: { name: string; table: string; kind: string; features: number }[];
  tables: Record<string, number>;
}
