import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LineController,
	LineElement,
	LinearScale,
	PointElement,
	Tooltip
} from 'chart.js';
import { caveatPlugin, intervalPlugin } from './caveats';

// Only what the charts use: chart.js/auto would ship every chart type to slow field links.
Chart.register(
	BarController,
	BarElement,
	LineController,
	LineElement,
	PointElement,
	CategoryScale,
	LinearScale,
	Filler,
	Legend,
	Tooltip,
	caveatPlugin,
	intervalPlugin
);

export { Chart };
