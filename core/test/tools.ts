/**
 * Tests that need a program outside Node (LibreOffice, poppler-utils, glibc's iconv): scripts/setup.sh
 * installs them. In CI (CI set, as .ci/run runs) a missing program fails the test, so that nothing is
 * skipped there silently; elsewhere the test is skipped and the reason printed once.
 */
import { execFileSync } from 'node:child_process';

/** Path of a command on PATH, or undefined. */
export function which(cmd: string): string | undefined {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** True when the tests run in CI (CI=true or CI=1, as CI services and .ci/run set it). */
export function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

type TestFn = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/**
 * `it` when `missing` is empty. Otherwise: in CI a test that fails naming what is missing; outside CI
 * `it.skip`, with the reason printed (console.warn) and added to the test's name.
 */
export function itWhen(missing: readonly string[]): TestFn {
  if (missing.length === 0) return it;
  const reason = `thiếu ${missing.join(', ')} — chạy scripts/setup.sh`;
  if (inCi()) {
    return (name) =>
      it(name, () => {
        throw new Error(`CI: ${reason}`);
      });
  }
  process.stderr.write(`BỎ QUA (ngoài CI): ${reason}\n`);
  return (name, fn, timeout) => it.skip(`${name} — BỎ QUA: ${reason}`, fn, timeout);
}
