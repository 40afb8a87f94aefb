import type { DeliveryController } from './delivery-controller.js';
import { DeviceKeys } from './device-storage.js';
import type { DeviceStorageController } from './device-storage-controller.js';
import { EventTypes } from '../protocol/envelope.js';
import type { DeliveryState } from './transport.js';

/** The author key this device keeps for a story or response it wrote (`DeviceKeys.authorKey`), if any. */
export function authorKeyOf(storage: DeviceStorageController, id: string): string | undefined {
  const key = storage.recall<unknown>(DeviceKeys.authorKey(id));
  return typeof key === 'string' ? key : undefined;
}

/**
 * Takes down a story or response this device wrote: `org.mutual.story.withdrawn` with its author
 * key, which the device forgets once the endpoint has acted on it. False when the device has no
 * key for it, or the page cancelled the event.
 */
export function withdraw(
  sender: DeliveryController,
  storage: DeviceStorageController,
  id: string,
  onState: (state: DeliveryState) => void,
): boolean {
  const authorKey = authorKeyOf(storage, id);
  if (!authorKey) return false;
  const sent = sender.send(
    EventTypes.storyWithdrawn,
    { authorKey },
    {
      subject: id,
      onState: (state) => {
        if (state === 'sent') storage.remember(DeviceKeys.authorKey(id), undefined);
        onState(state);
      },
    },
  );
  return !!sent;
}
