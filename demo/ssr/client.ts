// The server-rendered story page's script. Lit's hydration support comes first: it must be in
// place before Lit defines the elements, so that they take over the server's DOM instead of
// rendering it again.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../../src/story-feed/define.js';
