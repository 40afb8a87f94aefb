import { build } from 'vite';
import { gzipSync } from 'node:zlib';
process.env.MUTUAL_SIZE_NAME='mutual-loader'; process.env.MUTUAL_SIZE_ENTRY='src/loader.ts';
const r = await build({configFile:'vite.config.ts', mode:'loader', logLevel:'silent', build:{write:false, emptyOutDir:false}});
const chunks = new Map((Array.isArray(r)?r[0]:r).output.filter(o=>o.type==='chunk').map(c=>[c.fileName,c]));
const me = [...chunks.values()].find(c=>c.facadeModuleId?.endsWith('me-too/define.ts'));
const seen=new Set(); const walk=f=>{ if(seen.has(f))return; seen.add(f); chunks.get(f).imports.forEach(walk)}; walk(me.fileName);
for (const f of seen){ const c=chunks.get(f); console.log(f, gzipSync(c.code,{level:9}).length, c.moduleIds.map(m=>m.replace(/.*\/(src|node_modules)\//,'')).join(' '));}
