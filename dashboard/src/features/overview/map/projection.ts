/**
 * A plain latitude/longitude frame for the Tomsk region: near its middle (58.5° N)
 * a degree of longitude is cos(58.5°) ≈ 0.52 of a degree of latitude, so
 * longitudes are scaled by that for shapes and distances to look right.
 */
const MIDDLE_LATITUDE = 58.5;
export const LONGITUDE_SCALE = Math.cos((MIDDLE_LATITUDE * Math.PI) / 180);

export function project(latitude: number, longitude: number): [number, number] {
  return [longitude * LONGITUDE_SCALE, latitude];
}

export interface Frame {
  x: [number, number];
  y: [number, number];
}

/**
 * The smallest frame around the points with `pad` degrees of margin whose
 * width/height is `aspect` (the plot's), so a degree keeps its length both ways.
 */
export function frameAround(points: [number, number][], aspect: number, pad = 0.8): Frame {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  let [x0, x1] = [Math.min(...xs) - pad * LONGITUDE_SCALE, Math.max(...xs) + pad * LONGITUDE_SCALE];
  let [y0, y1] = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const width = x1 - x0;
  const height = y1 - y0;
  if (width / height < aspect) {
    const grow = (height * aspect - width) / 2;
    [x0, x1] = [x0 - grow, x1 + grow];
  } else {
    const grow = (width / aspect - height) / 2;
    [y0, y1] = [y0 - grow, y1 + grow];
  }
  return { x: [x0, x1], y: [y0, y1] };
}
