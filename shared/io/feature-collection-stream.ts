/**
 * Reads a GeoJSON FeatureCollection text piece by piece, handing over each member of its `features`
 * array as soon as the piece that completes it is read, so a 200 MB file is never one string and progress
 * can count features while the file is still being read. The members complete in a piece are parsed with
 * one JSON.parse (a million calls on small strings cost more than the parsing itself); the scanner only
 * finds where the last complete one ends. Root members other than `features` (`type`, `crs`, `name` …)
 * are parsed when they end and kept in `root`.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const COMMA = 44;

/** Where in the root object the scanner is. */
type Place = 'before-root' | 'key' | 'colon' | 'value' | 'member' | 'features' | 'after-root';

/** The text is JSON, but not an object at its root: read it some other way. */
export class NotAnObjectAtRoot extends Error {}

export class FeatureCollectionStream {
  private place: Place = 'before-root';
  private text = '';
  private position = 0;
  /** Start of the key or value being read, -1 when none. */
  private start = -1;
  private key = '';
  // State of the value being read: nesting depth, inside a string, after a backslash.
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** In `features`: the text from `start` begins with the comma after a member already handed over. */
  private afterMember = false;
  /**
   * The piece last pushed and where it starts in `text`. `text` is the rest of the previous piece joined to it,
   * a string V8 reads character by character four times slower than the piece itself: the features are
   * scanned in the piece.
   */
  private chunk = '';
  private chunkStart = 0;
  /** Root members other than features, parsed. */
  readonly root: Record<string, unknown> = {};

  constructor(private readonly onFeature: (feature: unknown) => void) {}

  /** Scans the next piece of text; throws SyntaxError on bad JSON, NotAnObjectAtRoot on another shape. */
  push(chunk: string): void {
    // Keep only what is still needed: the key or value being read.
    const keep = this.start >= 0 ? this.start : this.position;
    this.text = this.text.slice(keep) + chunk;
    this.chunk = chunk;
    this.chunkStart = this.text.length - chunk.length;
    this.position -= keep;
    if (this.start >= 0) this.start -= keep;
    this.scan();
  }

  /** The end of the text: the root must be closed. */
  end(): void {
    if (this.place !== 'after-root') throw new SyntaxError('Unexpected end of JSON input');
  }

  private unexpected(index: number): never {
    throw new SyntaxError(`Unexpected token '${this.text[index]}' in JSON at position ${index}`);
  }

  private scan() {
    const text = this.text;
    let i = this.position;
    while (i < text.length) {
      if (this.place === 'features') {
        i = this.scanFeatures(text, i);
        continue;
      }
      if (this.place === 'member' || (this.place === 'key' && this.start >= 0)) {
        const end = this.place === 'key' ? this.stringEnd(text, i) : this.valueEnd(text, i);
        if (end < 0) {
          i = text.length;
          break;
        }
        this.finish(text, end);
        i = end + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c <= 32) {
        i += 1;
        continue;
      }
      switch (this.place) {
        case 'before-root':
          if (c !== OPEN_BRACE) throw new NotAnObjectAtRoot('root is not an object');
          this.place = 'key';
          break;
        case 'key':
          if (c === QUOTE) {
            this.start = i;
            this.inString = true;
            this.escaped = false;
          } else if (c === CLOSE_BRACE) this.place = 'after-root';
          else if (c !== COMMA) this.unexpected(i);
          break;
        case 'colon':
          if (c !== COLON) this.unexpected(i);
          this.place = 'value';
          break;
        case 'value':
          if (this.key === 'features' && c === OPEN_BRACKET) {
            this.begin('features', i + 1);
            this.afterMember = false;
          } else this.begin('member', i--);
          break;
        case 'after-root':
          this.unexpected(i);
      }
      i += 1;
    }
    this.position = i;
  }

  private begin(place: 'member' | 'features', index: number) {
    this.place = place;
    this.start = index;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /** A key or a root member ends at `end` (inclusive): parse it and move on. */
  private finish(text: string, end: number) {
    const value: unknown = JSON.parse(text.slice(this.start, end + 1));
    this.start = -1;
    if (this.place === 'key') {
      this.key = value as string;
      this.place = 'colon';
    } else {
      this.root[this.key] = value;
      this.place = 'key';
    }
  }

  /**
   * Scans the `features` array from `from`: hands over the members complete in this text, all parsed at once,
   * and returns where scanning goes on (past the closing bracket, or the end of the text).
   */
  private scanFeatures(text: string, from: number): number {
    let { depth, inString, escaped } = this;
    /** The last character of the last member complete in this text, -1 when none. */
    let complete = -1;
    const [source, offset] = from >= this.chunkStart ? [this.chunk, this.chunkStart] : [text, 0];
    for (let i = from; i < text.length; i++) {
      const c = source.charCodeAt(i - offset);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth > 0) {
          depth -= 1;
          if (depth === 0) complete = i;
        } else if (c === CLOSE_BRACE) this.unexpected(i);
        else {
          // The array closes: everything before the bracket is members (scalars too, which are refused later).
          this.handOver(text, i - 1);
          this.start = -1;
          this.depth = 0;
          this.inString = false;
          this.escaped = false;
          this.place = 'key';
          return i + 1;
        }
      }
    }
    if (complete >= 0) this.handOver(text, complete);
    Object.assign(this, { depth, inString, escaped });
    return text.length;
  }

  /** Parses the members from `start` to `end` (inclusive) as one array and hands each over, in order. */
  private handOver(text: string, end: number) {
    const members = text.slice(this.start, end + 1);
    // After a member already handed over the text starts with its comma: a 0 in front keeps it JSON.
    const skip = this.afterMember ? 1 : 0;
    const parsed = JSON.parse(skip ? `[0${members}]` : `[${members}]`) as unknown[];
    this.start = end + 1;
    this.afterMember = true;
    for (let i = skip; i < parsed.length; i++) this.onFeature(parsed[i]);
  }

  /** Index of the quote closing the string being read, or -1 if it goes past this text. */
  private stringEnd(text: string, from: number): number {
    let escaped = this.escaped;
    // The opening quote is at `start`; scanning resumes after it.
    for (let i = Math.max(from, this.start + 1); i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        this.inString = false;
        this.escaped = false;
        return i;
      }
    }
    this.escaped = escaped;
    return -1;
  }

  /**
   * Index of the last character of the value being read (its closing bracket, or for a scalar the
   * character before the comma or bracket that follows it), or -1 if it goes past this text.
   */
  private valueEnd(text: string, from: number): number {
    let { depth, inString, escaped } = this;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COMMA) {
        if (depth === 0) {
          if (i === this.start) this.unexpected(i);
          this.depth = 0;
          return i - 1;
        }
        if (c !== COMMA) {
          depth -= 1;
          if (depth === 0) {
            this.depth = 0;
            return i;
          }
        }
      }
    }
    Object.assign(this, { depth, inString, escaped });
    return -1;
  }
}
