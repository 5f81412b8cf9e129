import { m } from '../paraglide/messages.js';

/**
 * A chart as a PNG a planner can paste into a report: the chart with its title above and its
 * source and date below, so the picture still says what it is once it leaves the dashboard.
 */
export interface PngCaption {
	title: string;
	subtitle: string;
	source: string;
	date: string;
}

const PAD = 16;
const TITLE = 'bold 16px system-ui, sans-serif';
const SMALL = '12px system-ui, sans-serif';

/** Lines of text no wider than `width` (the title of a DPO indicator is long). */
export function wrap(measure: (text: string) => number, text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		const next = line ? `${line} ${word}` : word;
		if (line && measure(next) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

export function chartToPng(canvas: HTMLCanvasElement, caption: PngCaption): string {
	const width = canvas.width + 2 * PAD;
	const probe = document.createElement('canvas').getContext('2d')!;
	probe.font = TITLE;
	const titleLines = wrap((t) => probe.measureText(t).width, caption.title, width - 2 * PAD);
	const top = PAD + titleLines.length * 20 + 20;
	const out = document.createElement('canvas');
	out.width = width;
	out.height = top + canvas.height + 44;
	const ctx = out.getContext('2d')!;
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.fillStyle = '#1b1f24';
	ctx.font = TITLE;
	titleLines.forEach((l, i) => ctx.fillText(l, PAD, PAD + 14 + i * 20));
	ctx.font = SMALL;
	ctx.fillStyle = '#5b6570';
	ctx.fillText(caption.subtitle, PAD, PAD + titleLines.length * 20 + 10);
	ctx.drawImage(canvas, PAD, top);
	ctx.fillText(m.dash_png_source({ source: caption.source }), PAD, top + canvas.height + 18);
	ctx.fillText(m.dash_png_produced({ date: caption.date }), PAD, top + canvas.height + 34);
	return out.toDataURL('image/png');
}
