import { writeFileSync } from 'node:fs';

/** Writes the real pass/fail counts for tests/run.mjs to sum with the other runners. */
export const countingReporter = (results) => ({
  onTestRunFinished({ sessions }) {
    let passed = 0;
    let failed = 0;
    const walk = (suite) => {
      for (const t of suite.tests ?? []) {
        if (t.skipped) continue;
        if (t.passed) passed++;
        else failed++;
      }
      for (const s of suite.suites ?? []) walk(s);
    };
    for (const session of sessions) {
      if (session.testResults) walk(session.testResults);
      // A file that failed to load or threw outside a test counts as one failure.
      if (!session.passed && (session.errors?.length || !session.testResults)) failed++;
    }
    writeFileSync(`${results}/wtr.json`, JSON.stringify({ passed, failed }));
  },
});
