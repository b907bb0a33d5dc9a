import type { FastifyReply, FastifyRequest } from "fastify";

const FLASH_COOKIE = "samenkracht_melding";

/** A one-time message shown on the page a POST redirects to. */
export function setFlash(reply: FastifyReply, message: string): void {
  reply.setCookie(FLASH_COOKIE, message, {
    signed: true,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 120,
  });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): string | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: "/" });
  const result = request.unsignCookie(raw);
  return result.valid ? (result.value ?? undefined) : undefined;
}
