/**
 * The words of the project's rules templates in the reader's language. The templates
 * themselves (their rules) live in server/lists/templates.ts; their title, description and
 * origin are page text, so the page words them. A template this table does not know is shown
 * as the template says.
 */
import { m } from '$lib/paraglide/messages.js';

interface TemplateWords {
	id: string;
	title: string;
	description: string;
	origin: string;
}

const WORDS: Record<
	string,
	{ title: () => string; description: () => string; origin: () => string }
> = {
	'ucdp-ged': {
		title: m.fw_template_ucdp_ged_title,
		description: m.fw_template_ucdp_ged_description,
		origin: m.fw_template_ucdp_ged_origin
	},
	acled: {
		title: m.fw_template_acled_title,
		description: m.fw_template_acled_description,
		origin: m.fw_template_acled_origin
	},
	'kobo-perception': {
		title: m.fw_template_kobo_perception_title,
		description: m.fw_template_kobo_perception_description,
		origin: m.fw_template_kobo_perception_origin
	},
	'alert-register': {
		title: m.fw_template_alert_register_title,
		description: m.fw_template_alert_register_description,
		origin: m.fw_template_alert_register_origin
	}
};

export function templateText(t: TemplateWords): Omit<TemplateWords, 'id'> {
	const words = WORDS[t.id];
	if (!words) return { title: t.title, description: t.description, origin: t.origin };
	return { title: words.title(), description: words.description(), origin: words.origin() };
}
