import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The handbook text (a copy of the official handbook, flattened from Word), normalised for comparison. */
export function handbookText(): string {
  return readFileSync(join(__dirname, 'fixtures', 'handbook', 'so-tay-lap-ke-hoach-ctmtqg.txt'), 'utf8');
}

/**
 * Normalises text for the fidelity comparison: NFC; bookmarks and footnote bodies removed;
 * dotted leaders ("………", "....") dropped; every run of whitespace one space.
 */
export function normaliseForFidelity(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .replace(/\[footnoteRef:\d+\]\s*\[\d+:[^\]]*\]/g, ' ')
    .replace(/\[footnoteRef:\d+\]/g, ' ')
    .replace(/[….]{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
