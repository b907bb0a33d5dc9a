import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

export function renderHtml(node: VNode): string {
  return `<!DOCTYPE html>${renderToString(node)}`;
}

export function sendPage(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply.status(status).type("text/html; charset=utf-8").send(renderHtml(node));
}
