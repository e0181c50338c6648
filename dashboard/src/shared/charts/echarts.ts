import { BarChart, LineChart, RadarChart, ScatterChart, CustomChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

/** Only the chart types and components the dashboard draws: the bundle stays small. */
use([
  BarChart,
  LineChart,
  RadarChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  DataZoomComponent,
  LabelLayout,
  CanvasRenderer,
]);

export { init, type ECharts, type EChartsCoreOption } from 'echarts/core';
