import { type FastifyReply, type FastifyRequest, LogController } from "fastify";

/**
 * One line per request, at debug level, instead of Fastify's two at info: a person watching the
 * terminal sees start-up, warnings and errors, not every stylesheet. `LOG_LEVEL=debug` shows them.
 * Errors keep Fastify's own handling (error level for 5xx).
 */
export class RequestLineLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null,
    request: FastifyRequest,
    reply: FastifyReply,
    metadata?: Record<string, unknown>,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply, metadata);
      return;
    }
    request.log.debug(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "verzoek afgehandeld",
    );
  }
}
