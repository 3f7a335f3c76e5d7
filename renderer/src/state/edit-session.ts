import type { TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import { ObservableState } from './observable-state';
import type { Geometry } from 'geojson';
import type { DRAWN_LAYERS } from '#shared/edit/feature-edits';

export type DrawableKind = Exclude<keyof typeof DRAWN_LAYERS, 'condition_range'>;

/** What the map does with clicks: draw a kind of feature, measure, split, edit vertices, or identify (null). */
export type DrawTool =
  | { action: 'draw'; kind: DrawableKind; geometry: 'Point' | 'LineString' | 'Polygon' }
  | { action: 'measure'; geometry: 'LineString' | 'Polygon' }
  | { action: 'split' }
  | { action: 'edit'; featureId: string };

export interface Measurement {
  lengthM: number;
  /** For areas; the length is then the perimeter. */
  areaM2: number | null;
}

/** A geometry drawn (or a place picked at an STA) waiting for its attributes in the form. */
export interface PendingFeature {
  kind: DrawableKind;
  geometry: Geometry;
  initial: Record<string, unknown>;
}

/** How a message is worded in the language the UI has when it is shown. */
export type MessageWords = (t: TFunction) => string;

export interface SessionMessage {
  tone: 'error' | 'info';
  words: MessageWords;
  serial: number;
}

export interface EditSessionState {
  tool: DrawTool | null;
  measurement: Measurement | null;
  pending: PendingFeature | null;
  /**
   * The last thing that went wrong or was done, shown under the toolbar. Kept as how to word it, not as words, so
   * it follows the UI language when that is switched; `serial` tells a message said again from the one before.
   */
  message: SessionMessage | null;
  /** Bumped by Enter or the Done button: the vertex edit in progress is to be saved. */
  finishRequest: number;
}

/** UI state of drawing and measuring; what is drawn only reaches the store through the form. */
export class EditSession extends ObservableState<EditSessionState> {
  constructor() {
    super({ tool: null, measurement: null, pending: null, message: null, finishRequest: 0 });
  }

  setTool(tool: DrawTool | null) {
    this.set({ tool, measurement: null, message: null });
  }

  setMeasurement(measurement: Measurement | null) {
    this.set({ measurement });
  }

  /** A finished drawing: the tool stays on so the next feature can be drawn after this one is saved. */
  setPending(pending: PendingFeature | null) {
    this.set({ pending });
  }

  requestFinish() {
    this.set({ finishRequest: this.snapshot.finishRequest + 1 });
  }

  /** Shows a message worded by `words` in the current language (a fixed text, such as a file's own error, as is). */
  say(tone: 'error' | 'info', words: MessageWords | string) {
    const wording = typeof words === 'string' ? () => words : words;
    this.set({ message: { tone, words: wording, serial: (this.snapshot.message?.serial ?? 0) + 1 } });
  }

  /** Takes the message away (its time is up, or the user closed it). */
  dismiss(serial: number) {
    if (this.snapshot.message?.serial === serial) this.set({ message: null });
  }

  /** Esc: closes the form if open, else leaves the tool; what was half drawn is dropped. */
  cancel() {
    if (this.snapshot.pending) this.set({ pending: null });
    else this.set({ tool: null, measurement: null, message: null });
  }
}

export function useEditSession(session: EditSession): EditSessionState {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
