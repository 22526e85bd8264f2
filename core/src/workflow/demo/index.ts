/**
 * The demo commune: six villages' I.2, five departments' II.3 and the upper level's III.1, as
 * the files a commune accountant receives. This file is the folder's public face.
 */
export * from './demo';
