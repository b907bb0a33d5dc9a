import { AppError, type FieldError } from "../platform/errors.js";

/** Validation and conflict errors are shown in the form; anything else goes on to the error handler. */
export function formErrors(error: unknown): { status: number; errors: FieldError[] } {
  if (error instanceof AppError && (error.status === 400 || error.status === 409)) {
    const errors =
      error.fieldErrors.length > 0
        ? error.fieldErrors
        : [{ field: "algemeen", message: error.detail }];
    return { status: error.status, errors };
  }
  throw error;
}
