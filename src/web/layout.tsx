import { type ComponentChildren, Fragment } from "preact";
import { nl } from "../i18n/nl.js";
import { CsrfField } from "./components/form.js";
import type { PageContext } from "./context.js";
import { STATEMENT_PAGES } from "./statement-pages.js";

export interface Crumb {
  href: string;
  label: string;
}

interface LayoutProps {
  ctx: PageContext;
  title: string;
  breadcrumbs?: Crumb[];
  /** A top-level page's own address: its one breadcrumb, named by the title. */
  path?: string;
  /** The page's heading is its title (most pages); a page with another heading writes its own h1. */
  heading?: boolean;
  /** A first paragraph under the heading. */
  intro?: ComponentChildren;
  children: ComponentChildren;
}

const STYLESHEETS = [
  "/assets/vendor/noto-sans/400.css",
  "/assets/vendor/noto-sans/700.css",
  "/assets/vendor/noto-serif/400.css",
  "/assets/vendor/noto-serif/700.css",
  "/assets/theme/theme.css",
  "/assets/vendor/utrecht/index.css",
  "/assets/vendor/candidate/heading.css",
  "/assets/vendor/candidate/paragraph.css",
  "/assets/vendor/candidate/link.css",
  "/assets/vendor/candidate/button.css",
  "/assets/vendor/candidate/skip-link.css",
  "/assets/vendor/candidate/data-badge.css",
  "/assets/css/samenkracht.css",
];

function NavLink({ href, label, current }: { href: string; label: string; current: string }) {
  const active =
    href === "/" ? current === "/" : current === href || current.startsWith(`${href}/`);
  return (
    <li class="sk-nav__item">
      <a class="nl-link sk-nav__link" href={href} aria-current={active ? "page" : undefined}>
        {label}
      </a>
    </li>
  );
}

export function Layout({ ctx, title, path, heading, intro, children, ...rest }: LayoutProps) {
  const breadcrumbs = rest.breadcrumbs ?? (path ? [{ href: path, label: title }] : undefined);
  const { tenant, account } = ctx;
  const pageTitle = `${title} - ${nl.app.name} ${tenant.municipality.name}`;
  return (
    <html lang="nl" class={`${tenant.theme.className} utrecht-root`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        {STYLESHEETS.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <link rel="stylesheet" href="/assets/css/print.css" media="print" />
      </head>
      <body class="utrecht-body utrecht-document">
        <a class="nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">
          {nl.layout.skipLink}
        </a>
        <header class="sk-header">
          <div class="sk-container sk-header__inner">
            <a class="sk-header__brand" href="/">
              <span class="sk-header__municipality">Gemeente {tenant.municipality.name}</span>
              <span class="sk-header__app">{nl.app.name}</span>
            </a>
            <div class="sk-header__account">
              {account ? (
                <>
                  <a class="nl-link" href="/meldingen">
                    {nl.notifications.header(account.unreadNotifications)}
                  </a>
                  <a class="nl-link" href="/account">
                    {nl.layout.loggedInAs(account.displayName)}
                  </a>
                  <form method="post" action="/uitloggen" class="sk-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="nl-button nl-button--subtle">
                      {nl.nav.logout}
                    </button>
                  </form>
                </>
              ) : (
                <a class="nl-link" href="/inloggen">
                  {nl.nav.login}
                </a>
              )}
            </div>
          </div>
          <nav class="sk-nav" aria-label={nl.layout.mainNav}>
            <ul class="sk-container sk-nav__list">
              <NavLink href="/" label={nl.nav.home} current={ctx.currentPath} />
              <NavLink href="/beleid" label={nl.nav.policy} current={ctx.currentPath} />
              <NavLink href="/monitor" label={nl.nav.monitor} current={ctx.currentPath} />
              <NavLink href="/gebieden" label={nl.nav.areas} current={ctx.currentPath} />
              <NavLink
                href="/organisaties"
                label={nl.nav.organisations}
                current={ctx.currentPath}
              />
              <NavLink href="/subsidies" label={nl.nav.subsidies} current={ctx.currentPath} />
              <NavLink href="/zoeken" label={nl.nav.search} current={ctx.currentPath} />
              {account?.isPartner ? (
                <NavLink href="/partner" label={nl.nav.partner} current={ctx.currentPath} />
              ) : null}
              {account?.canManageSubsidies ? (
                <NavLink
                  href="/beheer/verantwoordingen"
                  label={nl.nav.reports}
                  current={ctx.currentPath}
                />
              ) : null}
              {account?.canManageUsers ? (
                <NavLink href="/beheer/gebruikers" label={nl.nav.users} current={ctx.currentPath} />
              ) : null}
              {account?.canManageUsers ? (
                <NavLink href="/beheer/tokens" label={nl.nav.tokens} current={ctx.currentPath} />
              ) : null}
              {account?.canManageUsers ? (
                <NavLink href="/beheer/e-mail" label={nl.nav.mail} current={ctx.currentPath} />
              ) : null}
              {account?.canReadAudit ? (
                <NavLink href="/beheer/audit" label={nl.nav.audit} current={ctx.currentPath} />
              ) : null}
            </ul>
          </nav>
        </header>
        {breadcrumbs && breadcrumbs.length > 0 ? (
          <nav
            class="utrecht-breadcrumb-nav sk-container sk-breadcrumbs"
            aria-label={nl.layout.breadcrumbs}
          >
            <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
              {breadcrumbs.map((c, i) => (
                <li key={c.href} class="utrecht-breadcrumb-nav__item">
                  <a
                    class="utrecht-breadcrumb-nav__link nl-link"
                    href={c.href}
                    aria-current={i === breadcrumbs.length - 1 ? "page" : undefined}
                  >
                    {c.label}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="inhoud" class="sk-container sk-main" tabIndex={-1}>
          {ctx.flash?.error ? (
            // Why a form was refused: focus moves here, as to an error summary (no script needed).
            <div
              class="utrecht-alert utrecht-alert--error sk-error-summary"
              role="alert"
              tabIndex={-1}
              autofocus
            >
              <p class="nl-paragraph">{ctx.flash.message}</p>
            </div>
          ) : ctx.flash ? (
            <div class="utrecht-alert utrecht-alert--ok" role="status">
              <p class="nl-paragraph">{ctx.flash.message}</p>
            </div>
          ) : null}
          {heading ? <h1 class="nl-heading nl-heading--level-1">{title}</h1> : null}
          {intro ? <p class="nl-paragraph">{intro}</p> : null}
          {children}
        </main>
        <footer class="sk-footer">
          <div class="sk-container">
            <p class="nl-paragraph">
              {nl.app.name} · Gemeente {tenant.municipality.name} · {nl.layout.footerAbout}
            </p>
            <p class="nl-paragraph">
              <a class="nl-link" href="/api/v1/openapi.json">
                {nl.layout.footerApi}
              </a>
              {Object.values(STATEMENT_PAGES).map((p) => (
                <Fragment key={p.path}>
                  {" · "}
                  <a class="nl-link" href={p.path}>
                    {p.label}
                  </a>
                </Fragment>
              ))}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
