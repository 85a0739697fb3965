import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Svelte compiler settings: TypeScript in components via Vite's preprocessor. */
export default { preprocess: vitePreprocess() };
