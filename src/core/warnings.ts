/**
 * The console warnings of shared code (`core/`; each element's own are in its `*.warnings.ts`),
 * loaded the first time one is needed: a page whose attributes are right never downloads them,
 * and a CMS editor whose attributes are wrong still gets one clear line per problem. Code that is
 * itself loaded on demand (the send path) keeps its warnings inline.
 */
export const warnings = {
  theme: (p: { tag: string; value: string; themes: string }) =>
    `<${p.tag}>: theme="${p.value}" is not one of ${p.themes}; using the default.`,
  json: (p: { tag: string; attribute: string; kind: string }) =>
    `<${p.tag}>: the "${p.attribute}" attribute must be a JSON ${p.kind}; ignoring it.`,
  locale: (p: { tag: string; value: string }) =>
    `<${p.tag}>: "${p.value}" is not a valid language tag; using another locale.`,
  'heading-level': (p: { tag: string; value: number; fallback: number }) =>
    `<${p.tag}>: heading-level="${p.value}" is not a whole number from 2 to 6; using ${p.fallback}.`,
  version: (p: { tag: string; existing: string; version: string }) =>
    `Mutual: <${p.tag}> is already defined by version ${p.existing}; this copy (${p.version}) is not used. Load Mutual once per page.`,
  endpoint: (p: { endpoint: string }) =>
    `Mutual: endpoint="${p.endpoint}" is not an http(s) or relative URL, so nothing is sent to it.`,
  header: (p: { name: string }) =>
    `Mutual: the header "${p.name}" has a name or value a browser cannot send (line breaks?); it is left out.`,
  'no-endpoint': () =>
    'Mutual: no endpoint is set (on <mutual-provider> or the widget), so events are only dispatched as DOM events and nothing is sent.',
  'limit-range': (p: { tag: string; attribute: string; value: number; max: number }) =>
    `<${p.tag}>: ${p.attribute}="${p.value}" must be from 1 to ${p.max} (what the endpoint accepts); using ${p.max}.`,
  'id-length': (p: { tag: string; attribute: string; max: number; story?: boolean }) =>
    `<${p.tag}>: ${p.attribute} is longer than ${p.max} characters; the endpoint would refuse it, so nothing is sent${p.story ? ' for this story' : ''}.`,
  catalog: (p: { lang: string }) => `Mutual: could not load the "${p.lang}" strings; showing English for now.`,
};
