import { fromDatabaseError } from "../platform/db-errors.js";
import { AppError, type FieldError } from "../platform/errors.js";

/** Validation and conflict errors are shown in the form; anything else goes on to the error handler. */
export function formErrors(thrown: unknown): { status: number; errors: FieldError[] } {
  // A unique-key conflict with a concurrent write is a 409 like the service's own conflicts.
  const error = fromDatabaseError(thrown) ?? thrown;
  if (error instanceof AppError && (error.status === 400 || error.status === 409)) {
    const errors =
      error.fieldErrors.length > 0
        ? error.fieldErrors
        : [{ field: "algemeen", message: error.detail }];
    return { status: error.status, errors };
  }
  throw error;
}
