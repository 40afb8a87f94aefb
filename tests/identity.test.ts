import { expect } from '@open-wc/testing';
import { findIdentifiers } from '../src/core/identity.js';

describe('identity nudge detector', () => {
  const cases: [string, string, string[]][] = [
    ['en', 'Write to me at river.h@example.com', ['email']],
    ['en', 'Call me on 07700 900123 anytime', ['phone']],
    ['en', 'My number is +1 (555) 010-4477', ['phone']],
    ['en', 'I live at 221 Baker Street now', ['address']],
    ['en', 'Follow @river_recovers for updates', ['handle']],
    ['en', 'My blog is www.riverwrites.org', ['url']],
    ['en', 'See https://example.org/me', ['url']],
    ['es', 'Escríbeme a ana.lopez@correo.es', ['email']],
    ['es', 'Mi móvil es 612 345 678', ['phone']],
    ['es', 'Vivo en la Calle Mayor 12, Madrid', ['address']],
    ['es', 'Sígueme en @ana_en_recuperacion', ['handle']],
    ['ar', 'راسلني على salma@example.com', ['email']],
    ['ar', 'رقمي ٠١٢٣٤٥٦٧٨٩', ['phone']],
    ['ar', 'أسكن في شارع الحمرا 15', ['address']],
    ['ar', 'تابعني على @salma_recovery', ['handle']],
  ];
  for (const [locale, text, kinds] of cases) {
    it(`finds ${kinds.join(', ')} (${locale}): "${text}"`, () => expect(findIdentifiers(text)).to.deep.equal(kinds));
  }

  const ordinary: [string, string][] = [
    ['en', 'Day 90 today. 3 meetings this week, 2 walks, 1 very long phone call with my sister.'],
    ['en', 'I slept 7 hours! First time since 2019.'],
    ['en', 'Me too — the evenings at 9pm are the worst.'],
    ['es', 'Llevo 45 días sin beber. El 12 de marzo fue el peor día.'],
    ['es', 'Caminé por la calle y me sentí mejor.'],
    ['ar', 'اليوم ٣٠ بدون شرب. الحمد لله.'],
    ['ar', 'مشيت في الشارع وشعرت بتحسن.'],
  ];
  for (const [locale, text] of ordinary) {
    it(`finds nothing in ordinary text (${locale}): "${text}"`, () => expect(findIdentifiers(text)).to.deep.equal([]));
  }
});
