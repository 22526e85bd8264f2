/** @jest-environment jsdom */
/**
 * English complete and remembered (issue 14, fault 7): the choice survives a reload (localStorage,
 * guarded where it is missing or throws), and the consolidation's funding checks and return reasons
 * are shown in English.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConsolidationView } from '../../src/app/actions';
import { LkhPane } from '../../ui';
import { LANG_KEY, rememberLang, rememberedLang, useRememberedLang } from '../../ui/i18n/remembered';
import { consolidation, fakeClient, paneClient } from './fake-client';

/** A host page as the standalone page and the Sheets sidebar hold the language. */
function Host({ client }: { client: ReturnType<typeof fakeClient> }) {
  const [lang, setLang] = useRememberedLang();
  return <LkhPane client={paneClient(client)} lang={lang} onLangChange={setLang} />;
}

afterEach(() => {
  localStorage.clear();
  jest.restoreAllMocks();
});

describe('the language is remembered', () => {
  it('reads and writes its key, ignoring anything else there', () => {
    expect(rememberedLang()).toBeUndefined();
    rememberLang('en');
    expect(localStorage.getItem(LANG_KEY)).toBe('en');
    expect(rememberedLang()).toBe('en');
    localStorage.setItem(LANG_KEY, 'fr');
    expect(rememberedLang()).toBeUndefined();
  });

  it('never throws when storage is missing or refuses', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(rememberedLang(refusing)).toBeUndefined();
    expect(() => rememberLang('en', refusing)).not.toThrow();
    expect(rememberedLang(undefined)).toBeUndefined();
  });

  it('survives a reload of the pane', async () => {
    const first = render(<Host client={fakeClient()} />);
    await screen.findByRole('button', { name: 'Tổng quan' });
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển sang tiếng Anh' }));
    expect(screen.getByRole('button', { name: 'Overview' })).toBeTruthy();
    first.unmount();
    // reloaded: English from the start
    const again = render(<Host client={fakeClient()} />);
    expect(await screen.findByRole('button', { name: 'Overview' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Switch to Vietnamese' }));
    again.unmount();
    render(<Host client={fakeClient()} />);
    expect(await screen.findByRole('button', { name: 'Tổng quan' })).toBeTruthy();
  });

  it('still switches when the page may not use localStorage', async () => {
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    render(<Host client={fakeClient()} />);
    await screen.findByRole('button', { name: 'Tổng quan' });
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển sang tiếng Anh' }));
    expect(screen.getByRole('button', { name: 'Overview' })).toBeTruthy();
  });
});

describe('the consolidation in English', () => {
  it('gives the funding checks and the return reasons in English', async () => {
    const c = fakeClient();
    const base = consolidation();
    const english: ConsolidationView = {
      ...base,
      returned: base.returned.map((r, i) => ({ ...r, reasonEn: i === 0 ? 'Total (70,000) differs from Dân góp + Cần hỗ trợ (60,000)' : 'no activity name' })),
      checks: base.checks.map((x) => ({ ...x, labelEn: `EN ${x.id}`, detailEn: `Detail in English of ${x.id}.` })),
    };
    c.consolidate.mockResolvedValue(english);
    render(<LkhPane client={paneClient(c)} initialTab="consolidate" lang="en" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Consolidate' }));
    await userEvent.click(await screen.findByRole('button', { name: /^Activities returned/u }));
    const returned = screen.getByRole('region', { name: /returned/u });
    expect(within(returned).getByText('Total (70,000) differs from Dân góp + Cần hỗ trợ (60,000)')).toBeTruthy();
    expect(within(returned).getByText('no activity name')).toBeTruthy();
    expect(within(returned).queryByText(/không ghi tên/u)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /^Funding checks/u }));
    expect(screen.getByText('EN village-share')).toBeTruthy();
    expect(screen.getByText('Detail in English of p135.')).toBeTruthy();
    expect(screen.queryByText(/Vốn Chương trình 135 trong mức III\.1/u)).toBeNull();
  });
});
