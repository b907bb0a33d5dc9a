import type { ComponentChildren } from "preact";
import { nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";

export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    // Focus moves here when the page comes back with errors (autofocus: no script needed), so a
    // keyboard or screen-reader user starts at the list of what to fix instead of the page top.
    <div
      class="utrecht-alert utrecht-alert--error sk-error-summary"
      role="alert"
      aria-labelledby="foutmelding-titel"
      tabIndex={-1}
      autofocus
    >
      <h2 id="foutmelding-titel" class="nl-heading nl-heading--level-2">
        {nl.form.errorSummary}
      </h2>
      <ul class="utrecht-unordered-list">
        {errors.map((e) => (
          <li key={e.field} class="utrecht-unordered-list__item">
            <a class="nl-link" href={`#veld-${e.field}`}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldError = (errors: readonly FieldError[], field: string) =>
  errors.find((e) => e.field === field)?.message;

interface FieldProps {
  name: string;
  label: string;
  error?: string | undefined;
  help?: string | undefined;
  required?: boolean;
  children: ComponentChildren;
}

/** The description under a label: the help text, then the field's limit, so it is known up front. */
const description = (help: string | undefined, maxLength: number | undefined) =>
  [help, maxLength === undefined ? undefined : nl.form.limit(maxLength)]
    .filter(Boolean)
    .join(" ") || undefined;

function Field({ name, label, error, help, required, children }: FieldProps) {
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={`veld-${name}`}>
          {label}
          {required ? <span class="sk-required"> ({nl.form.required})</span> : null}
        </label>
      </div>
      {help ? (
        <div
          class="utrecht-form-field__description utrecht-form-field-description"
          id={`hulp-${name}`}
        >
          {help}
        </div>
      ) : null}
      {error ? (
        <div class="utrecht-form-field-error-message" id={`fout-${name}`}>
          {error}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  );
}

const describedBy = (name: string, help?: string, error?: string, extra?: string) =>
  [help ? `hulp-${name}` : "", error ? `fout-${name}` : "", extra ?? ""]
    .filter(Boolean)
    .join(" ") || undefined;

interface TextFieldProps {
  name: string;
  /** Names the element ids when a page has two forms with a field of the same name. */
  id?: string | undefined;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  help?: string | undefined;
  type?: "text" | "password" | "email" | "date" | "search" | "number";
  required?: boolean;
  autocomplete?: string;
  /** The server's limit, stated in the description. No maxlength attribute: a browser would cut a
   * pasted text short without saying so; the server refuses it with a message instead. */
  maxLength?: number;
}

export function TextField({
  name,
  id,
  label,
  value,
  error,
  help: helpText,
  type = "text",
  required,
  autocomplete,
  maxLength,
}: TextFieldProps) {
  const help = description(helpText, maxLength);
  const key = id ?? name;
  return (
    <Field name={key} label={label} error={error} help={help} required={required ?? false}>
      {/* Preact types narrow <input> by its type; the union of our field types is valid HTML. */}
      <input
        {...({ type } as { type: "text" })}
        class={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
        id={`veld-${key}`}
        name={name}
        value={value ?? ""}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(key, help, error)}
      />
    </Field>
  );
}

interface TextAreaFieldProps {
  name: string;
  /** Names the element ids when a page has two forms with a field of the same name. */
  id?: string | undefined;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  help?: string | undefined;
  required?: boolean;
  /** The server's limit: stated up front and counted under the field. */
  maxLength: number;
  rows?: number;
}

/** What the count under a text area says; the live script in public/js/char-count.js says the same. */
export const countText = (used: number, max: number) =>
  used > max
    ? `${nl.form.count(used, max)}: ${nl.form.over(used - max)}`
    : nl.form.count(used, max);

/**
 * A long text. The count of characters used is rendered by the server (it is right after every
 * submit, without JavaScript); public/js/char-count.js keeps it current while typing and, once
 * typing pauses, says it in a polite live region, not at every keystroke.
 */
export function TextAreaField({
  name,
  id,
  label,
  value,
  error,
  help: helpText,
  required,
  maxLength,
  rows = 6,
}: TextAreaFieldProps) {
  const used = (value ?? "").length;
  const key = id ?? name;
  const countId = `teller-${key}`;
  return (
    <Field
      name={key}
      label={label}
      error={error}
      help={description(helpText, maxLength)}
      required={required ?? false}
    >
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${error ? " utrecht-textarea--invalid" : ""}`}
        id={`veld-${key}`}
        name={name}
        rows={rows}
        required={required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(key, description(helpText, maxLength), error, countId)}
        data-count={countId}
        data-max={String(maxLength)}
      >
        {value ?? ""}
      </textarea>
      <p
        class={`utrecht-form-field-description sk-char-count${used > maxLength ? " sk-char-count--over" : ""}`}
        id={countId}
      >
        {countText(used, maxLength)}
      </p>
      <p class="sk-visually-hidden" id={`${countId}-live`} aria-live="polite" />
      {/* A module script runs once however many text areas a page has. */}
      <script type="module" src="/assets/js/char-count.js" />
    </Field>
  );
}

interface SelectFieldProps {
  name: string;
  /** Names the element ids when a page has two forms with a field of the same name. */
  id?: string | undefined;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  help?: string | undefined;
  required?: boolean;
}

export function SelectField({
  name,
  id,
  label,
  options,
  value,
  error,
  help,
  required,
}: SelectFieldProps) {
  const key = id ?? name;
  return (
    <Field name={key} label={label} error={error} help={help} required={required ?? false}>
      <select
        class={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        id={`veld-${key}`}
        name={name}
        required={required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(key, help, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** One field of a form as data: a text field unless `kind` says otherwise. */
export type FieldSpec =
  | ({ kind?: "text" } & Omit<TextFieldProps, "error">)
  | ({ kind: "textarea" } & Omit<TextAreaFieldProps, "error">)
  | ({ kind: "select" } & Omit<SelectFieldProps, "error">);

/**
 * A select of `choices` after one option with the empty value: "Alle …" in a filter, "Kies …" or
 * "Geen" in a form. Choosing it sends "" (no filter, no value).
 */
export const emptyFirstSelect = ({
  empty,
  choices,
  ...field
}: Omit<SelectFieldProps, "error" | "options"> & {
  empty: string;
  choices: readonly { value: string; label: string }[];
}): FieldSpec => ({ kind: "select", ...field, options: [{ value: "", label: empty }, ...choices] });

/** Codes with their labels, as the choices of a select. */
export const labelledChoices = <K extends string>(
  codes: readonly K[],
  labels: Readonly<Record<K, string>>,
) => codes.map((value) => ({ value, label: labels[value] }));

/**
 * A form's fields from one list, each given its own error from `errors`: a form names only what is
 * its own (name, label, value, limit), and the field's name is written once.
 */
export function Fields({
  fields,
  errors = [],
}: {
  fields: readonly FieldSpec[];
  errors?: readonly FieldError[] | undefined;
}) {
  return (
    <>
      {fields.map((f) => {
        const key = f.id ?? f.name;
        const error = fieldError(errors, f.name);
        if (f.kind === "textarea") return <TextAreaField key={key} {...f} error={error} />;
        if (f.kind === "select") return <SelectField key={key} {...f} error={error} />;
        return <TextField key={key} {...f} error={error} />;
      })}
    </>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A form's button: primary for the page's main action, secondary for the others. */
export function SubmitButton(props: {
  children: ComponentChildren;
  secondary?: boolean | undefined;
  id?: string | undefined;
  describedBy?: string | undefined;
}) {
  return (
    <button
      type="submit"
      id={props.id}
      class={`nl-button ${props.secondary ? "nl-button--secondary" : "nl-button--primary"}`}
      aria-describedby={props.describedBy}
    >
      {props.children}
    </button>
  );
}

/**
 * A staff form: a POST with its CSRF token, the server's messages instead of the browser's
 * (novalidate: one error summary, in Dutch, for every check), and its button after the fields.
 */
export function PostForm(props: {
  action: string;
  csrfToken: string;
  submit: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={props.action} class="sk-form" novalidate>
      <CsrfField token={props.csrfToken} />
      {props.children}
      <div>
        <SubmitButton>{props.submit}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * A file upload: a multipart POST with its CSRF token first (the route reads the fields in order and
 * checks the token before it keeps any file), one file field and its button. `accept` only helps
 * the browser's file picker; the server decides from the file's content what it is.
 */
export function UploadForm(props: {
  action: string;
  csrfToken: string;
  name: string;
  label: string;
  help: string;
  accept: string;
  submit: ComponentChildren;
  errors?: readonly FieldError[] | undefined;
}) {
  const error = fieldError(props.errors ?? [], props.name);
  return (
    <form
      method="post"
      action={props.action}
      class="sk-form"
      enctype="multipart/form-data"
      novalidate
    >
      <CsrfField token={props.csrfToken} />
      <Field name={props.name} label={props.label} error={error} help={props.help}>
        <input
          type="file"
          id={`veld-${props.name}`}
          name={props.name}
          accept={props.accept}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(props.name, props.help, error)}
        />
      </Field>
      <div>
        <SubmitButton>{props.submit}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * A search or filter form: GET, so the result has its own address and works without script; the
 * button is secondary unless the form is the page's main action.
 */
export function FilterForm(props: {
  action: string;
  submit: ComponentChildren;
  fields: readonly FieldSpec[];
  errors?: readonly FieldError[] | undefined;
  primary?: boolean;
}) {
  return (
    <form method="get" action={props.action} class="sk-filter">
      <Fields fields={props.fields} errors={props.errors} />
      <div>
        <SubmitButton secondary={!props.primary}>{props.submit}</SubmitButton>
      </div>
    </form>
  );
}

/** A form as a section of its page, under its own level-2 heading (the page's contents list it). */
export function FormSection(props: {
  id: string;
  heading: ComponentChildren;
  action: string;
  csrfToken: string;
  submit: ComponentChildren;
  fields?: readonly FieldSpec[];
  errors?: readonly FieldError[] | undefined;
  /** The error summary above the form, where the page has no summary of its own. */
  summary?: boolean;
  /** More of the form after the fields (a group of checkboxes, hidden fields). */
  children?: ComponentChildren;
  /** What follows the form in its section (other actions on the same record). */
  after?: ComponentChildren;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 class="nl-heading nl-heading--level-2" id={props.id}>
        {props.heading}
      </h2>
      {props.summary ? <ErrorSummary errors={props.errors ?? []} /> : null}
      <PostForm action={props.action} csrfToken={props.csrfToken} submit={props.submit}>
        {props.fields ? <Fields fields={props.fields} errors={props.errors} /> : null}
        {props.children}
      </PostForm>
      {props.after}
    </section>
  );
}

/** The usual add or edit form on a page: its heading, its fields and its button. */
export function FieldsForm(props: {
  action: string;
  csrfToken: string;
  submit: ComponentChildren;
  heading: ComponentChildren;
  fields: Parameters<typeof Fields>[0]["fields"];
  errors?: FieldError[] | undefined;
}) {
  return (
    <PostForm action={props.action} csrfToken={props.csrfToken} submit={props.submit}>
      <h3 class="nl-heading nl-heading--level-3">{props.heading}</h3>
      <Fields fields={props.fields} errors={props.errors ?? []} />
    </PostForm>
  );
}

/**
 * One action as a small POST form with its explanation, which the button points to; the button's
 * `id` is what an error summary links to.
 */
export function ActionForm(props: {
  csrfToken: string;
  action: string;
  label: string;
  help: string;
  id: string;
  primary?: boolean;
}) {
  return (
    <form method="post" action={props.action} class="sk-form">
      <CsrfField token={props.csrfToken} />
      <p class="nl-paragraph" id={`${props.id}-uitleg`}>
        {props.help}
      </p>
      <SubmitButton secondary={!props.primary} id={props.id} describedBy={`${props.id}-uitleg`}>
        {props.label}
      </SubmitButton>
    </form>
  );
}

/**
 * A one-button POST form in a table row; `rowName` is added to the button for screen readers, so
 * that every button says which row it acts on. `children`: the hidden fields naming the row.
 */
export function RowActionForm(props: {
  csrfToken: string;
  action: string;
  label: string;
  rowName: string;
  children?: ComponentChildren;
}) {
  return (
    <form method="post" action={props.action} class="sk-inline-form">
      <CsrfField token={props.csrfToken} />
      {props.children}
      <SubmitButton secondary>
        {props.label}
        <span class="sk-visually-hidden"> {props.rowName}</span>
      </SubmitButton>
    </form>
  );
}
