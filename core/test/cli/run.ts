/** Runs the `lkh` command in-process, capturing what it prints. */
import { main } from '../../cli/lkh';

export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
