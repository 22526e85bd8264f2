/**
 * The parts of an .xlsx (a zip) inflated under a budget. inspect.ts refuses a file whose central
 * directory *says* it inflates past MAX_UNCOMPRESSED_BYTES; but a directory can lie (a 1.4 MB zip
 * claiming a few KB per part inflates to gigabytes), and a part can be damaged (one byte off its
 * declared size, a broken deflate stream). So every part LKH reads is inflated here, chunk by
 * chunk (JSZip's stream, the library ExcelJS itself uses), counting the bytes that actually come
 * out: past the budget the inflation stops and the file is refused; a damaged part refuses the
 * file with a Vietnamese sentence naming the part. Either way as a FileRefused, which the readers
 * turn into the port's PortError: one bad file is one file's failure, never the whole command's.
 */
import JSZip from 'jszip';
import { FileRefused, MAX_UNCOMPRESSED_BYTES, refusalMessage } from './inspect';

/** Globals of browsers and Node that core's ES2022 library does not declare. */
declare const TextDecoder: new (label: string) => { decode(bytes?: Uint8Array, options?: { stream: boolean }): string };
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

/**
 * Raw deflate, inflate and CRC-32 given by the platform: the lkh command gives Node's zlib
 * (core/cli/zip-codec.ts), several times quicker than the pure-JavaScript ones JSZip uses (issue 23:
 * a re-run inflates the commune's plan and deflates twice as many parts as the first run). Without
 * one (the task panes, the tests of the core), JSZip does the work as before. The budget, the sizes
 * a directory declares and the refusals are the same either way.
 */
export interface ZipCodec {
  /** Inflates raw deflate data; undefined when it would give more than `max` bytes (nothing larger is ever held); throws when the data is damaged. */
  inflateRaw(data: Uint8Array, max: number): Uint8Array | undefined;
  /** Deflates raw (no zlib header), at `level` 1 (fastest) … 9 (smallest). */
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

let codec: ZipCodec | undefined;

/** Sets (or, with undefined, removes) the codec every ZipParts uses from now on. */
export function useZipCodec(c: ZipCodec | undefined): void {
  codec = c;
}

/** The codec set by useZipCodec, if any. */
export function zipCodecInUse(): ZipCodec | undefined {
  return codec;
}

/** A part as the zip holds it: its bytes (deflated or stored), declared size and CRC, from JSZip's record of a loaded file. */
interface RawPart {
  readonly method: 0 | 8;
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly crc: number;
}

/** JSZip's record of a part read from a zip (its CompressedObject); undefined for a part added since, or one of another method. */
function rawOf(file: JSZip.JSZipObject): RawPart | undefined {
  const d = (file as unknown as { _data?: { compressedContent?: unknown; compression?: { magic?: unknown }; uncompressedSize?: unknown; crc32?: unknown } })._data;
  if (!d || !(d.compressedContent instanceof Uint8Array) || typeof d.uncompressedSize !== 'number' || typeof d.crc32 !== 'number') return undefined;
  const magic = d.compression?.magic;
  const method = magic === '\x08\x00' ? 8 : magic === '\x00\x00' ? 0 : undefined;
  if (method === undefined) return undefined;
  return { method, bytes: d.compressedContent, size: d.uncompressedSize, crc: d.crc32 >>> 0 };
}

/** A part to write into a zip. */
interface OutPart {
  readonly name: Uint8Array;
  readonly utf8: boolean;
  readonly dir: boolean;
  readonly method: 0 | 8;
  readonly data: Uint8Array;
  readonly size: number;
  readonly crc: number;
  readonly date: Date;
}

/** DOS time and date of a part (UTC, as JSZip writes them; two-second steps; 1980 at the earliest). */
function dosDateTime(d: Date): [number, number] {
  const t = Number.isNaN(d.getTime()) ? new Date(0) : d;
  const year = Math.min(2107, Math.max(1980, t.getUTCFullYear()));
  return [(t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1), ((year - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate()];
}

/** A zip of the given parts (local headers, data, central directory; no zip64: undefined past its limits). */
function zipOf(parts: readonly OutPart[]): Uint8Array | undefined {
  if (parts.length > 0xffff) return undefined;
  let size = 22;
  for (const p of parts) size += 30 + 46 + 2 * p.name.length + p.data.length;
  if (size > 0xffffffff) return undefined;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (p: OutPart, central: boolean, offset: number) => {
    const [time, date] = dosDateTime(p.date);
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // made by: MS-DOS, version 2.0
      at += 2;
    }
    view.setUint16(at, p.method === 8 ? 20 : 10, true);
    view.setUint16(at + 2, p.utf8 ? 0x0800 : 0, true);
    view.setUint16(at + 4, p.method, true);
    view.setUint16(at + 6, time, true);
    view.setUint16(at + 8, date, true);
    view.setUint32(at + 10, p.crc >>> 0, true);
    view.setUint32(at + 14, p.data.length, true);
    view.setUint32(at + 18, p.size, true);
    view.setUint16(at + 22, p.name.length, true);
    view.setUint16(at + 24, 0, true); // extra field
    at += 26;
    if (central) {
      view.setUint16(at, 0, true); // comment
      view.setUint16(at + 2, 0, true); // disk
      view.setUint16(at + 4, 0, true); // internal attributes
      view.setUint32(at + 6, p.dir ? 0x10 : 0, true); // external: MS-DOS folder
      view.setUint32(at + 10, offset, true);
      at += 14;
    }
    out.set(p.name, at);
    at += p.name.length;
  };
  for (const p of parts) {
    offsets.push(at);
    header(p, false, 0);
    out.set(p.data, at);
    at += p.data.length;
  }
  const directory = at;
  parts.forEach((p, i) => header(p, true, offsets[i]));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  view.setUint16(at + 20, 0, true);
  return out;
}

/** Minimal view of JSZip's internal stream (StreamHelper), public API of JSZip 3. */
interface PartStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): PartStream;
  on(event: 'error', fn: (e: Error) => void): PartStream;
  on(event: 'end', fn: () => void): PartStream;
  resume(): PartStream;
  pause(): PartStream;
}

let decoder: InstanceType<typeof TextDecoder> | undefined;

/** What the XML readers take a workbook's parts from: a zip (ZipParts), or a view of one with some parts replaced. */
export interface PartSource {
  /** Names of the parts (folders left out), in the zip's order. */
  names(): string[];
  has(path: string): boolean;
  /** A part's text (UTF-8), or undefined when there is no such part. */
  text(path: string): Promise<string | undefined>;
}

/** The parts kept as text by `verify`: XML and relationships (pictures and other binary parts are only counted). */
const TEXT_PART = /\.(xml|rels)$/i;

function damaged(part: string, detail: string): FileRefused {
  return new FileRefused('damaged', `${refusalMessage('damaged', { part })}\nChi tiết kỹ thuật: ${detail}`);
}

export class ZipParts {
  /** Bytes inflated so far, over every part read. */
  private inflated = 0;
  /** The parts' texts kept by `verify({ keep })`, so that later reads of the same file inflate nothing again. */
  private kept: Map<string, string> | undefined;
  /** Characters in `kept`, and the most it may hold. */
  private keptChars = 0;
  private keepLimit = 0;
  /** Parts `verify({ later })` left to be inflated when first read (or by verifyRest). */
  private readonly unchecked = new Set<string>();

  private constructor(
    private readonly zip: JSZip,
    private readonly budget: number,
  ) {}

  /** The zip's parts, or FileRefused('damaged') when JSZip cannot read its directory. */
  static async open(bytes: Uint8Array, budget = MAX_UNCOMPRESSED_BYTES): Promise<ZipParts> {
    try {
      return new ZipParts(await JSZip.loadAsync(bytes), budget);
    } catch (e) {
      throw damaged('mục lục', (e as Error).message);
    }
  }

  /** Names of the parts (folders left out), in the zip's order. */
  names(): string[] {
    return Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir);
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  /**
   * Inflates one part, calling `chunk` with each piece as it comes (none kept here). Refuses the
   * file when the bytes inflated over all parts pass the budget, or when the part is damaged.
   */
  private inflate(path: string, chunk: (bytes: Uint8Array) => void): Promise<void> {
    const file = this.zip.file(path);
    if (!file) return Promise.resolve();
    // What the directory declares for this part: inflating past it is a lie, stopped at once
    // (JSZip itself only compares the sizes once everything is inflated).
    const declared = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    const limit = typeof declared === 'number' ? declared : Infinity;
    const raw = codec ? rawOf(file) : undefined;
    if (codec && raw) return this.inflateWith(codec, path, raw, limit, chunk);
    let own = 0;
    return new Promise<void>((resolve, reject) => {
      const stream = (file as unknown as { internalStream(type: 'uint8array'): PartStream }).internalStream('uint8array');
      let stopped = false;
      stream
        .on('data', (bytes) => {
          if (stopped) return;
          this.inflated += bytes.length;
          own += bytes.length;
          if (own > limit) {
            stopped = true;
            stream.pause();
            reject(damaged(path, `more than the ${limit} bytes declared`));
            return;
          }
          if (this.inflated > this.budget) {
            stopped = true;
            stream.pause();
            reject(new FileRefused('too-large', refusalMessage('too-large')));
            return;
          }
          try {
            chunk(bytes);
          } catch (e) {
            stopped = true;
            stream.pause();
            reject(e);
          }
        })
        .on('error', (e) => {
          if (stopped) return;
          stopped = true;
          reject(damaged(path, e.message));
        })
        .on('end', () => {
          if (!stopped) resolve();
        })
        .resume();
    });
  }

  /** `inflate` by the platform's codec: the whole part at once, never more than the budget left or the size declared. */
  private async inflateWith(c: ZipCodec, path: string, raw: RawPart, limit: number, chunk: (bytes: Uint8Array) => void): Promise<void> {
    const remaining = Math.max(0, this.budget - this.inflated);
    const max = Math.min(limit, remaining);
    let out: Uint8Array | undefined;
    if (raw.method === 0) out = raw.bytes;
    else {
      try {
        out = c.inflateRaw(raw.bytes, max);
      } catch (e) {
        throw damaged(path, (e as Error).message);
      }
    }
    if (out === undefined || out.length > max) {
      // As the streaming path says it: past what the directory declares, a lie; else past the budget.
      if (limit <= remaining) throw damaged(path, `more than the ${limit} bytes declared`);
      this.inflated = this.budget + 1;
      throw new FileRefused('too-large', refusalMessage('too-large'));
    }
    this.inflated += out.length;
    if (Number.isFinite(limit) && out.length !== limit) throw damaged(path, 'uncompressed data size mismatch');
    chunk(out);
  }

  /** A part's text (UTF-8), or undefined when the zip has no such part. */
  async text(path: string): Promise<string | undefined> {
    const kept = this.kept?.get(path);
    if (kept !== undefined) return kept;
    if (this.unchecked.delete(path)) {
      let text: string | undefined;
      try {
        text = await this.text(path);
      } catch (e) {
        // Still unchecked: verifyRest refuses the file again, naming the part.
        this.unchecked.add(path);
        throw e;
      }
      if (text !== undefined && this.kept && this.keptChars + text.length <= this.keepLimit) {
        this.kept.set(path, text);
        this.keptChars += text.length;
      }
      return text;
    }
    if (!this.has(path)) return undefined;
    if (typeof TextDecoder === 'undefined') {
      // No streaming decoder here (not a browser nor Node): JSZip decodes, after a counting pass.
      await this.inflate(path, () => undefined);
      return (this.zip.file(path) as JSZip.JSZipObject).async('string');
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    await this.inflate(path, (bytes) => {
      chunks.push(bytes);
      length += bytes.length;
    });
    const whole = chunks.length === 1 ? chunks[0] : new Uint8Array(length);
    if (chunks.length !== 1) {
      let at = 0;
      for (const c of chunks) {
        whole.set(c, at);
        at += c.length;
      }
    }
    chunks.length = 0;
    // One decoder for every part (making one costs more than decoding a small part); without
    // `stream`, decode keeps no state between calls.
    decoder ??= new TextDecoder('utf-8');
    return decoder.decode(whole);
  }

  /**
   * Inflates every part: the file's real size and soundness, before a library that trusts the
   * directory opens it. With `keep`, the XML parts' texts are kept too, as long as they hold at most
   * `keep` characters in all (past that none is kept and the check goes on): a re-run reads the
   * commune's plan three times — checked here, its deferred sheets by the XML reader, their XML
   * again when saved — and each read after this one then inflates nothing (issue 23: the re-run).
   * With `keep`, the parts named in `later` (a re-run's deferred sheets, which no library parses)
   * are inflated only when first read, counted then against the same budget, and kept; those never
   * read (the plan's old copies, deleted unread) are never inflated. `verifyRest` inflates them
   * before anything that trusts the directory opens the whole file.
   */
  async verify(options: { readonly keep?: number; readonly later?: ReadonlySet<string> } = {}): Promise<void> {
    const keep = options.keep ?? 0;
    let kept: Map<string, string> | undefined = keep > 0 ? new Map() : undefined;
    let chars = 0;
    const later: string[] = [];
    for (const name of this.names()) {
      if (kept && options.later?.has(name)) later.push(name);
      else if (kept && TEXT_PART.test(name)) {
        const text = (await this.text(name)) ?? '';
        chars += text.length;
        if (chars <= keep) kept.set(name, text);
        else kept = undefined;
      } else await this.inflate(name, () => undefined);
    }
    this.kept = kept;
    this.keptChars = chars;
    this.keepLimit = keep;
    // Nothing kept after all: every part is checked now, as without `keep`.
    if (kept) for (const name of later) this.unchecked.add(name);
    else for (const name of later) await this.inflate(name, () => undefined);
  }

  /** Inflates the parts `verify({ later })` left unread (their texts kept while there is room). */
  async verifyRest(): Promise<void> {
    for (const name of [...this.unchecked]) await this.text(name);
  }

  /** Whether `verify` kept every XML part's text (reading them again inflates nothing). */
  get keepsTexts(): boolean {
    return this.kept !== undefined;
  }

  /** This zip's parts with some replaced by the given texts (the others read from the zip as `text` reads them). */
  withTexts(changes: ReadonlyMap<string, string>): PartSource {
    return {
      names: () => this.names(),
      has: (path) => changes.has(path) || this.has(path),
      text: async (path) => changes.get(path) ?? this.text(path),
    };
  }

  /**
   * Replaces parts' texts (trim.ts, a re-run's spliced copies) and gives the new zip's bytes. The
   * parts not changed keep their compressed bytes; changed ones are deflated at `level`. With the
   * platform's codec the zip is written here: a part stored without compression (what a save writes
   * first, see XlsxWorkbook.save) is deflated at `level` too, and without a level (a zip only handed
   * to ExcelJS to load) the changed parts are stored.
   */
  async rewrite(changes: ReadonlyMap<string, string>, level?: number): Promise<Uint8Array> {
    const written = codec ? assembled(this.zip, codec, changes, level) : undefined;
    if (written) {
      for (const [name, text] of changes) {
        this.zip.file(name, text);
        this.kept?.delete(name);
      }
      return written;
    }
    for (const [name, text] of changes) {
      this.zip.file(name, text);
      this.kept?.delete(name);
    }
    // The parts not changed keep their compressed bytes (JSZip copies them); changed ones are deflated at `level`.
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', ...(level !== undefined ? { compressionOptions: { level } } : {}) });
  }
}

/** The parts of `zip` with `changes` (see ZipParts.rewrite), or undefined when a part's bytes are not at hand (then JSZip writes it). */
function assembled(zip: JSZip, c: ZipCodec, changes: ReadonlyMap<string, string>, level: number | undefined): Uint8Array | undefined {
  const encoder = new TextEncoder();
  const parts: OutPart[] = [];
  const named = (name: string) => {
    const bytes = encoder.encode(name);
    // A name with any letter beyond ASCII takes more bytes than characters: flagged as UTF-8.
    return { name: bytes, utf8: bytes.length !== name.length };
  };
  const changed = (name: string, text: string, date: Date): OutPart => {
    const bytes = encoder.encode(text);
    const crc = c.crc32(bytes) >>> 0;
    const deflate = level !== undefined && bytes.length > 0;
    return { ...named(name), dir: false, method: deflate ? 8 : 0, data: deflate ? c.deflateRaw(bytes, level) : bytes, size: bytes.length, crc, date };
  };
  for (const [name, file] of Object.entries(zip.files)) {
    const text = changes.get(name);
    if (text !== undefined) {
      parts.push(changed(name, text, file.date));
      continue;
    }
    if (file.dir) {
      parts.push({ ...named(name), dir: true, method: 0, data: new Uint8Array(0), size: 0, crc: 0, date: file.date });
      continue;
    }
    const raw = rawOf(file);
    if (!raw) return undefined;
    const deflate = raw.method === 0 && level !== undefined && raw.size > 0;
    parts.push({ ...named(name), dir: false, method: deflate ? 8 : raw.method, data: deflate ? c.deflateRaw(raw.bytes, level) : raw.bytes, size: raw.size, crc: raw.crc, date: file.date });
  }
  const now = new Date();
  for (const [name, text] of changes) if (!(name in zip.files)) parts.push(changed(name, text, now));
  return zipOf(parts);
}

/** Inflates every part of a zip under the budget (see ZipParts.verify). */
export async function verifyZip(bytes: Uint8Array): Promise<void> {
  await (await ZipParts.open(bytes)).verify();
}
