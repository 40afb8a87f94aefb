// 200 story cards with reactions vs. the same content as static HTML, in the same page.
const N = 200;
const text =
  'The first weeks were the hardest. I kept a list of people I could text when the evenings got long, and one night I finally did. Nobody lectured me. Someone just said me too.';
const root = document.getElementById('root');
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
let longest = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
}).observe({ type: 'longtask', buffered: false });

// Text from the endpoint, as text (the bench's own stories, but written the way a page must).
const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const staticStory = (heading, paragraphs) =>
  `<article><h3>${escape(heading)}</h3><p>Shared by A peer · 3 days ago</p>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}
      <div role="toolbar"><button aria-pressed="false">Me too</button><button aria-pressed="false">I understand</button>
      <button aria-pressed="false">Sending strength</button><button aria-pressed="false">This helped me</button></div>
      <button>Share your experience</button><button>Report</button></article>`;

function staticHtml() {
  const parts = [];
  for (let i = 0; i < N; i++) {
    parts.push(`<article><h3>Story ${i}</h3><p>Shared by A peer · 3 days ago</p><p>${text}</p>
      <div role="toolbar"><button aria-pressed="false">Me too</button><button aria-pressed="false">I understand</button>
      <button aria-pressed="false">Sending strength</button><button aria-pressed="false">This helped me</button></div>
      <button>Share your experience</button><button>Report</button></article>`);
  }
  return parts.join('');
}

const staticBar = () =>
  `<div role="toolbar" aria-label="Reactions"><button aria-pressed="false"><span aria-hidden="true">🤝</span> Me too</button><button aria-pressed="false"><span aria-hidden="true">💛</span> I understand</button><button aria-pressed="false"><span aria-hidden="true">💪</span> Sending strength</button><button aria-pressed="false"><span aria-hidden="true">🌱</span> This helped me</button></div>`;

/** Every node (elements, text, comments) under a root, shadow roots included. */
function nodesUnder(root) {
  let n = 0;
  const walk = (node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      n++;
      walk(c);
    }
    if (node.shadowRoot) walk(node.shadowRoot);
  };
  walk(root);
  return n;
}

async function measure(kind) {
  root.replaceChildren();
  await frame();
  longest = 0;
  const t0 = performance.now();
  if (kind === 'static') {
    root.innerHTML = staticHtml();
  } else if (kind === 'static-bars') {
    root.innerHTML = Array.from({ length: N }, staticBar).join('');
  } else if (kind === 'bars') {
    for (let i = 0; i < N; i++) {
      const bar = document.createElement('mutual-me-too');
      bar.setAttribute('subject', `bench-bar-${i}`);
      bar.setAttribute('counts', '{"me-too":3}');
      root.append(bar);
    }
    await Promise.all([...root.children].map((b) => b.updateComplete));
  } else if (kind === 'static-feed') {
    // The feed's floor without Mutual: the same four pages fetched from the same endpoint, each
    // written as static HTML, and the reader at the end of each page before the next, as below.
    let cursor = '';
    for (let n = 50; n <= N; n += 50) {
      const response = await fetch(
        `/events?stories&limit=50&tag=bench-feed${cursor && `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      const page = await response.json();
      root.insertAdjacentHTML('beforeend', page.stories.map((s) => staticStory(s.heading, s.paragraphs)).join(''));
      cursor = page.next;
      if (n < N) root.lastElementChild.scrollIntoView({ block: 'nearest' });
    }
  } else if (kind === 'feed') {
    // The same 200 stories, published on the endpoint and loaded by <mutual-story-feed> (4 pages of 50).
    const feed = document.createElement('mutual-story-feed');
    feed.setAttribute('endpoint', '/events');
    feed.setAttribute('tag', 'bench-feed');
    feed.setAttribute('page-size', '50');
    root.append(feed);
    const cards = () => feed.shadowRoot.querySelectorAll('mutual-story-card');
    // Each page as soon as it is in (a mutation observer, not polling: a timer would wait behind
    // the cards' render tasks and count the bench's own delay), then "Load more", as a reader would.
    const shown = (n) =>
      new Promise((resolve) => {
        const ready = () =>
          cards().length >= n && feed.shadowRoot.querySelector('[part="base"]').getAttribute('aria-busy') === 'false';
        if (ready()) return resolve();
        const observer = new MutationObserver(() => ready() && (observer.disconnect(), resolve()));
        observer.observe(feed.shadowRoot, { subtree: true, childList: true, attributes: true });
      });
    await feed.updateComplete;
    for (let n = 50; n <= N; n += 50) {
      await shown(n);
      if (n === N) break;
      // A reader presses "Load more" where it is: scrolled to it first, as at the end of a page read.
      const more = feed.shadowRoot.querySelector('.more');
      more.scrollIntoView({ block: 'nearest' });
      more.click();
    }
    await Promise.all([...cards()].map((c) => c.updateComplete));
    await Promise.all([...cards()].map((c) => c.shadowRoot.querySelector('mutual-me-too')?.updateComplete));
  } else {
    for (let i = 0; i < N; i++) {
      const card = document.createElement('mutual-story-card');
      card.setAttribute('story-id', `bench-${i}`);
      card.setAttribute('heading', `Story ${i}`);
      card.setAttribute('published', new Date(Date.now() - 3 * 864e5).toISOString());
      const p = document.createElement('p');
      p.textContent = text;
      card.append(p);
      root.append(card);
    }
    const cards = [...root.children];
    await Promise.all(cards.map((c) => c.updateComplete));
    await Promise.all(cards.map((c) => c.shadowRoot.querySelector('mutual-me-too')?.updateComplete));
  }
  void root.offsetHeight; // force layout
  await frame();
  const ms = performance.now() - t0;
  const nodes = nodesUnder(root) / (kind.includes('bars') ? N : 1);
  await new Promise((r) => setTimeout(r, 50));
  return { ms, longest, nodes };
}

window.measureOnce = measure;
window.runBench = async (rounds = 7) => {
  await customElements.whenDefined('mutual-story-card');
  const kinds = ['static', 'mutual', 'static-feed', 'feed', 'static-bars', 'bars'];
  const results = Object.fromEntries(kinds.map((kind) => [kind, []]));
  for (let i = 0; i < rounds; i++) for (const kind of kinds) results[kind].push(await measure(kind));
  return results;
};
