/**
 * React wrappers (`mutual-widgets/react`), generated with @lit/react: typed props for every
 * attribute and `onMutual…` event props (`QuickExit`, which must sit first in `<body>`, is written
 * by hand below). React is a peer dependency.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { MutualCheckIn } from '../check-in/define.js';
import type {
  MutualEnvelopeEvent,
  MutualReactionEvent,
  MutualSendErrorEvent,
  MutualShareBackEvent,
} from '../core/events.js';
import { MutualCrisisResources } from '../crisis-resources/define.js';
import { MutualMeToo } from '../me-too/define.js';
import { MutualProvider } from '../provider/define.js';
import { MutualStoryCard } from '../story-card/define.js';
import '../quick-exit/define.js';
import type { MutualQuickExit } from '../quick-exit/quick-exit.js';
import { MutualShareStory } from '../share-story/define.js';
import { MutualStoryFeed } from '../story-feed/define.js';
import { MutualCameBack } from '../came-back/define.js';

const common = {
  onMutualEvent: 'mutual-event' as EventName<MutualEnvelopeEvent>,
  onMutualSendError: 'mutual-send-error' as EventName<MutualSendErrorEvent>,
};

export const Provider = createComponent({
  tagName: 'mutual-provider',
  elementClass: MutualProvider,
  react: React,
  events: common,
});
export const MeToo = createComponent({
  tagName: 'mutual-me-too',
  elementClass: MutualMeToo,
  react: React,
  events: { ...common, onMutualReaction: 'mutual-reaction' as EventName<MutualReactionEvent> },
});
export const StoryCard = createComponent({
  tagName: 'mutual-story-card',
  elementClass: MutualStoryCard,
  react: React,
  events: {
    ...common,
    onMutualReaction: 'mutual-reaction' as EventName<MutualReactionEvent>,
    onMutualShareBack: 'mutual-share-back' as EventName<MutualShareBackEvent>,
  },
});
export const CheckIn = createComponent({
  tagName: 'mutual-check-in',
  elementClass: MutualCheckIn,
  react: React,
  events: { ...common, onChange: 'change' },
});
export const CrisisResources = createComponent({
  tagName: 'mutual-crisis-resources',
  elementClass: MutualCrisisResources,
  react: React,
});
/** What `<QuickExit>` takes: the element's own properties (set as properties, as @lit/react does). */
export type QuickExitProps = Partial<
  Pick<MutualQuickExit, 'href' | 'position' | 'keepData' | 'locale' | 'theme' | 'strings' | 'noTrace'>
>;

/**
 * `<mutual-quick-exit>` belongs at the start of `<body>`, first in the tab order, and moves itself
 * there — out of the tree React manages, whose unmount then fails. So React renders only an empty
 * `display: contents` span in its place; the element is put inside it by hand, moves itself to the
 * start of `<body>` (still asking the span's ancestors for its settings: a `<Provider locale="es">`
 * around it counts), keeps its properties in step with the props, and is removed on unmount.
 */
export function QuickExit(props: QuickExitProps): React.ReactElement {
  const place = React.useRef<HTMLSpanElement | null>(null);
  const element = React.useRef<MutualQuickExit | null>(null);
  React.useEffect(() => {
    const el = document.createElement('mutual-quick-exit');
    Object.assign(el, props);
    place.current!.append(el);
    element.current = el;
    return () => {
      el.remove();
      element.current = null;
    };
  }, []); // created once; the props follow below
  React.useEffect(() => void (element.current && Object.assign(element.current, props)));
  return React.createElement('span', { ref: place, style: { display: 'contents' } });
}
export const ShareStory = createComponent({
  tagName: 'mutual-share-story',
  elementClass: MutualShareStory,
  react: React,
  events: common,
});
export const StoryFeed = createComponent({
  tagName: 'mutual-story-feed',
  elementClass: MutualStoryFeed,
  react: React,
  events: { ...common, onMutualReaction: 'mutual-reaction' as EventName<MutualReactionEvent> },
});
export const CameBack = createComponent({
  tagName: 'mutual-came-back',
  elementClass: MutualCameBack,
  react: React,
});
