/**
 * The one place chart.js is imported for drawing. Only the pieces the five charts use are
 * registered (never `chart.js/auto`), which keeps the bundle small.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

Chart.register(
  LineController,
  BarController,
  ScatterController,
  LineElement,
  PointElement,
  BarElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Legend,
  Tooltip,
);

export { Chart };
export type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
