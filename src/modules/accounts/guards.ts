import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.js";
import { forbidden, unauthorized } from "../../platform/errors.js";
import { hasPermission, type Permission, publicActorName } from "./permissions.js";

/**
 * An onRequest guard: lets the request through only for a logged-in account with the permission.
 * onRequest, not preHandler, so a refused caller is answered before the body is read or validated.
 */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.account) throw unauthorized();
    if (!hasPermission(request.account.roles, permission)) throw forbidden();
  };
}

export async function requireLogin(request: FastifyRequest, _reply: FastifyReply) {
  if (!request.account) throw unauthorized();
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.account) throw unauthorized();
  return {
    accountId: request.account.id,
    name: request.account.username,
    publicName: publicActorName(request.account.roles),
    municipalityCode: request.account.municipalityCode,
  };
}
