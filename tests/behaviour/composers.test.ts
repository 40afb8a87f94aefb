import { fixture, html } from '@open-wc/testing';
import '../../src/all.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import en from '../../src/locales/en.js';
import es from '../../src/locales/es.js';
import ar from '../../src/locales/ar.js';
import { composerSuite } from '../helpers/composer-suite.js';
import { buttonNamed } from '../helpers/browser.js';
import { storedAtLeast, until } from '../helpers/collector.js';

type Host = HTMLElement & { updateComplete: Promise<unknown> };
const nudge = (c: typeof en | typeof es | typeof ar) => ({
  buttons: { edit: c['nudge.edit'], sendAnyway: c['nudge.send-anyway'] },
  phoneNote: c['nudge.phone'],
  othersNote: c['nudge.others'],
});

// A reply under a story, in English.
composerSuite({
  name: 'a story response',
  type: EventTypes.storyResponse,
  field: 'textarea',
  ...nudge(en),
  buttons: { ...nudge(en).buttons, send: en['story-card.send'] },
  waiting: en['story-card.waiting'],
  words: (data) => String(data.text),
  async mount(endpoint, key) {
    const card = await fixture<Host>(
      html`<mutual-story-card story-id=${key} endpoint=${endpoint}><p>The evenings were the hardest.</p></mutual-story-card>`,
    );
    buttonNamed(card.shadowRoot!, en['story-card.share']).click();
    await until(() => card.shadowRoot!.querySelector('textarea'), 'the reply composer');
    return card;
  },
});

// A story, in English: it needs a title and consent too.
composerSuite({
  name: 'a story',
  type: EventTypes.storySubmitted,
  field: '#story-text',
  ...nudge(en),
  buttons: { ...nudge(en).buttons, send: en['share-story.send'] },
  waiting: en['share-story.waiting'],
  words: (data) => String(data.text),
  mount: (endpoint, key) =>
    fixture<Host>(html`<mutual-share-story endpoint=${endpoint} draft-id=${key}></mutual-share-story>`),
  async prepare(el) {
    const heading = el.shadowRoot!.querySelector<HTMLInputElement>('#story-heading')!;
    if (!heading.value) {
      heading.value = 'What helped';
      heading.dispatchEvent(new Event('input'));
    }
    const consent = el.shadowRoot!.querySelector<HTMLInputElement>('#story-consent')!;
    if (!consent.checked) consent.click();
    await el.updateComplete;
  },
});

// A check-in's "what helped", in Spanish.
composerSuite({
  name: 'a check-in (es)',
  type: EventTypes.checkinSubmitted,
  field: '#helped',
  ...nudge(es),
  buttons: { ...nudge(es).buttons, send: es['check-in.submit'] },
  waiting: es['check-in.waiting'],
  words: (data) => String(data.helped ?? ''),
  async mount(endpoint, key) {
    const el = await fixture<Host>(
      html`<mutual-check-in locale="es" check-in-id=${key} endpoint=${endpoint}></mutual-check-in>`,
    );
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="4"]')!.click();
    await el.updateComplete;
    return el;
  },
});

// A tip given back after a check-in, in Arabic.
composerSuite({
  name: 'a tip given back (ar)',
  type: EventTypes.checkinTipShared,
  field: '#tip',
  ...nudge(ar),
  buttons: { ...nudge(ar).buttons, send: ar['check-in.tip-send'] },
  waiting: ar['check-in.waiting'],
  words: (data) => String(data.text),
  async mount(endpoint, key) {
    const el = await fixture<Host>(
      html`<mutual-check-in locale="ar" check-in-id=${key} endpoint=${endpoint}></mutual-check-in>`,
    );
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="5"]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await storedAtLeast({ subject: key, type: EventTypes.checkinSubmitted });
    await until(() => el.shadowRoot!.querySelector('#tip'), 'the give-back step');
    return el;
  },
  async prepare(el) {
    const consent = el.shadowRoot!.querySelector<HTMLInputElement>('#tip-consent')!;
    if (!consent.checked) consent.click();
    await el.updateComplete;
  },
});
