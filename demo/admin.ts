import '../src/all.js';
import '../src/admin.js';
import './lit-dev-mode.js';

const queue = document.querySelector('mutual-moderation-queue')!;
const pulse = document.querySelector('mutual-community-pulse')!;
document.getElementById('sign-in')!.addEventListener('submit', (e) => {
  e.preventDefault();
  const input = document.getElementById('token') as HTMLInputElement;
  queue.token = input.value.trim();
  pulse.token = queue.token;
  input.value = '';
  void queue.updateComplete.then(() => (queue.shadowRoot!.querySelector('#title') as HTMLElement | null)?.focus());
});
