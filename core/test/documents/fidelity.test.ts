/**
 * The drafted plans keep the forms' fixed wording: every heading and part title of II.7.A and
 * II.7.B (the catalogue's, itself held word for word against the handbook by
 * core/test/forms-fidelity.test.ts) stands in the Word document, once "năm X" and "X+1" are read
 * as the years the document prints.
 */
import { getForm } from '../../src/forms/registry';
import { formEdition } from '../../src/forms/editions';
import { draftDocument } from '../../src/documents';
import { normaliseForFidelity } from '../handbook';
import { docxContent } from './docx-text';
import { demoPlan } from './plans';

/** The document's text with the plan's years written back as the form writes them. */
function asForm(text: string): string {
  return normaliseForFidelity(text.replace(/2027/g, 'X+1').replace(/2026/g, 'X')).toLowerCase();
}

describe('the drafted plans keep the forms’ fixed wording', () => {
  it.each(['II.7.A', 'II.7.B'] as const)('%s: every heading and part title of the form, in the document', async (kind) => {
    const c = await demoPlan();
    const d = await draftDocument(c.wb, kind);
    const text = asForm((await docxContent(d.bytes)).text);
    const form = formEdition(getForm(kind), '2026-2030');
    const fixed = form.blocks.filter((b) => b.kind === 'text' && (b.style === 'heading' || b.style === 'subtitle')).map((b) => (b.kind === 'text' ? b.text : ''));
    expect(fixed.length).toBeGreaterThan(5);
    const missing = fixed.filter((t) => !text.includes(normaliseForFidelity(t).toLowerCase()));
    expect(missing).toEqual([]);
  });
});
