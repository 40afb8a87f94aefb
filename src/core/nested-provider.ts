import { SettingsProvider } from './settings-provider.js';

/**
 * Hands the settings down to nested Mutual elements. It announces itself (`context-provider`) only
 * when Mutual elements in its light DOM may have found an outer provider before it: those it renders
 * in its own shadow root always find it. Announcing anyway made each card of a feed re-send the
 * requests of every card before it (quadratic: 200 cards cost ≈ 40 ms in events alone).
 */
export class NestedProvider extends SettingsProvider {
  override hostConnected(): void {
    const light = this.host.getElementsByTagName('*');
    for (let i = 0; i < light.length; i++) if (light[i].localName.startsWith('mutual-')) return super.hostConnected();
  }
}
