type Position = [number, number];
type Ring = Position[];
export type Geometry =
  | { type: "Polygon"; coordinates: Ring[] }
  | { type: "MultiPolygon"; coordinates: Ring[][] };

export interface MapShape {
  code: string;
  name: string;
  path: string;
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
  const shapes = usable.map((f) => ({
    code: f.code,
    name: f.name,
    path: polygons(f.geometry)
      .flatMap((rings) => rings.map((ring) => `M${ring.map(xy).join("L")}Z`))
      .join(""),
  }));
  return { width, height, shapes };
}
