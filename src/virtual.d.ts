/** Written by vite.config.ts from src/elements.ts: each member element's tag and how to load it. */
declare module 'virtual:mutual-member-loaders' {
  const loaders: [tag: string, load: () => Promise<unknown>][];
  export default loaders;
}
