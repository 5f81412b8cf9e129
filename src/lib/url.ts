/** A query string with one parameter set (or removed, for null), the others kept: for links. */
export function withParam(search: string, name: string, value: string | null): string {
	const params = new URLSearchParams(search);
	if (value === null) params.delete(name);
	else params.set(name, value);
	return `?${params}`;
}
