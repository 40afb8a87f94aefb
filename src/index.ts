export * from './core/public.js';
export { MutualProvider } from './provider/define.js';
export { MutualMeToo } from './me-too/define.js';
