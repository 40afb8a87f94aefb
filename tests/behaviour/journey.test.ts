import { expect } from '@open-wc/testing';
import ar from '../../src/locales/ar.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import { suggestsCrisis } from '../../src/core/protocol/crisis-language.js';
import { closeEveryone, person, type Person } from '../helpers/browser.js';
import { stored, TEST_MODERATOR_TOKEN, uniqueSubject, until } from '../helpers/collector.js';

/**
 * The demo pages as people meet them: `npm start`'s pages on the built files (`dist/`), each
 * person in a browser context of their own, by pointer and keyboard, against the real collector on
 * an empty store — SQLite and PostgreSQL. Every step checks what the screen says and what the
 * endpoint received. A failing step leaves a screenshot of every open page in .test-results/journey/.
 */

/** Page-side helpers: find through every shadow root, by selector and by the words a person reads. */
const DEEP = `
  const deepAll = (selector, root = document) => {
    const found = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(selector, el.shadowRoot));
    return found;
  };
  const words = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const named = (selector, name, root = document) =>
    deepAll(selector, root).find((el) => words(el).startsWith(name) || (el.getAttribute('aria-label') ?? '').startsWith(name));
  const card = (id) => deepAll('mutual-story-card').find((c) => c.getAttribute('story-id') === id || c.storyId === id);
  const bar = (c) => c?.shadowRoot?.querySelector('mutual-me-too')?.shadowRoot;
  const deepActive = () => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; };
`;

/** What the page answers to `body` (a function body that may use the helpers above). */
const ask = <T>(who: Person, body: string) => who.eval<T>(`(() => { ${DEEP} ${body} })()`);
/** Waits until `body` answers something truthy on that person's page. */
const see = <T>(who: Person, body: string, what: string, timeout = 15_000) =>
  until(() => ask<T>(who, body), `${who.name}: ${what}`, timeout);
/** A real click on what `expression` finds (waited for first). */
async function click(who: Person, expression: string, what: string) {
  await see(who, `return !!(${expression});`, what);
  await who.click(`(() => { ${DEEP} return ${expression}; })()`);
}

const everyone: Person[] = [];
function open(name: string) {
  const who = person(name);
  everyone.push(who);
  return who;
}

async function screenshotsIfFailed(test: Mocha.Test | undefined) {
  if (test?.state !== 'failed') return;
  const slug = test
    .fullTitle()
    .replace(/[^\w]+/g, '-')
    .slice(0, 80);
  for (const who of everyone)
    await who.screenshot(`.test-results/journey/${slug}-${who.name}.png`).catch(() => undefined);
}

/** The bar on a card: pressed or not, and the count its accessible name gives. */
const meToo = (cardExpr: string) =>
  `(() => { const b = bar(${cardExpr})?.querySelector('button'); return b && { pressed: b.getAttribute('aria-pressed'), name: b.getAttribute('aria-label') }; })()`;

for (const [store, lang] of [
  ['sqlite', 'en'],
  ['postgres', 'en'],
  ['sqlite', 'ar'],
] as const) {
  describe(`the core loop on the demo pages (built files, ${store}, ${lang})`, function () {
    this.timeout(180_000);
    const endpoint = `/journey-${store}/events`;
    const page = (name: string) => `/demo/${name}.html?built&endpoint=${endpoint}&exit=/tests/helpers/neutral.html`;
    const t = (key: keyof typeof ar, en: string) => (lang === 'ar' ? (ar[key] as string) : en);

    afterEach(async function () {
      await screenshotsIfFailed(this.currentTest);
      everyone.length = 0;
      await closeEveryone();
    });

    /** Opens the community's page in a context of its own, in the journey's language. */
    async function visit(who: Person, width?: number) {
      await who.open(page('index'), { isolated: true });
      if (width) await who.viewport(width);
      await see(who, `return !!bar(card('harbour-101'))?.querySelector('button');`, 'the first card and its bar');
      if (lang === 'ar') {
        await ask(
          who,
          `const s = document.getElementById('language'); s.value = 'ar'; s.dispatchEvent(new Event('change')); return true;`,
        );
        await see(
          who,
          `return words(bar(card('harbour-101'))?.querySelector('[part~="label"]')) === ${JSON.stringify(ar['me-too.me-too'])};`,
          'Arabic',
        );
      }
    }

    it('a member writes, a moderator approves, peers read, react and respond, and it comes back to the writer', async () => {
      const writer = open('writer');
      await visit(writer);

      // Reactions on every card the page shows, content-warned ones after choosing to read them.
      const cards = ['harbour-101', 'harbour-102', 'harbour-103', 'harbour-104'];
      const reactionsTo = async (id: string) =>
        (await stored({ subject: id, type: EventTypes.reactionAdded }, endpoint)).length;
      const before = await Promise.all(cards.map(reactionsTo));
      for (const id of cards) {
        const show = t('story-card.cw-show', 'Show story');
        if (await ask<boolean>(writer, `return !!named('button', ${JSON.stringify(show)}, card('${id}').shadowRoot);`))
          await click(
            writer,
            `named('button', ${JSON.stringify(show)}, card('${id}').shadowRoot)`,
            `${id}: Show story`,
          );
        await click(writer, `bar(card('${id}'))?.querySelector('button')`, `${id}: the first reaction`);
        await see(writer, `return ${meToo(`card('${id}')`)}?.pressed === 'true';`, `${id}: pressed`);
      }
      for (const [i, id] of cards.entries())
        await until(async () => (await reactionsTo(id)) === before[i] + 1, `${id}: one more reaction stored`);
      // The member's own press is in the count they see.
      const name = (await ask<{ name: string }>(writer, `return ${meToo(`card('harbour-101')`)};`)).name;
      const n = new Intl.NumberFormat(lang).format(before[0] + 1);
      if (lang === 'ar') expect(name).to.equal(`وأنا أيضًا، ${n} شخص`);
      else expect(name).to.equal(before[0] === 0 ? 'Me too, 1 person' : 'Me too, 2 people');

      // The writer's story, typed.
      const heading = lang === 'ar' ? 'الأمسيات الطويلة' : 'Long evenings';
      const words = `${lang === 'ar' ? 'كانت الأمسيات صعبة' : 'The evenings were long'} ${uniqueSubject('journey')}`;
      await click(writer, `deepAll('#story-heading')[0]`, 'the title field');
      await writer.keys({ type: heading });
      await click(writer, `deepAll('#story-text')[0]`, 'the story field');
      await writer.keys({ type: words });
      await click(writer, `deepAll('#story-consent')[0]`, 'consent');
      await click(
        writer,
        `named('button', ${JSON.stringify(t('share-story.send', 'Send to the moderators'))})`,
        'Send',
      );
      await see(
        writer,
        `return words(deepAll('mutual-share-story')[0].shadowRoot.querySelector('[part="status"]')) === ${JSON.stringify(t('share-story.sent', 'It has reached the moderators.'))};`,
        'the story reached the moderators',
      );
      const submitted = await until(
        async () =>
          (await stored({ type: EventTypes.storySubmitted }, endpoint)).find((e) =>
            String(e.data.text).includes(words),
          ),
        'the story stored',
      );
      expect(submitted.data).to.include({ heading });
      const storyId = submitted.subject ?? submitted.id;

      // A stranger who has the id but not the key learns nothing, before and after it is published.
      const stranger = open('stranger');
      await stranger.open(page('index'), { isolated: true });
      const strangerAsks = () =>
        ask<Promise<unknown>>(
          stranger,
          `return fetch('${endpoint}/mine', { method: 'POST', headers: { 'content-type': 'application/json' },
             body: JSON.stringify({ texts: [{ id: ${JSON.stringify(storyId)}, key: '${'0'.repeat(32)}' }] }) })
             .then(async (r) => ({ status: r.status, body: await r.json() }));`,
        );
      const asked = JSON.stringify(await strangerAsks());
      expect(asked).not.to.include(storyId);

      // The moderator signs in on the admin page and approves it.
      const moderator = open('moderator');
      await moderator.open(page('admin'), { isolated: true });
      await click(moderator, `document.getElementById('token')`, 'the token field');
      await moderator.keys({ type: TEST_MODERATOR_TOKEN, press: ['Enter'] });
      const approve = (text: string) =>
        `deepAll('[part="item"]').find((i) => words(i).includes(${JSON.stringify(text)}))?.querySelector('[part="actions"] button.primary')`;
      await click(moderator, approve(words), 'the story waiting, with Approve');
      await until(
        async () =>
          !(await ask<boolean>(
            moderator,
            `return deepAll('[part="item"]').some((i) => words(i).includes(${JSON.stringify(words)}));`,
          )),
        'moderator: the story left the queue',
      );

      // Two peers, each on their own device: they read it, react, and one responds.
      const reader = open('reader');
      await visit(reader);
      await see(reader, `return !!card(${JSON.stringify(storyId)});`, 'the approved story in the feed');
      // Its words as the reader reads them: on the card, in the page's light DOM.
      expect(await ask<string>(reader, `return words(card(${JSON.stringify(storyId)}));`)).to.include(words);
      await click(reader, `bar(card(${JSON.stringify(storyId)}))?.querySelector('button')`, 'Me too on the story');
      await see(reader, `return ${meToo(`card(${JSON.stringify(storyId)})`)}?.pressed === 'true';`, 'Me too pressed');
      const response = `${lang === 'ar' ? 'وأنا أيضًا، كل مساء' : 'Me too, every evening'} <b>${uniqueSubject('reply')}</b>`;
      await click(
        reader,
        `named('button', ${JSON.stringify(t('story-card.share', 'Share your experience'))}, card(${JSON.stringify(storyId)}).shadowRoot)`,
        'Share your experience',
      );
      await click(reader, `card(${JSON.stringify(storyId)}).shadowRoot.querySelector('textarea')`, 'the reply field');
      await reader.keys({ type: response });
      await click(
        reader,
        `named('button.primary', ${JSON.stringify(t('story-card.send', 'Send'))}, card(${JSON.stringify(storyId)}).shadowRoot)`,
        'Send',
      );
      await see(
        reader,
        `return words(card(${JSON.stringify(storyId)}).shadowRoot).includes(${JSON.stringify(t('story-card.sent', 'Thank you for sharing back. Your words may help someone feel less alone.'))});`,
        'thanked for sharing back',
      );

      const second = open('second-reader');
      await visit(second);
      await click(second, `bar(card(${JSON.stringify(storyId)}))?.querySelector('button')`, 'Me too on the story');
      await see(second, `return ${meToo(`card(${JSON.stringify(storyId)})`)}?.pressed === 'true';`, 'Me too pressed');
      await until(
        async () => (await stored({ subject: storyId, type: EventTypes.reactionAdded }, endpoint)).length === 2,
        'two reactions to the story stored',
      );
      const sent = await until(
        async () => (await stored({ type: EventTypes.storyResponse }, endpoint)).find((e) => e.data.text === response),
        'the response stored, exactly as written',
      );
      expect(sent.data).to.include({ storyId });

      // The response waits for the moderator, who approves it from the Responses tab.
      await click(moderator, `deepAll('#tab-response')[0]`, 'the Responses tab');
      await click(moderator, approve(response), 'the response waiting, with Approve');

      // The second reader comes back later: the response is there, as text.
      await second.reload();
      const toggle = `card(${JSON.stringify(storyId)})?.shadowRoot.querySelector('button[aria-controls="responses"]')`;
      await click(second, toggle, '"1 peer responded"');
      if (lang === 'en') expect(await ask<string>(second, `return words(${toggle});`)).to.equal('1 peer responded');
      expect(await ask<string>(second, `return ${toggle}.getAttribute('aria-expanded');`)).to.equal('true');
      await see(
        second,
        `return deepAll('#responses li', card(${JSON.stringify(storyId)})?.shadowRoot ?? document).some((li) => words(li).includes(${JSON.stringify(response)}));`,
        'the approved response under the story, its markup as text',
      );

      // Back on the writer's device: what came back.
      await writer.reload();
      if (lang === 'ar')
        await ask(
          writer,
          `const s = document.getElementById('language'); s.value = 'ar'; s.dispatchEvent(new Event('change')); return true;`,
        );
      await see(
        writer,
        `return words(deepAll('mutual-came-back')[0].shadowRoot.querySelector('[part="badge"]')).length > 0;`,
        'a neutral "new" badge',
      );
      const badge = await ask<string>(
        writer,
        `return words(deepAll('mutual-came-back')[0].shadowRoot.querySelector('[part="badge"]'));`,
      );
      const three = new Intl.NumberFormat(lang).format(3);
      expect(badge).to.equal(lang === 'ar' ? ar['came-back.new'].few.replace('{count}', three) : '3 new');
      expect(badge).not.to.include(heading);
      await click(
        writer,
        `deepAll('mutual-came-back')[0].shadowRoot.querySelector('[part="button"]')`,
        'What came back',
      );
      await see(writer, `return deepActive()?.getAttribute('part') === 'title';`, 'focus on the panel’s heading');
      const panel = await see<string>(
        writer,
        `const p = deepAll('mutual-came-back')[0].shadowRoot.querySelector('[part="panel"]'); return p && words(p).includes(${JSON.stringify(response)}) && words(p);`,
        'the panel with the response',
      );
      expect(panel).to.include(lang === 'ar' ? ar['came-back.reaction.me-too'].two : '2 said me too');
      if (lang === 'en') expect(panel).to.include('1 peer responded:');
      expect(panel).to.include(response);
      await writer.keys({ press: ['Escape'] });
      await see(writer, `return deepActive()?.getAttribute('part') === 'button';`, 'focus back on the button');
      expect(
        await ask<string>(
          writer,
          `return words(deepAll('mutual-came-back')[0].shadowRoot.querySelector('[part="badge"]'));`,
        ),
      ).to.equal('');

      // The stranger still learns nothing: not the state, not the counts, not the words.
      const after = JSON.stringify(await strangerAsks());
      expect(after).not.to.include(storyId);
      expect(after).not.to.include('reactions');
      await stranger.reload();
      await see(
        stranger,
        `return !!deepAll('mutual-came-back')[0]?.shadowRoot?.querySelector('[part="button"]');`,
        'their own came-back',
      );
      expect(
        await ask<string>(
          stranger,
          `return words(deepAll('mutual-came-back')[0].shadowRoot.querySelector('[part="badge"]'));`,
        ),
      ).to.equal('');

      for (const who of everyone) {
        const printed = (await who.console()).filter((m) => m.type === 'error' || /no endpoint/.test(m.text));
        expect(printed, who.name).to.deep.equal([]);
      }
    });

    it('a check-in with crisis words, by keyboard: help below the fields, the give-back gentle, the endpoint told', async () => {
      const member = open('member');
      await visit(member);
      const checkIn = `deepAll('mutual-check-in')[0].shadowRoot`;
      const hard =
        lang === 'ar'
          ? `كل ليلة أفكر في الانتحار ${uniqueSubject('c')}`
          : `I keep thinking about killing myself ${uniqueSubject('c')}`;
      expect(suggestsCrisis(hard)).to.equal(true);
      // "Having a hard time": the words, not the mood, bring the help.
      await click(member, `${checkIn}.querySelector('input[name="mood"][value="2"]')`, 'a mood');
      await member.keys({ press: ['Tab'] });
      await see(member, `return deepActive()?.id === 'hard';`, 'Tab to "What’s been hard?"');
      const field = () =>
        ask<number>(member, `return Math.round(${checkIn}.querySelector('#hard').getBoundingClientRect().top);`);
      const top = await field();
      await member.keys({ type: hard });
      await see(member, `return !!${checkIn}.querySelector('mutual-crisis-resources');`, 'crisis help');
      expect(await field(), 'the field did not move').to.equal(top);
      const [helpTop, fieldBottom] = await ask<number[]>(
        member,
        `return [${checkIn}.querySelector('mutual-crisis-resources').getBoundingClientRect().top, ${checkIn}.querySelector('#hard').getBoundingClientRect().bottom];`,
      );
      expect(helpTop).to.be.greaterThan(fieldBottom);
      expect(
        await ask<string>(member, `return words(${checkIn}.querySelector('mutual-crisis-resources').shadowRoot);`),
      ).to.include(t('crisis-resources.title', 'If you need to talk to someone now'));
      // On to "Share my check-in" by keyboard alone.
      for (let i = 0; i < 30; i++) {
        if (await ask<boolean>(member, `return deepActive()?.type === 'submit';`)) break;
        await member.keys({ press: ['Tab'] });
      }
      await member.keys({ press: ['Enter'] });
      const sent = await until(
        async () => (await stored({ type: EventTypes.checkinSubmitted }, endpoint)).find((e) => e.data.hard === hard),
        'the check-in stored with its words',
      );
      expect(sent.data).to.include({ mood: 2 });
      await until(
        async () =>
          (await stored({ type: EventTypes.checkinCrisisShown }, endpoint)).some((e) => e.subject === sent.subject),
        'crisis help shown, counted',
      );
      // Help stays; giving back is offered, not pressed on them, and can be passed over.
      await see(member, `return !!${checkIn}.querySelector('#thanks');`, 'the thank-you');
      expect(await ask<boolean>(member, `return !!${checkIn}.querySelector('mutual-crisis-resources');`)).to.equal(
        true,
      );
      expect(await ask<boolean>(member, `return !!${checkIn}.querySelector('textarea');`)).to.equal(false);
      await click(
        member,
        `named('button', ${JSON.stringify(t('check-in.not-now', 'Not today'))}, ${checkIn})`,
        'Not today',
      );
      await see(
        member,
        `return words(${checkIn}.querySelector('#done')) === ${JSON.stringify(t('check-in.skipped', 'That’s okay. Checking in is enough for today.'))};`,
        'passing over, in words that match',
      );
      expect(await ask<boolean>(member, `return !!${checkIn}.querySelector('mutual-crisis-resources');`)).to.equal(
        true,
      );
      expect(await member.axe()).to.deep.equal([]);
    });

    for (const [device, width] of [
      ['a phone', 390],
      ['a desktop', 1280],
    ] as const)
      it(`quick exit on ${device}: one ${width < 640 ? 'tap' : 'Shift, three times'} leaves, and nothing is left on the device`, async () => {
        const member = open('member');
        await visit(member, width);
        await click(member, `deepAll('#story-text')[0]`, 'the story field');
        await member.keys({ type: 'Something I have not told anyone' });
        await see(member, `return Object.keys(localStorage).some((k) => k.startsWith('mutual:'));`, 'the draft kept');
        if (width < 640) {
          // The bar is full-width and sticky at the top: what a thumb reaches first.
          const bar = await ask<{ position: string; width: number }>(
            member,
            `const e = document.querySelector('mutual-quick-exit'); return { position: getComputedStyle(e).position, width: e.getBoundingClientRect().width };`,
          );
          expect(bar.position).to.equal('sticky');
          expect(bar.width).to.be.at.least(width - 20);
          await click(
            member,
            `document.querySelector('mutual-quick-exit').shadowRoot.querySelector('button')`,
            'Leave this site',
          );
        } else {
          await member.keys({ press: ['Shift'] });
          await see(
            member,
            `return words(document.querySelector('mutual-quick-exit').shadowRoot.querySelector('[role="status"]')) === ${JSON.stringify(t('quick-exit.two-more', 'Shift: press 2 more times to leave this site.'))};`,
            'told: 2 more',
          );
          await member.keys({ press: ['Shift', 'Shift'] });
        }
        await see(member, `return location.pathname === '/tests/helpers/neutral.html';`, 'on the neutral page');
        expect(
          await ask<string[]>(member, `return Object.keys(localStorage).filter((k) => k.startsWith('mutual:'));`),
        ).to.deep.equal([]);
        // Back on the community's page later: the draft is gone.
        await ask(member, `setTimeout(() => location.assign(${JSON.stringify(page('index'))})); return true;`);
        await see(member, `return !!deepAll('#story-text')[0];`, 'the story field');
        expect(await ask<string>(member, `return deepAll('#story-text')[0].value;`)).to.equal('');
      });
  });
}
