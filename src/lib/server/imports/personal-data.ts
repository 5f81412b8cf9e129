import { m } from '../../paraglide/messages.js';
import { formatHashtag, type Hashtag } from '../../domain/hxl';
import { questionName } from '../../domain/lists/list-columns';
import type { TableHeader } from './read-table';

/**
 * Do no harm: the product holds aggregate figures only. A file carrying a column that names or
 * reaches a person (victim, witness, informant…) is refused before anything of it is read.
 */
const PERSONAL_HEADERS = new Set([
	'name',
	'first_name',
	'last_name',
	'surname',
	'full_name',
	'given_name',
	'family_name',
	'victim',
	'victim_name',
	'witness',
	'witness_name',
	'informant',
	'informant_name',
	'phone',
	'phone_number',
	'telephone',
	'mobile',
	'email',
	'e_mail',
	'national_id',
	'id_number',
	'passport',
	'passport_number',
	'address',
	'home_address',
	'date_of_birth',
	'dob',
	'birth_date'
]);

/** Columns of the product's files that end in `_name` and are not personal (a site names a place). */
const CONTRACT_NAME_COLUMNS = new Set(['area_name', 'site_name']);

export function isPersonalDataHeader(normalised: string): boolean {
	if (PERSONAL_HEADERS.has(normalised)) return true;
	return normalised.endsWith('_name') && !CONTRACT_NAME_COLUMNS.has(normalised);
}

/**
 * A list's narrower rule (formats.md §5.2): a header that is one of the names above refuses it,
 * while other headers ending in `_name` are allowed (UCDP's `conflict_name`, `dyad_name` name
 * conflicts, not people). A survey question inside a group (`group_respondent/name`) is judged
 * by its own name: the group does not make a name less personal.
 */
export function isPersonalDataHeaderInList(normalised: string): boolean {
	if (PERSONAL_HEADERS.has(normalised)) return true;
	const question = questionName(normalised);
	return question !== null && PERSONAL_HEADERS.has(question);
}

/**
 * HXL tags that reach a person whatever the header says (docs/formats.md "HXL"): a `#contact`'s
 * name, and anyone's phone number or email address (`#contact+phone`, `#x+email`).
 */
export function isPersonalDataTag(tag: Hashtag): boolean {
	const has = (a: string) => tag.attributes.includes(a);
	return (tag.tag === 'contact' && has('name')) || has('phone') || has('email');
}

/**
 * The first column of a file (or a list) that looks like personal data, as written — by its
 * header, or by its HXL tag (`Focal point #contact+name`) — or null.
 */
export function personalDataColumn(header: TableHeader, list: boolean): string | null {
	const byName = header.headers.find(list ? isPersonalDataHeaderInList : isPersonalDataHeader);
	if (byName) return header.rawHeaders[header.headers.indexOf(byName)] ?? byName;
	const at = header.tags?.findIndex((t) => t !== null && isPersonalDataTag(t)) ?? -1;
	if (at === -1) return null;
	const tag = formatHashtag(header.tags![at]!);
	const raw = header.rawHeaders[at] ?? '';
	return raw && raw.toLowerCase() !== tag ? `${raw} ${tag}` : tag;
}

export function personalDataMessage(header: string): string {
	return m.impmsg_personal_data({ column: header });
}
