/** In-memory ports and named builders for app tests (see each file for what its fake does and does not emulate). */
export { aMailbox, aRow, aRun, aTracker, DAY_MS, day, daysAgo, ME, NOW, type RowSpec, type TestRun } from './builders';
export { FakeClock, FakeLock } from './clock';
export { InMemoryMailbox } from './mailbox';
export { FakeScheduler, InMemoryStore } from './store';
export { InMemorySheet, InMemoryWorkbook } from './tracker';
export { FakeUi, type Shown } from './ui';
