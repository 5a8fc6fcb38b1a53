import { PGlite } from '@electric-sql/pglite';
let t=Date.now();
const a = await PGlite.create();
console.log('create', Date.now()-t); t=Date.now();
await a.exec('create table x(id int)');
const b = await a.clone();
console.log('clone', Date.now()-t); t=Date.now();
const c = await PGlite.create();
console.log('create2', Date.now()-t); t=Date.now();
try { await c.query('select 1/0') } catch(e) { console.log(e.constructor.name, e.code, Object.keys(e)) }
await a.close();
try { await a.query('select 1') } catch(e) { console.log(e.constructor.name, e.code, e.message) }
