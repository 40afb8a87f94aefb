import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/admin.js';
import type { MutualCommunityPulse } from '../../src/community-pulse/community-pulse.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { emulateMedia, expectAxeClean } from '../helpers/browser.js';
import { TEST_MODERATOR_TOKEN, until } from '../helpers/collector.js';

/** The admin elements' own community (a separate collector and SQLite file), so counts are exact. */
let endpoint = '';
const auth = { authorization: `Bearer ${TEST_MODERATOR_TOKEN}` };

async function post(events: ReturnType<typeof createEnvelope>[]) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents-batch+json' },
    body: JSON.stringify(events),
  });
  expect(res.status).to.equal(200);
}

describe('<mutual-community-pulse>', () => {
  before(async () => {
    endpoint = await executeServerCommand<string, object>('mutual:standalone-url', {});
    const checkIn = (mood: number) =>
      createEnvelope(
        EventTypes.checkinSubmitted,
        { mood, hard: 'private', helped: '', topics: [] },
        { source: location.href, subject: 'pulse' },
      );
    const crisis = () =>
      createEnvelope(EventTypes.checkinCrisisShown, { trigger: 'mood' }, { source: location.href, subject: 'pulse' });
    await post([...Array.from({ length: 7 }, () => checkIn(4)), ...Array.from({ length: 3 }, () => crisis())]);
  });

  it('shows what was stored: the chart’s table reads the same numbers as the endpoint, a bucket of 3 reads "fewer than 5"', async () => {
    const api = (await (await fetch(`${endpoint}/moderation/pulse?days=30`, { headers: auth })).json()) as {
      days: { day: string; checkins: number | string; crisisShown: number | string }[];
    };
    const today = api.days.at(-1)!;
    expect(today.crisisShown).to.equal('<5');
    const el = await fixture<MutualCommunityPulse>(
      html`<mutual-community-pulse endpoint=${endpoint} .token=${TEST_MODERATOR_TOKEN}></mutual-community-pulse>`,
    );
    await until(() => el.shadowRoot!.querySelector('figure'), 'charts');
    const cell = (series: string) =>
      el.shadowRoot!.querySelector(`figure[aria-labelledby="${series}-title"] tbody tr:last-child td`)!.textContent;
    expect(
      el.shadowRoot!.querySelector('figure[aria-labelledby="checkins-title"] tbody tr:last-child th')!.textContent,
    ).to.equal(today.day);
    expect(cell('checkins')).to.equal(String(today.checkins));
    expect(Number(cell('checkins'))).to.be.at.least(7);
    expect(cell('crisisShown')).to.equal('fewer than 5');
    const rows = [...el.shadowRoot!.querySelectorAll('figure[aria-labelledby="checkins-title"] tbody tr')];
    expect(rows.map((r) => r.querySelector('td')!.textContent)).to.deep.equal(
      api.days.map((d) => (d.checkins === '<5' ? 'fewer than 5' : String(d.checkins))),
    );
    expect(el.shadowRoot!.querySelector('#checkins-summary')!.textContent).to.match(
      /^Check-ins this week: \d+, up from 0\.$/,
    );
    // Moods are named as members chose them, not "Mood 4".
    const moods = [...el.shadowRoot!.querySelectorAll('table[aria-label="Check-ins by mood"] th')].map(
      (th) => th.textContent,
    );
    expect(moods).to.include('Doing okay');
    expect(moods.every((m) => !/^Mood \d/.test(m!))).to.equal(true);
    expect(el.shadowRoot!.querySelector('#crisisShown-summary')!.textContent).to.equal(
      'Crisis help shown this week: 1–4, up from 0.',
    );
    await expectAxeClean(el);
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    try {
      const bar = el.shadowRoot!.querySelector('figure[aria-labelledby="checkins-title"] rect:last-of-type')!;
      expect(getComputedStyle(bar).fill).not.to.equal('none');
      await expectAxeClean(el);
    } finally {
      await emulateMedia([]);
    }
  });

  it('time to a first look: the crisis and all-items tables read the endpoint’s median and p90, this week against last', async () => {
    const text = (words: string) =>
      createEnvelope(EventTypes.checkinEncouragement, { text: words }, { source: location.href, subject: 'daily' });
    await post([text(`Nobody would miss me ${Math.random()}`), text(`The walk helped ${Math.random()}`)]);
    const queue = (await (
      await fetch(`${endpoint}/moderation/queue?state=pending&kind=encouragement&flagged=true&limit=1`, {
        headers: auth,
      })
    ).json()) as { items: { seq: number }[] };
    await new Promise((r) => setTimeout(r, 1100));
    // A moderator opens the crisis post: that is its first look.
    await fetch(`${endpoint}/moderation/items/${queue.items[0].seq}/claim`, { method: 'POST', headers: auth });
    const { firstLook } = (await (await fetch(`${endpoint}/moderation/pulse`, { headers: auth })).json()) as {
      firstLook: Record<
        string,
        Record<string, { looked: number; waiting: number; medianSeconds: number | null; p90Seconds: number | null }>
      >;
    };
    expect(firstLook.crisis.thisWeek.looked).to.be.at.least(1);
    expect(firstLook.crisis.thisWeek.medianSeconds).to.be.at.least(1);
    const el = await fixture<MutualCommunityPulse>(
      html`<mutual-community-pulse endpoint=${endpoint} .token=${TEST_MODERATOR_TOKEN}></mutual-community-pulse>`,
    );
    const section = await until(() => el.shadowRoot!.querySelector('.looks'), 'the first-look tables');
    expect(section.querySelector('[role="heading"]')!.textContent).to.equal('Time to a first look');
    const duration = (s: number | null) =>
      s === null
        ? 'none yet'
        : new Intl.NumberFormat('en', {
            style: 'unit',
            unit: s < 90 ? 'second' : s < 5400 ? 'minute' : 'hour',
            unitDisplay: 'short',
            maximumFractionDigits: 1,
          }).format(s < 90 ? s : s < 5400 ? s / 60 : s / 3600);
    const tables = [...section.querySelectorAll('table')];
    expect(tables.map((t) => t.caption!.textContent)).to.deep.equal([
      'Posts with crisis language',
      'Everything members wrote',
    ]);
    const cells = (table: HTMLTableElement) =>
      [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));
    for (const [table, which] of [
      [tables[0], 'crisis'],
      [tables[1], 'all'],
    ] as const) {
      const w = firstLook[which];
      expect(cells(table)).to.deep.equal([
        ['Half were seen within', duration(w.thisWeek.medianSeconds), duration(w.lastWeek.medianSeconds)],
        ['9 in 10 were seen within', duration(w.thisWeek.p90Seconds), duration(w.lastWeek.p90Seconds)],
        ['Seen', String(w.thisWeek.looked), String(w.lastWeek.looked)],
        ['Not yet opened', String(w.thisWeek.waiting), String(w.lastWeek.waiting)],
      ]);
    }
    expect(section.querySelector('p')!.textContent).to.contain(
      `half of the posts with crisis language were first seen by a moderator within ${duration(firstLook.crisis.thisWeek.medianSeconds)}.`,
    );
    await expectAxeClean(el);
    el.setAttribute('locale', 'ar');
    el.setAttribute('theme', 'dark');
    await until(
      () => el.shadowRoot!.querySelector('.looks [role="heading"]')?.textContent === 'الوقت حتى أول نظرة',
      'in Arabic',
    );
    await expectAxeClean(el);
  });

  it('a quiet community: each series says "None in the last 14 days", with no empty chart or table of zeros', async () => {
    const el = await fixture<MutualCommunityPulse>(
      html`<mutual-community-pulse endpoint="/journey-quiet/events" days="14" .token=${TEST_MODERATOR_TOKEN}></mutual-community-pulse>`,
    );
    await until(() => el.shadowRoot!.querySelector('figure'), 'charts');
    const figures = [...el.shadowRoot!.querySelectorAll('figure')];
    expect(figures.map((f) => f.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(
      ['Check-ins', 'Reactions', 'Responses', 'Reports', 'Crisis help shown'].map(
        (s) => `${s} None in the last 14 days.`,
      ),
    );
    expect(el.shadowRoot!.querySelectorAll('svg, details').length).to.equal(0);
    expect(el.shadowRoot!.querySelector('.looks')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Time to a first look Nothing members wrote arrived in the last two weeks.',
    );
    expect(el.shadowRoot!.querySelectorAll('table').length).to.equal(1, 'only the moods');
    for (const f of figures) expect(f.getBoundingClientRect().height).to.be.below(80);
    await expectAxeClean(el);
  });

  it('needs a moderator token: without one it asks for it (no error), then loads once it is set', async () => {
    const el = await fixture<MutualCommunityPulse>(
      html`<mutual-community-pulse endpoint=${endpoint}></mutual-community-pulse>`,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot!.textContent).to.contain('Sign in with your moderator token to see the community’s pulse.');
    el.token = TEST_MODERATOR_TOKEN;
    await until(() => el.shadowRoot!.querySelector('table'), 'the pulse loaded');
  });

  it('a wrong moderator token: it says so, with Try again', async () => {
    const el = await fixture<MutualCommunityPulse>(
      html`<mutual-community-pulse endpoint=${endpoint} .token=${'wrong-token-0123456789abcdef'}></mutual-community-pulse>`,
    );
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'error');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
      'The pulse could not be loaded (not allowed).',
    );
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Try again');
  });
});
