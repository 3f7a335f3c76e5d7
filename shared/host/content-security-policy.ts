/**
 * Strict content security policy for the renderer: no eval, no inline scripts, no remote hosts.
 * Inline styles are allowed because MapLibre and React position elements with style attributes.
 * Used as a <meta> in the built page and as a response header in Electron.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'", // WebAssembly only (SQLite for GeoPackage); JS eval stays forbidden
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
