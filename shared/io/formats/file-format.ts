import type { StoredFeature } from '../../model/layer';
import type { SourceRecord } from '../check-records';
import type { ParseResult } from '../parse-geojson';
import type { ProgressSink } from '../import-progress';

export type FormatId = 'geojson' | 'ndjson' | 'csv' | 'kml' | 'kmz' | 'gpx' | 'shapefile';

/** One file as the user picked or dropped it. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** The part of an XML DOM document the readers use; shared/ has no DOM types of its own. */
export interface XmlDocument {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
}

/** Parses XML text into a document: DOMParser in the app, @xmldom/xmldom in Node. */
export type XmlParser = (text: string) => XmlDocument;

export interface ImportEnvironment {
  parseXml: XmlParser;
}

/** What the user chose in the preview about how to read the file. */
export interface ReadOptions {
  /** UTM zone for easting/northing columns of a CSV (southern hemisphere), 50 or 51 in NTT. */
  utmZone?: number;
  /**
   * Datum of a CSV's UTM coordinates. DGN95 and SRGI2013 are ITRF realisations on the WGS 84 ellipsoid;
   * they differ from WGS 84 by well under a metre, so they are converted with a zero shift and named.
   */
  datum?: 'WGS 84' | 'DGN95' | 'SRGI2013';
  /** Coordinate system for a file that does not say its own (a Shapefile without .prj): an EPSG code. */
  crs?: string;
}

export interface ReadInput {
  file: ImportFile;
  /** Files that belong with it: a Shapefile's .dbf, .shx, .prj and .cpg. */
  parts: ImportFile[];
  options: ReadOptions;
  environment: ImportEnvironment;
  report: ProgressSink;
}

/** A file read into records, before they are checked and repaired. */
export interface FormatRead {
  records: SourceRecord[];
  /** "WGS 84 (EPSG:4326)", "WGS 84 / UTM 51S (EPSG:32751)" … */
  crs: string;
  /** What the user should know before confirming: a guessed encoding or coordinate system. */
  warnings: string[];
  /**
   * The file does not say its coordinate system: 'utm' offers zone and datum (CSV easting/northing),
   * 'any' the list of known systems; 'required' when nothing can be placed until the user picks one.
   */
  crsChoice?: 'utm' | 'any' | 'required';
}

/** One format: how files of it are recognised, read and (if it can be) written. */
export interface FileFormat {
  id: FormatId;
  /** "GeoJSON", "Shapefile (zip)" … */
  label: string;
  /** Lower-case, without the dot; the first is the one exports use. */
  extensions: readonly string[];
  /** True when the first bytes (as text) show a file of this format whatever its name says. */
  sniff?: (head: string) => boolean;
  read: (input: ReadInput) => Promise<ParseResult<FormatRead>>;
  /** Writes features as a file of this format (the name becomes the document's title where it has one). */
  write?: (features: readonly StoredFeature[], name: string) => string;
  /** How the export menu names it, when that differs from `label`. */
  exportLabel?: string;
}
