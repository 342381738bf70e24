#!/usr/bin/env node
// Sums the vitest JSON reports of every workspace package and prints the one closing line
// `N passed, N failed`. A package that has a test script but wrote no report (a crash, a missing
// config) counts as one failure, so a broken package can never look green.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const kinds = [
  { script: "test", report: "reports/vitest.json" },
  { script: "test:e2e", report: "reports/vitest-e2e.json" },
];

let passed = 0;
let failed = 0;
for (const group of ["packages", "apps", "tooling"]) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const name of readdirSync(groupDir).sort()) {
    const dir = join(groupDir, name);
    const manifestPath = join(dir, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    for (const { script, report } of kinds) {
      if (!manifest.scripts?.[script]) continue;
      const reportPath = join(dir, report);
      if (!existsSync(reportPath)) {
        console.error(
          `${manifest.name}: \`${script}\` wrote no report (${report}): counted as a failure`,
        );
        failed += 1;
        continue;
      }
      const r = JSON.parse(readFileSync(reportPath, "utf8"));
      const p = r.numPassedTests ?? 0;
      // A test file that failed to load (syntax error, missing import) holds no test results but
      // must still count: one failure per such file.
      const brokenFiles = (r.testResults ?? []).filter(
        (file) =>
          file.status === "failed" &&
          !(file.assertionResults ?? []).some((t) => t.status === "failed"),
      ).length;
      const f = (r.numFailedTests ?? 0) + brokenFiles;
      if ((r.numTotalTests ?? 0) === 0 && f === 0) {
        console.error(`${manifest.name}: \`${script}\` ran no test: counted as a failure`);
        failed += 1;
        continue;
      }
      console.error(`${manifest.name} ${script}: ${p} passed, ${f} failed`);
      passed += p;
      failed += f;
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
