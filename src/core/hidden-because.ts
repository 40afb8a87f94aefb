import hiddenBecauseMessages from './hidden-because.messages.js';

/** The sentence for why a writer's text was not published (`POST …/mine`'s `reason`), if it is one we know. */
export function hiddenBecause(reason: unknown): keyof typeof hiddenBecauseMessages | undefined {
  const key = `hidden-because.${String(reason)}`;
  return Object.hasOwn(hiddenBecauseMessages, key) ? (key as keyof typeof hiddenBecauseMessages) : undefined;
}
