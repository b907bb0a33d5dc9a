import { nl } from "../i18n/nl.js";
import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";

type KnownStatus = keyof typeof nl.errors & number;

export function ErrorPage({
  ctx,
  status,
  detail,
}: {
  ctx: PageContext;
  status: number;
  detail?: string | undefined;
}) {
  const known = (status in nl.errors ? status : status >= 500 ? 500 : 400) as KnownStatus;
  const text = nl.errors[known];
  return (
    <Layout ctx={ctx} title={text.title} heading intro={detail ?? text.text}>
      <p class="nl-paragraph">
        <a class="nl-link" href="/">
          {nl.errors.backHome}
        </a>
      </p>
    </Layout>
  );
}
