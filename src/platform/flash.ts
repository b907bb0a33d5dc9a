import type { FastifyReply, FastifyRequest } from "fastify";

const FLASH_COOKIE = "samenkracht_melding";

/** Marks a message that says why a form was refused. */
const ERROR_MARK = "fout|";

export interface Flash {
  message: string;
  /** A refused form: shown as an error that takes focus, like an error summary. */
  error: boolean;
}

/** A one-time message shown on the page a POST redirects to. */
export function setFlash(reply: FastifyReply, message: string, kind: "ok" | "error" = "ok"): void {
  reply.setCookie(FLASH_COOKIE, kind === "error" ? `${ERROR_MARK}${message}` : message, {
    signed: true,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 120,
  });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: "/" });
  const result = request.unsignCookie(raw);
  const value = result.valid ? result.value : null;
  if (!value) return undefined;
  return value.startsWith(ERROR_MARK)
    ? { message: value.slice(ERROR_MARK.length), error: true }
    : { message: value, error: false };
}
