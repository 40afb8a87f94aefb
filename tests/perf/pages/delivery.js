// 1,000 reaction bars on 1,000 subjects, each pressed once within one second.
const N = 1000;
window.runBench = async (endpoint, run) => {
  await customElements.whenDefined('mutual-me-too');
  localStorage.clear();
  const root = document.getElementById('root');
  const provider = document.createElement('mutual-provider');
  provider.setAttribute('endpoint', endpoint);
  for (let i = 0; i < N; i++) {
    const bar = document.createElement('mutual-me-too');
    bar.setAttribute('subject', `delivery-${run}-${i}`);
    bar.setAttribute('counts', 'hidden');
    provider.append(bar);
  }
  root.append(provider);
  const bars = [...provider.children];
  await Promise.all(bars.map((b) => b.updateComplete));
  const pressed = {};
  const start = performance.now();
  for (let i = 0; i < N; i++) {
    bars[i].shadowRoot.querySelector('button').click();
    pressed[bars[i].subject] = Date.now();
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 90)); // spread over ~1 s
  }
  return { pressed, spreadMs: performance.now() - start };
};

// One reaction bar pressed once, for the outage run: returns when it was pressed.
window.pressOnce = async (endpoint, subject) => {
  await customElements.whenDefined('mutual-me-too');
  const bar = document.createElement('mutual-me-too');
  bar.setAttribute('endpoint', endpoint);
  bar.setAttribute('subject', subject);
  bar.setAttribute('counts', 'hidden');
  document.getElementById('root').append(bar);
  await bar.updateComplete;
  bar.shadowRoot.querySelector('button').click();
  return Date.now();
};
