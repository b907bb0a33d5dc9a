import type { SessionAccount } from "./modules/accounts/service.js";

declare module "fastify" {
  interface FastifyRequest {
    account: SessionAccount | undefined;
  }
}
