import type { EChartsCoreOption } from '../../../shared/charts/echarts';

/** A municipality as the map draws it. */
export interface MapPlace {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  /** Sizes the mark. */
  schools: number;
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface MapInput {
  places: MapPlace[];
  colourOf: (value: number | null) => string;
  unit: string;
  /** «ВПР: доля «2» (2025)» — names the colour in tooltips. */
  caption: string;
  /** The region's value, for tooltips. */
  reference: number | null;
  /** Width / height of the drawing area. */
  aspect: number;
}

/**
 * How places become a chart. The bubble layer needs only the centres'
 * coordinates; a choropleth over municipal boundaries (a GeoJSON registered
 * with ECharts' `registerMap` and drawn by a `map` series keyed by `code`) can
 * take the same input and replace it without touching the page.
 */
export type MapLayer = (input: MapInput) => EChartsCoreOption;
