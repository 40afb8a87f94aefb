import { createContext } from '@lit/context';
import type { MutualConfig } from './config.js';

/** What `<mutual-provider>` hands down. `Symbol.for` so two copies of Mutual on a page share one key. */
export const mutualContext = createContext<MutualConfig>(Symbol.for('mutual-config'));
