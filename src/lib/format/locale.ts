/**
 * The language numbers and times are written in. One place, so that a translation can switch
 * it; every formatter in this folder reads it, nothing else names a locale.
 */
export const LOCALE = 'en-GB';
