import { expect } from '@open-wc/testing';
import { findIdentifiers } from '../../src/core/protocol/identity.js';

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
    // Phone numbers in common national and international forms.
    ['en', 'Text me: (555) 123-4567', ['phone']],
    ['en', 'ring 555-123-4567 after work', ['phone']],
    ['en', 'my cell is 555.123.4567', ['phone']],
    ['en', 'US folks: +1 555 123 4567', ['phone']],
    ['en', 'call 1-800-273-8255', ['phone']],
    ['en', 'London: 020 7946 0958', ['phone']],
    ['en', 'whatsapp me +44 7700 900123', ['phone']],
    ['en', 'Aussie mobile 0412 345 678', ['phone']],
    ['en', 'or +61 412 345 678', ['phone']],
    ['en', 'French friends: 06 12 34 56 78', ['phone']],
    ['en', '+33 6 12 34 56 78', ['phone']],
    ['en', 'My landline is 01632 960983', ['phone']],
    ['es', 'llámame al 612 34 56 78', ['phone']],
    ['es', 'mi número es +34 612 345 678', ['phone']],
    ['es', 'fijo: 91 123 45 67', ['phone']],
    ['es', 'en México: 55 1234 5678', ['phone']],
    ['es', 'whatsapp +52 55 1234 5678', ['phone']],
    ['es', 'Argentina: +54 9 11 2345-6789', ['phone']],
    ['ar', 'اتصل بي على 0101 234 5678', ['phone']],
    ['ar', 'رقمي +20 10 1234 5678', ['phone']],
    ['ar', 'واتساب ٠٥٠ ١٢٣ ٤٥٦٧', ['phone']],
    ['ar', 'في لبنان +961 3 123 456', ['phone']],
    ['ar', 'هاتفي 0555-123-456', ['phone']],
    // Emails, addresses and handles.
    ['en', 'sam.smith@mail.co.uk is my email', ['email']],
    ['en', 'Come by 42 Elm Street', ['address']],
    ['en', 'I moved to 7 Mill Lane last month', ['address']],
    ['en', "I'm @jane.doe on insta", ['handle']],
    ['es', 'Estoy en la Avenida de la Paz, 45', ['address']],
    ['es', 'mi correo: pablo_92@correo.mx', ['email']],
    ['ar', 'بريدي hana.k@mail.eg', ['email']],
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
    // Dates, years, ranges, times and sobriety counts are part of recovery stories, not identifiers.
    ['en', 'Sober since 12.03.2021'],
    ['en', 'from 2019–2023 I drank every day'],
    ['en', 'from 2019-2023 I drank every day'],
    ['en', 'it was 2019 - 2023, the worst years'],
    ['en', 'day 45'],
    ['en', '90 days clean'],
    ['en', 'at 10:30 I went to a meeting'],
    ['en', 'at 7.30am I called my sponsor'],
    ['en', '1,000 days sober today'],
    ['en', 'Sober since 03/12/2021'],
    ['en', 'My date is 2021-03-12'],
    ['en', '2 years, 3 months and 14 days'],
    ['en', 'from 10.00 to 17.00 I was at work'],
    ['en', 'Born in 1990, sober since 2015'],
    ['en', 'In 2020 and 2021 I relapsed twice'],
    ['en', 'my 5k time was 25:30 today'],
    ['en', 'Step 12 of 12, 365 days'],
    ['en', 'between 12.03.2021 and 01.06.2022 I was in treatment'],
    ['en', 'slept from 23:00 to 07:00'],
    ['es', 'Sobrio desde el 12.03.2021'],
    ['es', 'de 2019 a 2023 bebía a diario'],
    ['es', 'desde 2019-2023 fue un infierno'],
    ['es', 'día 45'],
    ['es', '90 días limpio'],
    ['es', 'a las 10:30 fui a la reunión'],
    ['es', 'llevo 1.000 días'],
    ['es', 'el 12/03/2021 cambió todo'],
    ['es', 'entre 2010 y 2015 no dormía'],
    ['es', 'tengo 34 años y 2 hijos'],
    ['ar', 'متعافٍ منذ 12.03.2021'],
    ['ar', 'من ٢٠١٩ إلى ٢٠٢٣'],
    ['ar', 'اليوم 45'],
    ['ar', '90 يوما بدون شرب'],
    ['ar', 'الساعة 10:30 ذهبت إلى الاجتماع'],
    ['ar', 'منذ ٢٠٢١'],
    ['ar', 'من 2019-2023 كنت أشرب'],
    ['ar', 'في ١٢/٠٣/٢٠٢١ بدأت'],
    ['ar', 'عمري 34 سنة'],
  ];
  it('holds at least 40 true and 40 false cases across en, es and ar', () => {
    expect(cases.length).to.be.at.least(40);
    expect(ordinary.length).to.be.at.least(40);
  });

  for (const [locale, text] of ordinary) {
    it(`finds nothing in ordinary text (${locale}): "${text}"`, () => expect(findIdentifiers(text)).to.deep.equal([]));
  }
});
