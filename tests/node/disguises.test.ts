// Automatic holds see through disguises (issue 31, item 9): what a reader would read as crisis
// language, a link, a phone number or a blocked word is flagged however it is written.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createCollector } from '../../src/collector/index.js';
import { flagsFor } from '../../src/collector/holds.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { testStore } from '../helpers/test-store.js';

const ZWSP = '\u200b';
const SHY = '\u00ad';
const RLO = '\u202e';
const PDF = '\u202c';
const STRIKE = '\u0336';
const fullwidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const struck = (s: string) => [...s].map((c) => c + STRIKE).join('');

const DISGUISED: [string, string][] = [
  [`I want to k${ZWSP}ill my${ZWSP}self`, 'crisis'],
  [`thinking about sui${SHY}cide`, 'crisis'],
  [fullwidth('I want to die'), 'crisis'],
  [struck('end my life'), 'crisis'],
  [`I want to ${RLO}die${PDF} tonight`, 'crisis'],
  [`quiero mo\u0301rir${ZWSP}me`, 'crisis'],
  [`visit ${fullwidth('www.example.com')}`, 'link'],
  [`see ww${ZWSP}w.example${SHY}.com`, 'link'],
  [`call me on 07${ZWSP}700 900${RLO}123`, 'contact'],
  [`text ${fullwidth('07700 900123')}`, 'contact'],
  [`write to me: r${ZWSP}iver@exam${SHY}ple.org`, 'contact'],
  ['you are a b\u0430dword', 'blocked-word'], // a Cyrillic а
  [`b${ZWSP}adword`, 'blocked-word'],
  [fullwidth('badword'), 'blocked-word'],
  [struck('badword'), 'blocked-word'],
];

test('every disguise is seen: zero-width, soft hyphens, fullwidth, combining marks, bidi controls, look-alikes', () => {
  for (const [text, flag] of DISGUISED)
    assert.ok(flagsFor(text, ['badword']).includes(flag as never), `${flag}: ${JSON.stringify(text)}`);
  // Ordinary words stay unflagged.
  for (const text of ['I finally slept through the night', 'Café con leche helped', 'Día 30 sin beber'])
    assert.deepEqual(flagsFor(text, ['badword']), [], text);
});

test('under post-moderation, a disguised item is held for a human; the member’s words are kept as written', async () => {
  const collector = createCollector({
    store: await testStore('mutual-disguise-'),
    rateLimit: { max: 10_000, windowMs: 60_000 },
    moderation: { postModerated: ['encouragement'], blockedWords: ['badword'] },
  });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
    const texts = [...DISGUISED.map(([text]) => text), 'You showed up. That counts.'];
    const events = texts.map((text) =>
      createEnvelope(EventTypes.checkinEncouragement, { text }, { source: '/t', subject: 'daily' }),
    );
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify(events),
    });
    assert.equal(res.status, 200);
    const { items } = await collector.store.queue({ limit: 100 });
    const byText = new Map(items.map((i) => [String(i.event.data.text), i.state]));
    for (const [text] of DISGUISED) assert.equal(byText.get(text), 'pending', JSON.stringify(text));
    assert.equal(byText.get('You showed up. That counts.'), 'approved');
  } finally {
    server.close();
    await collector.close();
  }
});
