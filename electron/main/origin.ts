/**
 * scheme://host of a URL. Node's URL gives origin "null" for custom schemes such as app://,
 * so the origin is rebuilt from its parts; unparsable URLs give ''.
 */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : '';
  } catch {
    return '';
  }
}
