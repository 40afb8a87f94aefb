import { canKeep, readItem, writeItem } from './device-storage.js';
import type { SettingsController } from '../settings-controller.js';

export interface DeviceStorageOptions {
  settings: SettingsController;
}

/**
 * One job (no lifecycle, so not a reactive controller): what an element keeps on the device (drafts, remembered reactions, topic choices),
 * as JSON under its `mutual:` key. Whether it is memory only (no-trace) is decided in
 * `device-storage.ts`, from this element's settings.
 */
export class DeviceStorageController {
  constructor(private readonly options: DeviceStorageOptions) {}

  get #noTrace(): boolean {
    return this.options.settings.config.noTrace;
  }

  recall<T>(key: string): T | undefined {
    const raw = readItem(key, this.#noTrace);
    if (raw == null) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  }

  remember(key: string, value: unknown): void {
    writeItem(key, value === undefined ? undefined : JSON.stringify(value), this.#noTrace);
  }

  /** What a member is told about their draft: kept on this device, memory only (no-trace), or cannot be kept. */
  get keeping(): 'kept' | 'not-kept' | 'cannot-keep' {
    return this.#noTrace ? 'not-kept' : canKeep() ? 'kept' : 'cannot-keep';
  }
}
