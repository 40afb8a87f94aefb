/**
 * The console warnings of elements' own code, loaded the first time one is needed: a page whose
 * attributes are right never downloads them, and a CMS editor whose attributes are wrong still
 * gets one clear line per problem. Code that is itself loaded on demand (the send path) keeps
 * its warnings inline.
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
  'me-too.layout': (p: { value: string }) =>
    `<mutual-me-too>: layout="${p.value}" is not "full" or "compact"; using "full".`,
  'me-too.subject': () => '<mutual-me-too>: the "subject" attribute is missing, so the reactions are shown disabled.',
  'me-too.counts': (p: { subject: string; error: string }) =>
    `<mutual-me-too>: could not load counts for "${p.subject}" (${p.error}); showing the bar without them.`,
  reaction: (p: { tag: string; name: string; builtIn: string }) =>
    `<${p.tag}>: unknown reaction "${p.name}" ignored. Use one of ${p.builtIn}, or add your own as "name:Label".`,
  'story-card.story-id': () =>
    '<mutual-story-card>: the "story-id" attribute is missing; the story is shown, but nothing is sent.',
  'story-card.published': (p: { value: string }) =>
    `<mutual-story-card>: published="${p.value}" is not an ISO date; the date is left out.`,
  'story-card.share-href': () =>
    '<mutual-story-card>: share-href must be an http(s) URL; using the inline composer instead.',
  'check-in.peer-messages': (p: { error: string }) =>
    `<mutual-check-in>: could not load encouragements from peers (${p.error}).`,
  'check-in.topics': (p: { count: number; max: number }) =>
    `<mutual-check-in>: ${p.count} topics is more than an event can carry (${p.max}); showing the first ${p.max}.`,
  'crisis-resources.lines': (p: { attribute: string }) =>
    `<mutual-crisis-resources>: every entry of "${p.attribute}" needs a "name" and a "contact"; left out the others.`,
  'crisis-resources.region': (p: { value: string }) =>
    `<mutual-crisis-resources>: region="${p.value}" is not a two-letter country code (like GB or MX); using the locale's region.`,
  'quick-exit.href': (p: { value: string; fallback: string }) =>
    `<mutual-quick-exit>: href="${p.value}" is not an http(s) URL; using ${p.fallback}.`,
  'quick-exit.position': (p: { value: string; positions: string }) =>
    `<mutual-quick-exit>: position="${p.value}" is not one of ${p.positions}.`,
  catalog: (p: { lang: string }) => `Mutual: could not load the "${p.lang}" strings; showing English for now.`,
};
