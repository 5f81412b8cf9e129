/**
 * The language the command line writes in: `--lang fr|en` anywhere on the line, else the
 * POSIX locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: `fr_FR.UTF-8` is French), else
 * English. Only the words change: exit codes, --json keys and values, and CSV output never do.
 */
import { BASE_LOCALE, localeOf, type Locale } from '../lib/i18n/locales';
import { m } from '../lib/paraglide/messages.js';
import { UsageError } from './usage';

/** The line without its `--lang`, and the language chosen. */
export function cliLocale(
	argv: readonly string[],
	env: NodeJS.ProcessEnv = process.env
): { locale: Locale; argv: string[] } {
	const rest: string[] = [];
	let flag: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') {
			rest.push(...argv.slice(i));
			break;
		}
		if (arg === '--lang') flag = argv[++i] ?? '';
		else if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
		else rest.push(arg);
	}
	if (flag !== undefined) {
		const locale = flag === 'en' || flag === 'fr' ? flag : undefined;
		if (!locale) throw new UsageError(m.impmsg_cli_lang_bad({ value: flag }));
		return { locale, argv: rest };
	}
	// the first of these that is set decides, as POSIX programs read them
	const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
	return { locale: localeOf(posix) ?? BASE_LOCALE, argv: rest };
}
