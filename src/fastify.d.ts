import type { SessionAccount } from "./modules/accounts/service.js";

declare module "fastify" {
  interface FastifyRequest {
    account: SessionAccount | undefined;
    /** How request.account was established: an API token (Authorization: Bearer) or the session cookie. */
    authMethod: "token" | "session" | undefined;
  }
}
