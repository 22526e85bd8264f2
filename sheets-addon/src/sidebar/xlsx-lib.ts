/**
 * The sidebar's ExcelJS part, built by scripts/build-sheets.mjs as a bundle of its own
 * (XlsxLib.html) and loaded by xlsx-loader.ts on the first upload or download: the sidebar
 * opens without ExcelJS, which is most of its weight (issue 13). Loading this module registers
 * the library on the page (and, in tests, in the process).
 */
import { draftFile } from '../../../core/src/app/documents';
import { exportPackage, layoutsAsZip, xlsxAsLayouts } from '../../../core/src/app/transfer';
import type { XlsxLib } from './xlsx-loader';
import { XLSX_LIB_GLOBAL } from './xlsx-loader';

const lib: XlsxLib = { xlsxAsLayouts, exportPackage, draftFile, layoutsAsZip };
(globalThis as Record<string, unknown>)[XLSX_LIB_GLOBAL] = lib;
