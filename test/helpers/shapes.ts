/** A square GeoJSON polygon (closed ring) with its lower-left corner at x, y: a test wijk. */
export const square = (x: number, y: number, size: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ] as [number, number][],
  ],
});
