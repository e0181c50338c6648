import { formatInt, formatValue } from '../../../shared/format';
import { partsText } from '../../../shared/indicators';
import type { MapInput, MapLayer, MapPlace } from './layer';
import { frameAround, LONGITUDE_SCALE, project, type Frame } from './projection';

const MIN_SIZE = 10;
const MAX_SIZE = 58;
/** East of this the label goes to the left of the mark, or it would leave the frame. */
const LABEL_LEFT_EAST_OF = 86.5;

/** A mark's diameter in pixels: its area grows with the number of schools. */
export function bubbleSize(schools: number, largest: number): number {
  return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, schools) / Math.max(1, largest));
}

/** «Томский район» → «Томский р-н»: labels stay short on the map. */
export function shortPlaceName(name: string): string {
  return name.replace(/ район$/, ' р-н');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function withParts(unit: string, place: MapPlace): string {
  const parts = partsText(unit, place.numerator, place.denominator);
  return parts ? ` (${parts})` : '';
}

function tooltip(place: MapPlace, input: MapInput): string {
  const value =
    place.value === null
      ? 'нет данных'
      : `<b>${formatValue(place.value, input.unit)}</b>` + withParts(input.unit, place);
  const lines = [`<b>${escapeHtml(place.name)}</b>`, `${escapeHtml(input.caption)}: ${value}`];
  if (input.reference !== null) lines.push(`Регион: ${formatValue(input.reference, input.unit)}`);
  lines.push(
    `Школ: ${formatInt(place.schools)}`,
    '<span style="color:#5b6475">Нажмите — страница муниципалитета</span>',
  );
  return lines.join('<br>');
}

/** Parallels and meridians every two degrees, faint, so the frame reads as a map. */
function graticule(frame: Frame) {
  const lines: object[] = [];
  const style = { color: '#d3d9e2', type: 'dashed' as const, width: 1 };
  const label = (text: string, position: string) => ({
    formatter: text,
    position,
    color: '#8a93a3',
    fontSize: 10,
  });
  for (let lat = Math.ceil(frame.y[0] / 2) * 2; lat <= frame.y[1]; lat += 2) {
    lines.push({ yAxis: lat, lineStyle: style, label: label(`${lat}° с. ш.`, 'insideStartTop') });
  }
  const [west, east] = [frame.x[0] / LONGITUDE_SCALE, frame.x[1] / LONGITUDE_SCALE];
  // A meridian hugging an edge would have its label cut.
  for (let lon = Math.ceil((west + 0.7) / 2) * 2; lon <= east - 0.7; lon += 2) {
    lines.push({ xAxis: lon * LONGITUDE_SCALE, lineStyle: style, label: label(`${lon}° в. д.`, 'end') });
  }
  return { silent: true, symbol: 'none', animation: false, data: lines };
}

/**
 * Municipal centres on a plain latitude/longitude frame: area by the number of
 * schools, colour by the indicator. Larger marks are drawn first so that small
 * neighbours (Северск beside Томск) stay on top and clickable.
 */
export const bubbleLayer: MapLayer = (input) => {
  const largest = Math.max(1, ...input.places.map((p) => p.schools));
  const places = [...input.places].sort((a, b) => b.schools - a.schools);
  const points = places.map((p) => project(p.latitude, p.longitude));
  const frame = frameAround(points, input.aspect);
  const hidden = { show: false };
  return {
    animationDuration: 500,
    animationDurationUpdate: 600,
    // Room above for the meridians' labels.
    grid: { left: 0, right: 0, top: 16, bottom: 0 },
    xAxis: { type: 'value', min: frame.x[0], max: frame.x[1], ...hidden, splitLine: hidden },
    yAxis: { type: 'value', min: frame.y[0], max: frame.y[1], ...hidden, splitLine: hidden },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { dataIndex: number }) => tooltip(places[p.dataIndex]!, input),
    },
    series: [
      {
        type: 'scatter',
        cursor: 'pointer',
        data: places.map((place, i) => ({
          value: points[i],
          key: place.code,
          name: place.name,
          symbolSize: bubbleSize(place.schools, largest),
          label: { position: place.longitude > LABEL_LEFT_EAST_OF ? 'left' : 'right' },
          itemStyle: {
            color: input.colourOf(place.value),
            borderColor: place.value === null ? '#9aa3b2' : '#ffffff',
            borderWidth: 1.5,
            borderType: place.value === null ? 'dashed' : 'solid',
            shadowBlur: 4,
            shadowColor: 'rgba(29, 36, 51, 0.25)',
          },
        })),
        markLine: graticule(frame),
        label: {
          show: true,
          distance: 4,
          fontSize: 11,
          color: '#1d2433',
          textBorderColor: '#ffffff',
          textBorderWidth: 3,
          formatter: (p: { dataIndex: number }) => shortPlaceName(places[p.dataIndex]!.name),
        },
        labelLayout: { hideOverlap: true },
        emphasis: { scale: 1.15, label: { fontWeight: 'bold' } },
      },
    ],
  };
};
