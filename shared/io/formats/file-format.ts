import type { StoredFeature } from '../../model/layer';
import type { SourceRecord } from '../check-records';
import type { ParseResult } from '../parse-geojson';
import type { ProgressSink } from '../import-progress';
import type { ExportColumns } from '../export-table';
import type { CsvLayout } from '../export-layer';
import type { RoadLookup } from '../place-by-sta';
import type { Problem } from '../../messages/problem';

export type FormatId =
  | 'geojson'
  | 'ndjson'
  | 'csv'
  | 'kml'
  | 'kmz'
  | 'gpx'
  | 'shapefile'
  | 'geopackage'
  | 'flatgeobuf'
  | 'xlsx'
  | 'dxf'
  | 'dwg';

/** One file as the user picked or dropped it. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** The part of an XML DOM document the readers use; shared/ has no DOM types of its own. */
export interface XmlElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

export interface XmlDocument {
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

/** Parses XML text into a document: DOMParser in the app, @xmldom/xmldom in Node. */
export type XmlParser = (text: string) => XmlDocument;

export interface ImportEnvironment {
  parseXml: XmlParser;
  /** The road network's ruas, for tables that place rows by ruas and STA; absent where there is none (the CLI). */
  roads?: RoadLookup;
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
  /** Coordinate system for a file that does not say its own (a Shapefile without .prj, a CSV, a DXF): an EPSG code. */
  crs?: string;
  /** The layers of a GeoPackage or a DXF to read (all when not given). */
  layers?: string[];
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
  /** "WGS 84 (EPSG:4326)", "WGS 84 / UTM zone 51S (EPSG:32751)" … */
  crs: string;
  /** What the user should know before confirming: a guessed encoding or coordinate system. */
  warnings: Problem[];
  /**
   * The file does not say its coordinate system: 'utm' offers zone and datum (CSV easting/northing),
   * 'any' the list of known systems; 'required' when nothing can be placed until the user picks one.
   */
  crsChoice?: 'utm' | 'any' | 'required';
  /** Systems that put the file's coordinates inside NTT (EPSG codes), offered first when the user must pick. */
  suggestedCrs?: string[];
  /** A file of several layers (GeoPackage): what it holds, for the preview to pick from. */
  layers?: { name: string; geometryType: string; count: number; crs: string }[];
  /** Rows the reader could not place (an STA past the end of its ruas …), by row and reason; not imported. */
  unplaced?: Problem[];
}

/** How an export is written: what the user chose in the export controls. */
export interface ExportOptions {
  /** The layer's or project's name: KML's document, a Shapefile's and a GeoPackage table's name. */
  name: string;
  columns?: ExportColumns;
  /** CSV: separator and decimal mark. */
  csv?: CsvLayout;
  /** DXF: the projected system to write in (an EPSG code); the UTM zone of the features' middle when not given. */
  crs?: string;
  /** Which attribute colours roads in a styled format (KML). */
  styleBy?: 'status' | 'condition';
  /**
   * An asset's right-of-way zone from the analysis, by feature id, for formats that draw assets by zone (KML, KMZ):
   * the zone is computed, not stored, and a layer's own `zone` column stays as the user wrote it.
   */
  zones?: Readonly<Record<string, string>>;
}

/** A written file and what the user should know about it (shortened column names, text cut at a limit). */
export interface ExportOutput {
  data: string | Uint8Array<ArrayBuffer>;
  notes: Problem[];
}

/** A layer as a project export takes it. */
export interface ExportLayer {
  name: string;
  features: readonly StoredFeature[];
  styleBy: 'status' | 'condition';
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
  /** Writes features as a file of this format. */
  write?: (features: readonly StoredFeature[], options: ExportOptions) => Promise<ExportOutput>;
  /** Writes several layers into one file (GeoPackage tables, KML folders). */
  writeProject?: (layers: readonly ExportLayer[], options: ExportOptions) => Promise<ExportOutput>;
  /** How the export menu names it, when that differs from `label`. */
  exportLabel?: string;
}
