/**
 * Node's zlib as the zip codec of the lkh command (core/src/xlsx/zip.ts ZipCodec): raw inflate,
 * deflate and CRC-32 in native code, several times quicker than the JavaScript ones JSZip brings
 * (issue 23: a re-run over the commune's plan inflates the plan and deflates twice as many parts
 * as a first run). The task panes keep JSZip's; the budget and every refusal are the same.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ZipCodec } from '../src/xlsx/zip';

/** Whether zlib refused to give more than maxOutputLength bytes (Node's ERR_BUFFER_TOO_LARGE). */
function tooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}

export const nodeZipCodec: ZipCodec = {
  inflateRaw(data, max) {
    try {
      // maxOutputLength bounds what zlib allocates: a part that lies about its size stops there.
      return inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
    } catch (e) {
      if (tooLarge(e)) return undefined;
      throw e;
    }
  },
  deflateRaw: (data, level) => deflateRawSync(data, { level }),
  crc32: (data) => crc32(data),
};
