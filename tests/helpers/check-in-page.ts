// A page with one check-in, for tests that need a real offline tab or a real reload.
import '../../src/check-in/define.js';

const params = new URLSearchParams(location.search);
const el = document.createElement('mutual-check-in');
el.setAttribute('endpoint', params.get('endpoint')!);
el.setAttribute('check-in-id', params.get('id')!);
document.body.append(el);
