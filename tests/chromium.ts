/**
 * How every browser test and screenshot launches Chromium: Debian's build (Playwright's own
 * download cannot work on our machines), with the flags it needs as root on a closed network.
 */
export const CHROMIUM_LAUNCH = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run'
	]
};
