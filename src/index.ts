export * from './core/public.js';
export { MutualProvider } from './provider/define.js';
