import { urlFlag } from './series-query';

/**
 * `hxl=1` on a CSV download: the HXL hashtag row under the header (docs/formats.md "HXL").
 * The file's name says so (`…-hxl.csv`), so both forms can sit side by side in a folder.
 */
export function hxlWanted(url: URL): boolean {
	return urlFlag.parse(url.searchParams.get('hxl'));
}

/** `name.csv`, or `name-hxl.csv` for the HXL form. */
export function csvFileName(name: string, hxl: boolean): string {
	return `${name.replace(/[^\w.-]+/g, '_')}${hxl ? '-hxl' : ''}.csv`;
}
