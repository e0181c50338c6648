import { Territory1763900000000 } from './1763900000000-Territory';

/** Applied in this order; each class name carries the time it was written. */
export const migrations = [Territory1763900000000];
