import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/crisis-resources/define.js';
import '../../src/provider/define.js';
import type { MutualCrisisResources } from '../../src/crisis-resources/crisis-resources.js';
import { HELP_LINES } from '../../src/crisis-resources/lines.js';
import { captureWarnings, expectAxeClean } from '../helpers/browser.js';

/** What a reader sees: each line as "name: contact", and the intro sentence. */
function shown(el: MutualCrisisResources) {
  const root = el.shadowRoot!;
  return {
    lines: [...root.querySelectorAll('[part="line"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
    links: [...root.querySelectorAll('[part="line"] a')].map((a) => a.getAttribute('href')),
    intro: root.querySelector('p')!.textContent!.trim(),
    directory: root.querySelector<HTMLAnchorElement>('a[target="_blank"]')!.href,
  };
}

describe('<mutual-crisis-resources>: help lines for the reader’s region', () => {
  it('holds lines for at least 20 countries, each with a name, a contact and a dialable link', () => {
    expect(Object.keys(HELP_LINES).length).to.be.at.least(20);
    for (const [region, lines] of Object.entries(HELP_LINES)) {
      expect(region).to.match(/^[A-Z]{2}$/);
      for (const line of lines) {
        expect(line.name.trim().length, region).to.be.greaterThan(0);
        expect(line.href, region).to.match(/^tel:[*\d]+$/);
      }
    }
  });

  const byLocale: [string, string, string][] = [
    ['es-MX', 'Línea de la Vida: 800 911 2000 (24 h)', 'tel:8009112000'],
    ['en-GB', 'Samaritans: 116 123 (24/7)', 'tel:116123'],
    ['en-AU', 'Lifeline Australia: 13 11 14 (24/7)', 'tel:131114'],
    ['ar-EG', 'الأمانة العامة للصحة النفسية: 16328 (24/7)', 'tel:16328'],
    ['en-US', '988 Suicide & Crisis Lifeline: Call or text 988 (24/7)', 'tel:988'],
    ['es-ES', 'Línea 024: 024 (24 h)', 'tel:024'],
  ];
  for (const [locale, line, href] of byLocale) {
    it(`${locale} → the lines of that region`, async () => {
      const el = await fixture<MutualCrisisResources>(
        html`<mutual-crisis-resources locale=${locale}></mutual-crisis-resources>`,
      );
      const { lines, links } = shown(el);
      expect(lines[0]).to.equal(line);
      expect(links[0]).to.equal(href);
    });
  }

  /** Where the device says it is (time zone, languages), as a browser in that place would. */
  const devicePlace = (place: { timezone?: string; languages?: string }) =>
    executeServerCommand('mutual:device-place', place);

  it('a language without a region, on a device that says nothing of where it is → the international directory', async () => {
    await devicePlace({ timezone: 'Etc/UTC', languages: 'en' });
    try {
      for (const locale of ['en', 'es', 'ar']) {
        const el = await fixture<MutualCrisisResources>(
          html`<mutual-crisis-resources locale=${locale}></mutual-crisis-resources>`,
        );
        const { lines, intro, directory } = shown(el);
        expect(lines, locale).to.deep.equal([]);
        expect(intro, locale).not.to.equal('');
        expect(directory).to.equal('https://findahelpline.com/');
        await expectAxeClean(el);
      }
      const el = await fixture<MutualCrisisResources>(
        html`<mutual-crisis-resources locale="en"></mutual-crisis-resources>`,
      );
      expect(shown(el).intro).to.equal(
        'You don’t have to go through this alone. Free, confidential lines are there for you in most countries, by phone, text or chat:',
      );
    } finally {
      await devicePlace({});
    }
  });

  it('a page in plain "en": the region comes from the device, offline — its time zone, else its languages', async () => {
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => requests.push(...list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource' });
    const lineFor = async () =>
      shown(await fixture<MutualCrisisResources>(html`<mutual-crisis-resources locale="en"></mutual-crisis-resources>`))
        .lines;
    try {
      await devicePlace({ timezone: 'Europe/London', languages: 'en' });
      expect(await lineFor(), 'London').to.deep.equal(['Samaritans: 116 123 (24/7)']);
      await devicePlace({ timezone: 'Etc/UTC', languages: 'en-GB,en' });
      expect(await lineFor(), 'en-GB').to.deep.equal(['Samaritans: 116 123 (24/7)']);
      await devicePlace({ timezone: 'Australia/Sydney', languages: 'en-US,en' });
      expect(await lineFor(), 'the time zone decides over a default en-US').to.deep.equal([
        'Lifeline Australia: 13 11 14 (24/7)',
      ]);
      await devicePlace({ timezone: 'America/Argentina/Buenos_Aires', languages: 'es' });
      expect((await lineFor()).length, 'Buenos Aires').to.equal(2);
      // A page in "en" read in each of these places: a number to call there, from the clock alone.
      const places: [string, string][] = [
        ['America/Sao_Paulo', 'CVV – Centro de Valorização da Vida: 188 (24 h)'],
        ['Europe/Amsterdam', '113 Zelfmoordpreventie: 113 (24/7)'],
        ['Europe/Vienna', 'TelefonSeelsorge: 142 (24/7)'],
        ['Europe/Zurich', 'Die Dargebotene Hand – Tel 143: 143 (24/7)'],
        ['Europe/Stockholm', 'Självmordslinjen (Mind): 90101 (24/7)'],
        ['Asia/Seoul', '자살예방 상담전화: 109 (24/7)'],
        ['Asia/Singapore', 'Samaritans of Singapore: 1767 (24/7)'],
        ['Africa/Johannesburg', 'SADAG Suicide Crisis Helpline: 0800 567 567 (24/7)'],
      ];
      for (const [timezone, line] of places) {
        await devicePlace({ timezone, languages: 'en-US,en' });
        expect((await lineFor())[0], timezone).to.equal(line);
      }
      observer.disconnect();
      expect(
        requests.filter((r) => !r.startsWith(location.origin)),
        'no request to work out the region',
      ).to.deep.equal([]);
    } finally {
      await devicePlace({});
    }
  });

  it('the region attribute wins over the locale, on the element or on the provider', async () => {
    const own = await fixture<MutualCrisisResources>(
      html`<mutual-crisis-resources locale="en-US" region="ie"></mutual-crisis-resources>`,
    );
    expect(shown(own).lines).to.deep.equal(['Samaritans Ireland: 116 123 (24/7)']);
    const wrapper = await fixture(
      html`<mutual-provider region="AR"><mutual-crisis-resources locale="es"></mutual-crisis-resources></mutual-provider>`,
    );
    const inner = wrapper.querySelector('mutual-crisis-resources')!;
    await inner.updateComplete;
    expect(shown(inner).lines).to.deep.equal([
      'Centro de Asistencia al Suicida: 135 (CABA y GBA) (24 h)',
      'Centro de Asistencia al Suicida: 0800 345 1435 (24 h)',
    ]);
  });

  it('a region that is not a country code → one warning, and the locale’s region', async () => {
    const warnings = await captureWarnings(async () => {
      const el = await fixture<MutualCrisisResources>(
        html`<mutual-crisis-resources locale="en-GB" region="Mars"></mutual-crisis-resources>`,
      );
      expect(shown(el).lines).to.deep.equal(['Samaritans: 116 123 (24/7)']);
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(warnings.filter((w) => w.includes('region="Mars"'))).to.have.length(1);
  });

  it('hosts replace lines (attribute or property), add lines, or replace them for every widget from the provider', async () => {
    const replaced = await fixture<MutualCrisisResources>(
      html`<mutual-crisis-resources locale="en-GB" lines='[{"name":"Our peer line","contact":"0800 000 111","href":"tel:0800000111"}]'></mutual-crisis-resources>`,
    );
    expect(shown(replaced).lines).to.deep.equal(['Our peer line: 0800 000 111']);

    const byProperty = await fixture<MutualCrisisResources>(
      html`<mutual-crisis-resources locale="en-GB"></mutual-crisis-resources>`,
    );
    byProperty.lines = [{ name: 'Text line', contact: 'Text 85258', href: 'sms:85258' }];
    await byProperty.updateComplete;
    expect(shown(byProperty).lines).to.deep.equal(['Text line: Text 85258']);
    expect(shown(byProperty).links).to.deep.equal(['sms:85258']);

    const added = await fixture<MutualCrisisResources>(
      html`<mutual-crisis-resources locale="en-GB" extra-lines='[{"name":"Shout","contact":"Text 85258","href":"sms:85258","hours":"24/7"}]'></mutual-crisis-resources>`,
    );
    expect(shown(added).lines).to.deep.equal(['Samaritans: 116 123 (24/7)', 'Shout: Text 85258 (24/7)']);

    const wrapper = await fixture(
      html`<mutual-provider help-lines='[{"name":"Community line","contact":"555 0100"}]'><mutual-crisis-resources locale="en-GB"></mutual-crisis-resources></mutual-provider>`,
    );
    const inner = wrapper.querySelector('mutual-crisis-resources')!;
    await inner.updateComplete;
    expect(shown(inner).lines).to.deep.equal(['Community line: 555 0100']);
  });
});
