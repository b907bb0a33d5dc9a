import { countOf, formatNumber } from "../../i18n/nl.js";
import { IMPORT_BODY_LIMIT } from "../../platform/access.js";
import type { FieldError } from "../../platform/errors.js";
import { CsrfField, ErrorSummary } from "../../web/components/form.js";
import { DataTable, numeric } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { IMPORT_COLUMNS } from "./csv-import.js";
import type { ImportResult } from "./import-service.js";
import type { IndicatorCode } from "./import-template.js";

const MIB = 1024 * 1024;

const UNIT_TEXT: Record<string, string> = {
  percentage: "percentage (0 tot en met 100, niet als fractie)",
  aantal: "aantal (geheel getal, 0 of meer)",
  euro: "euro",
};

const unitText = (c: IndicatorCode) =>
  c.unit === "score"
    ? c.scaleMin !== null && c.scaleMax !== null
      ? `score (${c.scaleMin} tot en met ${c.scaleMax})`
      : "score"
    : (UNIT_TEXT[c.unit] ?? c.unit);

export function ImportPage(props: {
  ctx: PageContext;
  indicators?: readonly IndicatorCode[];
  csv?: string;
  result?: ImportResult;
  errors?: FieldError[];
}) {
  const r = props.result;
  const rowErrors = r && !r.ok ? r.errors : [];
  return (
    <Layout
      ctx={props.ctx}
      title="Metingen importeren"
      breadcrumbs={[
        { href: "/monitor", label: "Monitor" },
        { href: "/monitor/import", label: "Importeren" },
      ]}
    >
      <h1 class="nl-heading nl-heading--level-1">Metingen importeren</h1>
      <ErrorSummary
        errors={[
          ...(props.errors ?? []),
          ...rowErrors.slice(0, 50).map((e) => ({
            field: "csv",
            message: e.line > 0 ? `Regel ${e.line}: ${e.message}` : e.message,
          })),
        ]}
      />
      {rowErrors.length > 50 ? (
        <p class="nl-paragraph">
          En nog {rowErrors.length - 50} andere problemen. Er is niets geïmporteerd.
        </p>
      ) : null}
      {r && !r.ok ? (
        <p class="nl-paragraph">
          Er is niets geïmporteerd: een import gaat helemaal door of helemaal niet.
        </p>
      ) : null}
      {r?.ok ? (
        <section aria-labelledby="voorbeeld">
          <h2 class="nl-heading nl-heading--level-2" id="voorbeeld">
            Voorbeeld: het bestand is in orde
          </h2>
          <p class="nl-paragraph">
            {countOf(r.rows, "regel", "regels")}:{" "}
            {countOf(r.inserted, "nieuwe meting", "nieuwe metingen")},{" "}
            {countOf(r.corrected, "correctie", "correcties")} van bestaande metingen (de oude
            waarden blijven bewaard), {r.unchanged} ongewijzigd. Er is nog niets opgeslagen.
          </p>
          {r.warnings.length > 0 ? (
            <>
              <p class="nl-paragraph">
                Controleer deze waarden; ze worden wel geïmporteerd als u doorgaat:
              </p>
              <ul class="utrecht-unordered-list">
                {r.warnings.slice(0, 50).map((w) => (
                  <li key={`${w.line}-${w.message}`}>
                    Regel {w.line}: {w.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <DataTable
            caption={
              r.preview.length === 1
                ? "De meting"
                : `De eerste ${countOf(r.preview.length, "meting", "metingen")}`
            }
            columns={["Gebied", "Periode", numeric("Waarde"), numeric("Streefwaarde"), "Bron"]}
            rows={r.preview.map((p) => ({
              key: `${p.indicatorId}-${p.areaCode}-${p.year}-${p.quarter}`,
              cells: [
                p.areaCode,
                p.quarter ? `${p.year} K${p.quarter}` : p.year,
                p.value ?? "—",
                p.target ?? "—",
                p.source,
              ],
            }))}
          />
        </section>
      ) : null}
      <form
        method="post"
        action="/monitor/import"
        class="sk-form"
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField token={props.ctx.csrfToken} />
        <div class="utrecht-form-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="veld-bestand">
              CSV-bestand
            </label>
          </div>
          <div class="utrecht-form-field__description" id="hulp-bestand">
            Kies een bestand, of plak hieronder de inhoud. Een gekozen bestand gaat voor. Hoogstens{" "}
            {formatNumber(IMPORT_BODY_LIMIT / MIB)} MB.
          </div>
          <input
            type="file"
            id="veld-bestand"
            name="bestand"
            accept=".csv,text/csv"
            aria-describedby="hulp-bestand"
          />
        </div>
        <div class="utrecht-form-field utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="veld-csv">
              CSV-inhoud
            </label>
          </div>
          <div class="utrecht-form-field__description" id="hulp-csv">
            Kolommen: {IMPORT_COLUMNS.join(", ")}. Komma of puntkomma als scheidingsteken; decimale
            komma mag. Soort is realisatie, streefwaarde of schatting; gebied is een CBS-code
            (GM0356, WK035601) of gebiedscode. Hoogstens {formatNumber(IMPORT_BODY_LIMIT / MIB)} MB.
          </div>
          <textarea
            class="utrecht-textarea utrecht-textarea--html-textarea"
            id="veld-csv"
            name="csv"
            rows={14}
            aria-describedby="hulp-csv"
            aria-invalid={rowErrors.length > 0 ? "true" : undefined}
            value={props.csv ?? ""}
          />
        </div>
        {/* The primary action first; importing checks everything and imports nothing when any
            row is wrong, so it is safe to try. */}
        <div class="sk-actions">
          <button
            type="submit"
            name="actie"
            value="importeren"
            class="nl-button nl-button--primary"
          >
            Importeren
          </button>
          <button
            type="submit"
            name="actie"
            value="voorbeeld"
            class="nl-button nl-button--secondary"
          >
            Controleren (voorbeeld)
          </button>
        </div>
      </form>
      {props.indicators && props.indicators.length > 0 ? (
        <section aria-labelledby="codes">
          <h2 class="nl-heading nl-heading--level-2" id="codes">
            Indicatorcodes en eenheden
          </h2>
          <DataTable
            caption="Codes voor de kolom indicator, met de eenheid van de waarde en een sjabloon"
            columns={["Code", "Indicator", "Eenheid", "Sjabloon"]}
            rows={props.indicators.map((c) => ({
              key: c.slug,
              cells: [
                <code key="code">{c.slug}</code>,
                c.name,
                unitText(c),
                <a
                  key="sjabloon"
                  class="nl-link"
                  href={`/monitor/import/sjabloon.csv?indicator=${encodeURIComponent(c.slug)}`}
                  download
                >
                  Sjabloon {c.slug}.csv
                </a>,
              ],
            }))}
          />
        </section>
      ) : null}
    </Layout>
  );
}
