import type { Direction } from '../indicators';

/**
 * Blue for better than the region, orange for worse (Okabe–Ito ends, safe with
 * colour-blindness), a neutral grey for "like the region". Counts, which are
 * not compared as rates, run from light to strong in one hue.
 */
const BETTER = '#0072b2';
const BETTER_LIGHT = '#8dbfe0';
const LIKE = '#dde2ea';
const WORSE_LIGHT = '#f1b07a';
const WORSE = '#d55e00';
const COUNT_LIGHT = '#d4e6f3';

export interface ColourScale {
  /** Colour of a value; null (no data) is a hatched grey the caller draws. */
  colourOf(value: number | null | undefined): string;
  /** Stops from the left end of the legend to the right, and the values at its ends. */
  stops: string[];
  min: number;
  max: number;
  /** The value drawn in the middle of a diverging legend (the region's). */
  reference: number | null;
  /** What the legend's ends mean. */
  lowText: string;
  highText: string;
}

export const NO_DATA_COLOUR = '#f4f6f9';

function hex(colour: string): [number, number, number] {
  const n = parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(stops: string[], t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const span = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(span));
  const [a, b] = [hex(stops[i]!), hex(stops[i + 1]!)];
  const f = span - i;
  const channel = (k: number) =>
    Math.round(a[k]! + (b[k]! - a[k]!) * f)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/**
 * A scale for one indicator's values across places: diverging around the
 * region's value for rates with a good direction, sequential otherwise.
 */
export function colourScale(
  values: (number | null | undefined)[],
  reference: number | null | undefined,
  direction: Direction,
  rate: boolean,
): ColourScale {
  const present = values.filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  if (rate && direction !== 'neutral' && reference !== null && reference !== undefined) {
    // Piecewise: the region sits in the middle, each side stretches to the
    // farthest place on that side, so the legend's ends are real values.
    const min = Math.min(reference, ...present);
    const max = Math.max(reference, ...present);
    const stops =
      direction === 'lower'
        ? [BETTER, BETTER_LIGHT, LIKE, WORSE_LIGHT, WORSE]
        : [WORSE, WORSE_LIGHT, LIKE, BETTER_LIGHT, BETTER];
    const position = (v: number) =>
      v < reference
        ? 0.5 - (0.5 * (reference - v)) / Math.max(1e-9, reference - min)
        : 0.5 + (0.5 * (v - reference)) / Math.max(1e-9, max - reference);
    return {
      colourOf: (v) => (v === null || v === undefined ? NO_DATA_COLOUR : mix(stops, position(v))),
      stops,
      min,
      max,
      reference,
      lowText: direction === 'lower' ? 'лучше региона' : 'хуже региона',
      highText: direction === 'lower' ? 'хуже региона' : 'лучше региона',
    };
  }
  const max = Math.max(0, ...present);
  const min = Math.min(max, ...present);
  const strong = direction === 'lower' ? WORSE : BETTER;
  const stops = [direction === 'lower' ? '#f8dcc4' : COUNT_LIGHT, strong];
  return {
    colourOf: (v) =>
      v === null || v === undefined ? NO_DATA_COLOUR : mix(stops, max > min ? (v - min) / (max - min) : 1),
    stops,
    min,
    max,
    reference: null,
    lowText: 'меньше',
    highText: 'больше',
  };
}
