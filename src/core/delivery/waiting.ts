/**
 * How a send still on the device is told to a member: `waiting` while the device is online (the
 * community's site could not take it yet: a server error, or a page origin it does not allow),
 * `queued` while it is offline. One rule for the composers, take-backs and take-downs.
 */
export const waitingWord = (): 'waiting' | 'queued' => (navigator.onLine ? 'waiting' : 'queued');
