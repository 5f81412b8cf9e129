import { m } from '../paraglide/messages.js';

/**
 * The browser of a session or token in words, for the account pages: enough for someone to
 * recognise their own laptop or phone in the list.
 */

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
	if (!userAgent) return m.dash_browser_unknown();
	const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
	const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
	if (browser && system) return m.dash_browser_on_system({ browser, system });
	return browser ?? system ?? m.dash_browser_unknown();
}
