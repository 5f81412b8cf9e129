/**
 * How the account pages write times and browsers. Times are written in UTC, the same on the
 * server and in the browser, so the page does not change under the reader when it hydrates.
 */

/** `2026-03-04 14:05 UTC` for milliseconds since the epoch. */
export function timeText(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function isoTime(ms: number): string {
	return new Date(ms).toISOString();
}

const BROWSERS: [RegExp, string][] = [
	[/\bEdg(?:e|A|iOS)?\//, 'Edge'],
	[/\bOPR\//, 'Opera'],
	[/\bFirefox\//, 'Firefox'],
	[/\bHeadlessChrome\//, 'Headless Chrome'],
	[/\bChromium\//, 'Chromium'],
	[/\bChrome\//, 'Chrome'],
	[/\bSafari\//, 'Safari'],
	[/^curl\//, 'curl']
];

const SYSTEMS: [RegExp, string][] = [
	[/\bAndroid\b/, 'Android'],
	[/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux']
];

/**
 * "Firefox on Windows": enough for someone to recognise their own laptop or phone in the list
 * of their sessions; the full user-agent string is shown beside it for the curious.
 */
export function browserText(userAgent: string | null): string {
	if (!userAgent) return 'Unknown browser';
	const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
	const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
	if (browser && system) return `${browser} on ${system}`;
	return browser ?? system ?? 'Unknown browser';
}
