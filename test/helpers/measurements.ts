/** The columns of a measurement CSV, in the order the import reads and the export writes them. */
export const MEASUREMENT_HEADER =
  "indicator,gebied,jaar,kwartaal,soort,waarde,bron,publicatiedatum,status,toelichting";

/** A measurement CSV file: the header, then these rows (the first at line 2). */
export const measurementCsv = (...rows: string[]) => [MEASUREMENT_HEADER, ...rows].join("\n");
