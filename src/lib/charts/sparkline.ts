/**
 * The SVG path of a sparkline: a few hundred bytes instead of a chart library, so the overview
 * stays light on a field connection. Gaps (null) break the line.
 */
export function sparklinePath(
	values: readonly (number | null)[],
	width: number,
	height: number
): string {
	const present = values.filter((v): v is number => v !== null);
	if (present.length === 0) return '';
	const min = Math.min(...present);
	const max = Math.max(...present);
	const span = max - min || 1;
	const x = (i: number) => (values.length === 1 ? width / 2 : (i / (values.length - 1)) * width);
	const y = (v: number) => height - ((v - min) / span) * height;
	let path = '';
	let drawing = false;
	values.forEach((v, i) => {
		if (v === null) {
			drawing = false;
			return;
		}
		path += `${drawing ? 'L' : 'M'}${round(x(i))} ${round(y(v))}`;
		drawing = true;
	});
	return path;
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
