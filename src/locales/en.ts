/**
 * The English source catalogue: every key, gathered from the elements' own `*.messages.ts`.
 * Wording follows peer support: peers, not patients; invitations, not commands.
 * A message is a string with `{name}` placeholders, or plural forms chosen by `Intl.PluralRules`.
 *
 * Each element bundles only its own English strings (so a page with one reaction bar does not
 * carry the check-in's text); this file is the full list translators work from and the type
 * that every translation must satisfy. Nothing at run time imports it.
 */
import checkIn from '../check-in/check-in.messages.js';
import checkInGiveBack from '../check-in/check-in.give-back.messages.js';
import crisis from '../crisis-resources/crisis-resources.messages.js';
import meToo from '../me-too/me-too.messages.js';
import provider from '../provider/provider.messages.js';
import quickExit from '../quick-exit/quick-exit.messages.js';
import storyCard from '../story-card/story-card.messages.js';
import storyCardReply from '../story-card/story-card.reply.messages.js';
import moderation from '../moderation-queue/moderation-queue.messages.js';
import pulse from '../community-pulse/community-pulse.messages.js';
import nudge from '../core/ui/nudge.messages.js';
import takeBack from '../core/take-back.messages.js';
import hiddenBecause from '../core/hidden-because.messages.js';
import shareStory from '../share-story/share-story.messages.js';
import storyFeed from '../story-feed/story-feed.messages.js';
import cameBack from '../came-back/came-back.messages.js';

export default {
  ...meToo,
  ...storyCard,
  ...storyCardReply,
  ...crisis,
  ...checkIn,
  ...checkInGiveBack,
  ...nudge,
  ...takeBack,
  ...hiddenBecause,
  ...provider,
  ...quickExit,
  ...moderation,
  ...pulse,
  ...shareStory,
  ...storyFeed,
  ...cameBack,
} satisfies Record<string, string | Partial<Record<Intl.LDMLPluralRule, string>>>;
