import { expect, fixture, html } from '@open-wc/testing';
import type { MutualModerationQueue } from '../../src/moderation-queue/moderation-queue.js';
import { createEnvelope } from '../../src/core/protocol/envelope.js';
import { ENDPOINT, TEST_MODERATOR_TOKEN, until } from './collector.js';

export const auth = { authorization: `Bearer ${TEST_MODERATOR_TOKEN}` };

/** A moderator clears what other tests left pending, so each test sees only its own items. */
export async function clearQueue(): Promise<void> {
  for (;;) {
    const { items } = (await (
      await fetch(`${ENDPOINT}/moderation/queue?state=pending&limit=200`, { headers: auth })
    ).json()) as { items: { seq: number }[] };
    if (!items.length) return;
    await Promise.all(
      items.map((i) =>
        fetch(`${ENDPOINT}/moderation/items/${i.seq}`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ action: 'hide', reason: 'test setup' }),
        }),
      ),
    );
  }
}

export async function submit(type: string, texts: string[]): Promise<void> {
  const events = texts.map((text) => createEnvelope(type, { text }, { source: location.href, subject: 'daily' }));
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents-batch+json' },
    body: JSON.stringify(events),
  });
  expect(res.status).to.equal(200);
}

export async function served(): Promise<string[]> {
  return (
    (await (await fetch(`${ENDPOINT}?peer-messages=20`)).json()) as { messages: { text: string }[] }
  ).messages.map((m) => m.text);
}

export async function queue(token: string | undefined = TEST_MODERATOR_TOKEN): Promise<MutualModerationQueue> {
  const el = await fixture<MutualModerationQueue>(
    html`<mutual-moderation-queue endpoint=${ENDPOINT} .token=${token}></mutual-moderation-queue>`,
  );
  await until(
    () => el.shadowRoot!.querySelector('[role="tabpanel"]')?.getAttribute('aria-busy') === 'false',
    'queue loaded',
  );
  return el;
}
export const itemTexts = (el: MutualModerationQueue) =>
  [...el.shadowRoot!.querySelectorAll('[part="item"] > p[id^="text-"]')].map((p) => p.textContent);

/** The whole audit log, oldest first (it is read in pages of 200 from the start). */
export async function auditLog(): Promise<
  { actor: string; action: string; item: number; reason: string; seq: number }[]
> {
  const all: { actor: string; action: string; item: number; reason: string; seq: number }[] = [];
  for (;;) {
    const cursor = all.length ? `&cursor=${all.at(-1)!.seq}` : '';
    const { entries } = (await (
      await fetch(`${ENDPOINT}/moderation/audit?limit=200${cursor}`, { headers: auth })
    ).json()) as { entries: typeof all };
    all.push(...entries);
    if (entries.length < 200) return all;
  }
}
