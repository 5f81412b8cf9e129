import type { ChartConfiguration } from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';
import { Chart } from './register';

/**
 * Draws a chart on a canvas: created once, updated in place when the configuration changes,
 * destroyed with the element. Chart.js mutates its config, so it gets plain snapshots.
 */
export function chart<T extends ChartConfiguration<'line' | 'bar'>>(
	getConfig: () => T
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const instance = new Chart(
			canvas,
			untrack(() => $state.snapshot(getConfig())) as ChartConfiguration
		);
		$effect(() => {
			const next = $state.snapshot(getConfig()) as ChartConfiguration;
			instance.data = next.data;
			instance.options = next.options ?? {};
			instance.update('none');
		});
		return () => instance.destroy();
	};
}
