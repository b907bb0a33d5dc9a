type Position = [number, number];
type Ring = Position[];
export type Geometry =
  | { type: "Polygon"; coordinates: Ring[] }
  | { type: "MultiPolygon"; coordinates: Ring[][] };

export interface MapShape {
  code: string;
  name: string;
  path: string;
  /** Where a label for the area goes: the centroid of its largest polygon, in SVG coordinates. */
  label: { x: number; y: number };
}

export interface MapProjection {
  width: number;
  height: number;
  shapes: MapShape[];
}

function polygons(g: Geometry): Ring[][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

const isGeometry = (g: unknown): g is Geometry =>
  typeof g === "object" &&
  g !== null &&
  ["Polygon", "MultiPolygon"].includes((g as { type?: string }).type ?? "");

/**
 * Projects WGS84 polygons into SVG paths. Equirectangular with longitude scaled by cos(latitude) is
 * exact enough at municipal scale and keeps the map free of a projection library.
 */
export function projectShapes(
  features: readonly { code: string; name: string; geometry: unknown }[],
  width = 600,
): MapProjection | undefined {
  const usable = features.filter((f): f is { code: string; name: string; geometry: Geometry } =>
    isGeometry(f.geometry),
  );
  const points = usable.flatMap((f) => polygons(f.geometry).flat(2));
  if (points.length === 0) return undefined;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = width / spanX;
  const height = Math.ceil(spanY * scale);
  const xy = ([lon, lat]: Position) =>
    `${((lon - minLon) * kx * scale).toFixed(1)} ${((maxLat - lat) * scale).toFixed(1)}`;
  const project = ([lon, lat]: Position): Position => [
    (lon - minLon) * kx * scale,
    (maxLat - lat) * scale,
  ];
  const shapes = usable.map((f) => ({
    code: f.code,
    name: f.name,
    path: polygons(f.geometry)
      .flatMap((rings) => rings.map((ring) => `M${ring.map(xy).join("L")}Z`))
      .join(""),
    label: labelPoint(polygons(f.geometry).map((rings) => (rings[0] ?? []).map(project))),
  }));
  return { width, height, shapes };
}

/** Signed area and centroid of a ring (shoelace formula). */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as Position;
    const [x1, y1] = ring[(i + 1) % ring.length] as Position;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  a /= 2;
  if (Math.abs(a) < 1e-9) {
    // A degenerate ring: the mean of its points still lies on it.
    const n = Math.max(ring.length, 1);
    return {
      area: 0,
      x: ring.reduce((s, p) => s + p[0], 0) / n,
      y: ring.reduce((s, p) => s + p[1], 0) / n,
    };
  }
  return { area: Math.abs(a), x: cx / (6 * a), y: cy / (6 * a) };
}

/**
 * The label point of an area: the centroid of its largest outer ring, so a wijk with a detached
 * piece is labelled on its main part.
 */
export function labelPoint(outerRings: readonly Ring[]): { x: number; y: number } {
  const best = outerRings
    .map(ringCentroid)
    .reduce((a, b) => (b.area > a.area ? b : a), { area: -1, x: 0, y: 0 });
  return { x: Math.round(best.x * 10) / 10, y: Math.round(best.y * 10) / 10 };
}
