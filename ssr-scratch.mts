import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
await import('./src/story-card/define.js');
await import('./src/story-feed/define.js');
const out = await collectResult(render(html`<mutual-story-feed endpoint="/events"><mutual-story-card story-id="s-1" heading="The evenings were the hardest" author="Sam" tags="sleep" content-warning="self-harm"><p>For months the evenings were hard &lt;b&gt;.</p></mutual-story-card></mutual-story-feed>`));
console.log(out.length, out.slice(0, 3000));
console.log('=====');
console.log(out.replace(/<style>[\s\S]*?<\/style>/g, '<style/>').replace(/<!--[^>]*-->/g, ''));
