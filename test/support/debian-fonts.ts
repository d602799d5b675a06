// The Debian fonts the producers set reports in (src/corpus/producers/fonts.ts),
// installed when missing: a test that lays out or renders a producer's report
// measures with them, and the README's test command must pass on a fresh
// machine, not only under .ci/run.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { FONTS } from "../../src/corpus/producers/fonts.js";

export function ensureDebianFonts(): void {
  const missing = Object.values(FONTS).filter((f) => f.debian !== undefined && !f.files().every((file) => existsSync(file)));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((f) => f.debian!))];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execFileSync("apt-get", ["update"], { stdio: "ignore", env });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { stdio: "ignore", env });
  } catch (err) {
    throw new Error(`Expected Debian's ${packages.join(" ")} (the producers' fonts), and apt-get could not install them: ${err instanceof Error ? err.message : String(err)}`);
  }
}
