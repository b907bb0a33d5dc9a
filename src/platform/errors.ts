export interface FieldError {
  /** Name of the form field or JSON property, so the error summary can link to it. */
  field: string;
  message: string;
}

/** An error meant for the user: status code plus a Dutch title and detail. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
    /** Sent with the error response, e.g. Retry-After on a 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "AppError";
  }
}

export const badRequest = (detail: string, fieldErrors: FieldError[] = []) =>
  new AppError(400, "Ongeldige invoer", detail, fieldErrors);
export const unauthorized = (detail = "U moet ingelogd zijn om dit te doen.") =>
  new AppError(401, "Niet ingelogd", detail);
export const forbidden = (detail = "U heeft geen rechten om dit te doen.") =>
  new AppError(403, "Geen toegang", detail);
export const notFound = (detail = "Deze pagina of dit gegeven bestaat niet (meer).") =>
  new AppError(404, "Niet gevonden", detail);
export const conflict = (detail: string, fieldErrors: FieldError[] = []) =>
  new AppError(409, "Conflict", detail, fieldErrors);

/** Throws a 400 with every field error at once, so a form can show them all in its error summary. */
export function assertValid(fieldErrors: FieldError[]): void {
  if (fieldErrors.length > 0) {
    throw badRequest(fieldErrors.map((e) => e.message).join(" "), fieldErrors);
  }
}
