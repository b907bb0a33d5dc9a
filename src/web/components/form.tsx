import type { ComponentChildren } from "preact";
import { nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";

export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      class="utrecht-alert utrecht-alert--error sk-error-summary"
      role="alert"
      aria-labelledby="foutmelding-titel"
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
        <div class="utrecht-form-field__description" id={`hulp-${name}`}>
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

const describedBy = (name: string, help?: string, error?: string) =>
  [help ? `hulp-${name}` : "", error ? `fout-${name}` : ""].filter(Boolean).join(" ") || undefined;

interface TextFieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  help?: string | undefined;
  type?: "text" | "password" | "email" | "date" | "search" | "number";
  required?: boolean;
  autocomplete?: string;
}

export function TextField({
  name,
  label,
  value,
  error,
  help,
  type = "text",
  required,
  autocomplete,
}: TextFieldProps) {
  return (
    <Field name={name} label={label} error={error} help={help} required={required ?? false}>
      {/* Preact types narrow <input> by its type; the union of our field types is valid HTML. */}
      <input
        {...({ type } as { type: "text" })}
        class={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
        id={`veld-${name}`}
        name={name}
        value={value ?? ""}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(name, help, error)}
      />
    </Field>
  );
}

interface SelectFieldProps {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  help?: string | undefined;
  required?: boolean;
}

export function SelectField({
  name,
  label,
  options,
  value,
  error,
  help,
  required,
}: SelectFieldProps) {
  return (
    <Field name={name} label={label} error={error} help={help} required={required ?? false}>
      <select
        class={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        id={`veld-${name}`}
        name={name}
        required={required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(name, help, error)}
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

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function SubmitButton({ children }: { children: ComponentChildren }) {
  return (
    <button type="submit" class="nl-button nl-button--primary">
      {children}
    </button>
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
      <button
        type="submit"
        id={props.id}
        class={`nl-button ${props.primary ? "nl-button--primary" : "nl-button--secondary"}`}
        aria-describedby={`${props.id}-uitleg`}
      >
        {props.label}
      </button>
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
      <button type="submit" class="nl-button nl-button--secondary">
        {props.label}
        <span class="sk-visually-hidden"> {props.rowName}</span>
      </button>
    </form>
  );
}
