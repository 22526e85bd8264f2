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

/** A global of browsers and Node that core's ES2022 library does not declare. */
declare const TextDecoder: new (label: string) => { decode(bytes?: Uint8Array, options?: { stream: boolean }): string };

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

  /** Replaces a part's text (for trim.ts) and gives the new zip's bytes. */
  async rewrite(changes: ReadonlyMap<string, string>, level?: number): Promise<Uint8Array> {
    for (const [name, text] of changes) {
      this.zip.file(name, text);
      this.kept?.delete(name);
    }
    // The parts not changed keep their compressed bytes (JSZip copies them); changed ones are deflated at `level`.
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', ...(level !== undefined ? { compressionOptions: { level } } : {}) });
  }
}

/** Inflates every part of a zip under the budget (see ZipParts.verify). */
export async function verifyZip(bytes: Uint8Array): Promise<void> {
  await (await ZipParts.open(bytes)).verify();
}
