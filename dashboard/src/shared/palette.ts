/**
 * Colours people with colour-blindness tell apart: Okabe–Ito for categories,
 * a blue–orange diverging scale (viridis-like lightness) for values.
 */
export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Low → high; for "bad" indicators (share of «2») pass `reverse`. */
export const SEQUENTIAL = ['#0d0887', '#5c01a6', '#9c179e', '#cc4778', '#ed7953', '#fdb42f', '#f0f921'];

export const RISK = { none: '#009E73', attention: '#F0E442', risk: '#E69F00', high: '#D55E00' } as const;
