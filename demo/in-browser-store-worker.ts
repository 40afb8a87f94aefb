// The static demo's store, kept in this browser's IndexedDB and shared by every tab of the demo:
// PGlite runs in one tab's worker (the leader), the others talk to it (PGliteWorker).
import { PGlite } from '@electric-sql/pglite';
import { worker } from '@electric-sql/pglite/worker';

void worker({ init: () => PGlite.create('idb://mutual-demo') });
