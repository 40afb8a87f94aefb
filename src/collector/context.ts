// What the routes share: the store, the options and the collector's parts, built once by createCollector.
import type { CollectorOptions } from './options.js';
import type { createHostTokens } from './host-token.js';
import type { Intake } from './intake.js';
import type { ModerationOptions } from './moderation.js';
import type { createModeratorAuth } from './moderator-auth.js';
import type { createRateLimiter } from './rate-limit.js';
import type { Store } from './store/index.js';
import type { createValidator } from './validate.js';

export interface CollectorContext {
  options: CollectorOptions;
  store: Store;
  moderation: ModerationOptions;
  intake: Intake;
  validate: ReturnType<typeof createValidator>;
  rate: ReturnType<typeof createRateLimiter>;
  hostTokens: ReturnType<typeof createHostTokens>;
  moderators: ReturnType<typeof createModeratorAuth>;
}
