/**
 * The app's Content-Security-Policy: only its own origin, plus 'wasm-unsafe-eval' for the
 * TensorFlow.js WASM backend; inline styles for Svelte's style attributes; data:/blob: images
 * for the PNG export. Served as a header by `vite` and `vite preview` (so it covers the worker
 * too) and as a meta tag in index.html for static hosting.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
