// A reader's page (opened in a peer tab, possibly in another browser context): one
// <mutual-story-feed> for `?tag=` (and `?page-size=`, `?infinite`), and `headings()` for the test.
import '../../src/story-feed/define.js';

const params = new URLSearchParams(location.search);
let feed = document.createElement('mutual-story-feed');

/** (Re)places the feed, for `tag`: it loads at once. */
function mount(tag = params.get('tag') ?? '') {
  feed.remove();
  feed = document.createElement('mutual-story-feed');
  feed.setAttribute('endpoint', '/events');
  if (tag) feed.setAttribute('tag', tag);
  if (params.get('page-size')) feed.setAttribute('page-size', params.get('page-size')!);
  if (params.has('infinite')) feed.setAttribute('infinite', '');
  document.querySelector('main')!.append(feed);
  return true;
}
mount();

Object.assign(window, {
  mount,
  headings: () => [...feed.shadowRoot!.querySelectorAll('mutual-story-card')].map((c) => c.getAttribute('heading')),
  /** Each card's last action: "Report", or "Take down my story" on the device that wrote it. */
  actions: () =>
    [...feed.shadowRoot!.querySelectorAll('mutual-story-card')].map((c) =>
      c.shadowRoot!.querySelector('.report')?.textContent?.trim(),
    ),
  footer: () => feed.shadowRoot!.querySelector('[part="footer"]')?.textContent?.trim() ?? '',
  retry: () =>
    [...feed.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')?.click(),
});
