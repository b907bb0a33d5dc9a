import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import type { FieldError } from "../platform/errors.js";
import { setFlash } from "../platform/flash.js";
import { formErrors } from "./form-errors.js";
import { sendPage } from "./render.js";

/**
 * The flow of a staff form: run the write; when it succeeds, a flash message and a redirect (303,
 * so a reload does not post again); when it is refused (a validation or conflict error), the page
 * again with the errors, so the error summary takes focus and what was typed stays. Any other error
 * goes on to the error handler.
 */
export async function submitForm<T>(
  reply: FastifyReply,
  form: {
    write: () => Promise<T>;
    done: (result: T) => { flash: string; to: string };
    refused: (errors: FieldError[]) => VNode | Promise<VNode>;
  },
): Promise<FastifyReply> {
  let result: T;
  try {
    result = await form.write();
  } catch (error) {
    const { status, errors } = formErrors(error);
    return sendPage(reply, await form.refused(errors), status);
  }
  const { flash, to } = form.done(result);
  setFlash(reply, flash);
  return reply.redirect(to, 303);
}

/**
 * The flow of a small form on a page that is not rendered again (add and edit forms under a page's
 * "Beheer"): the write's outcome as a flash message where `done` says, or why it was refused as a
 * flash message back on `back`, the page the form is on.
 */
export async function submitAndReturn<T>(
  reply: FastifyReply,
  form: {
    write: () => Promise<T>;
    done: (result: T) => { flash: string; to: string };
    back: string;
  },
): Promise<FastifyReply> {
  let result: T;
  try {
    result = await form.write();
  } catch (error) {
    const messages = formErrors(error).errors.map((e) => e.message);
    setFlash(reply, `Niet opgeslagen: ${messages.join(" ")}`, "error");
    // Without the fragment: a browser skips autofocus on a page opened at a fragment, and the
    // refusal (at the top of the page) is what should get focus.
    return reply.redirect(form.back.split("#")[0] ?? form.back, 303);
  }
  const { flash, to } = form.done(result);
  setFlash(reply, flash);
  return reply.redirect(to, 303);
}

/** The flash message after a move up or down; `noun` with its article, e.g. "het doel". */
export const movedMessage = (moved: boolean, noun: string, direction: string) => {
  const subject = `${noun[0]?.toUpperCase()}${noun.slice(1)}`;
  return moved
    ? `${subject} is ${direction} verplaatst.`
    : `${subject} staat al bovenaan of onderaan.`;
};
