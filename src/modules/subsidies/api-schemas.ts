import { Type } from "typebox";
import { MAX_CENTS } from "../../platform/money.js";
import {
  CODE_MAX,
  Id,
  LongText,
  NAME_MAX,
  NOTE_MAX,
  Nullable,
  Text,
  Year,
} from "../../platform/schema-types.js";
import { PLACEMENTS } from "../organisations/index.js";
import { INITIAL_STATES } from "./input.js";
import { REPORT_KINDS, SUBSIDY_FORMS, SUBSIDY_STATES } from "./schema.js";

// The JSON shapes of the subsidy API: Dutch keys, amounts as whole euro cents.

export const TAG = ["Subsidies"];

const enumOf = (values: readonly string[], description?: string) =>
  Type.Enum([...values], { type: "string", ...(description ? { description } : {}) });

export const Cents = (description: string) =>
  Type.Integer({ minimum: 0, maximum: MAX_CENTS, description });

export const SubsidyJson = Type.Object({
  id: Type.String({ format: "uuid" }),
  organisatie: Type.Object({
    id: Type.String({ format: "uuid" }),
    code: Type.String(),
    naam: Type.String(),
  }),
  jaar: Type.Integer(),
  kenmerk: Nullable(Type.String()),
  vorm: enumOf(SUBSIDY_FORMS),
  status: enumOf(SUBSIDY_STATES),
  werkgebied: Nullable(Type.Object({ code: Type.String(), naam: Type.String() })),
  plaats: Nullable(enumOf(PLACEMENTS)),
  bedragCent: Type.Integer({ description: "Gevraagd of verleend bedrag in eurocent" }),
  vastgesteldBedragCent: Nullable(Type.Integer({ description: "Vastgesteld bedrag in eurocent" })),
  vrijwilligersOfOntmoetingsplek: Type.Boolean({
    description: "Aangemerkt als vrijwilligersorganisatie of ontmoetingsplek",
  }),
  opdracht: Type.String(),
  interneNotitie: Type.Optional(
    Type.String({ description: "Alleen voor medewerkers met het recht subsidies.manage" }),
  ),
  versie: Type.Optional(
    Type.Integer({
      description: "Alleen voor medewerkers: meesturen bij een wijziging (409 als verouderd)",
    }),
  ),
});

export const SubsidyDetailJson = Type.Object({
  ...SubsidyJson.properties,
  doelen: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      tekst: Type.String(),
      document: Type.String(),
    }),
  ),
  indicatoren: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid", description: "Id van de afspraak" }),
      indicator: Type.String({ format: "uuid" }),
      naam: Type.String(),
      eenheid: Type.String(),
      streefwaarde: Nullable(Type.Number()),
    }),
  ),
  verantwoording: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      soort: enumOf(REPORT_KINDS),
      uiterlijk: Type.String({ format: "date" }),
      omschrijving: Type.String(),
    }),
  ),
  geschiedenis: Type.Optional(
    Type.Array(
      Type.Object({
        van: Nullable(enumOf(SUBSIDY_STATES)),
        naar: enumOf(SUBSIDY_STATES),
        door: Type.String({ description: "Rol of organisatie, nooit een persoon" }),
        toelichting: Nullable(Type.String()),
        op: Type.String({ format: "date-time" }),
      }),
      { description: "Alleen voor medewerkers" },
    ),
  ),
});

export const ListQuery = {
  jaar: Type.Optional(Year()),
  status: Type.Optional(
    enumOf(
      SUBSIDY_STATES,
      "aanvraag en ingetrokken alleen voor medewerkers en voor een partner bij de eigen organisatie",
    ),
  ),
  werkgebied: Type.Optional(Text(CODE_MAX, { description: "Code of id van een werkgebied" })),
  organisatie: Type.Optional(Text(CODE_MAX, { description: "Code of id van een organisatie" })),
};

const writable = {
  kenmerk: Type.Optional(Nullable(Text(NAME_MAX))),
  werkgebied: Type.Optional(Nullable(Text(CODE_MAX, { description: "Code of id" }))),
  plaats: Type.Optional(Nullable(enumOf(PLACEMENTS))),
  vastgesteldBedragCent: Type.Optional(Nullable(Cents("Vastgesteld bedrag in eurocent"))),
  vrijwilligersOfOntmoetingsplek: Type.Optional(Type.Boolean()),
  opdracht: Type.Optional(LongText()),
  interneNotitie: Type.Optional(LongText()),
};

export const CreateBody = Type.Object(
  {
    organisatie: Text(CODE_MAX, { minLength: 1, description: "Code of id van de organisatie" }),
    jaar: Year(),
    vorm: enumOf(SUBSIDY_FORMS),
    status: Type.Optional(enumOf(INITIAL_STATES, "Beginstatus; standaard aanvraag")),
    bedragCent: Cents("Gevraagd of verleend bedrag in eurocent"),
    ...writable,
  },
  { additionalProperties: false },
);

export const PatchBody = Type.Object(
  {
    organisatie: Type.Optional(Text(CODE_MAX, { minLength: 1 })),
    jaar: Type.Optional(Year()),
    vorm: Type.Optional(enumOf(SUBSIDY_FORMS)),
    bedragCent: Type.Optional(Cents("Gevraagd of verleend bedrag in eurocent")),
    ...writable,
    versie: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const StatusBody = Type.Object(
  {
    status: enumOf(SUBSIDY_STATES),
    toelichting: Type.Optional(Text(NOTE_MAX)),
    vastgesteldBedragCent: Type.Optional(Cents("Bij vaststellen: het vastgestelde bedrag")),
    versie: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Id({ description: "Id van de subsidie" }) });

export const BudgetJson = Type.Object({
  jaar: Type.Integer(),
  werkgebieden: Type.Array(
    Type.Object({
      code: Nullable(Type.String({ description: "null: subsidies zonder werkgebied" })),
      naam: Type.String(),
      geplandCent: Nullable(Type.Integer()),
      versie: Nullable(
        Type.Integer({ description: "Versie van het geplande bedrag (null: niets gepland)" }),
      ),
      verleendCent: Type.Integer(),
      aandeelVerleendPromille: Nullable(
        Type.Integer({ description: "Aandeel in het totaal verleend, in tienden van een procent" }),
      ),
      vastgesteldCent: Type.Integer(),
    }),
  ),
  totaal: Type.Object({
    geplandCent: Type.Integer(),
    verleendCent: Type.Integer(),
    vastgesteldCent: Type.Integer(),
  }),
  vrijwilligersEnOntmoetingsplekken: Type.Object({
    verleendCent: Type.Integer(),
    aandeelPromille: Nullable(Type.Integer()),
    regel: Type.String(),
  }),
  subsidies: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      organisatie: Type.String(),
      status: enumOf(SUBSIDY_STATES),
      verleendCent: Type.Integer(),
      vastgesteldCent: Nullable(Type.Integer()),
      verschilCent: Nullable(Type.Integer({ description: "Vastgesteld min verleend" })),
    }),
  ),
  kostenMaatwerk: Type.Array(
    Type.Object({
      indicator: Type.String(),
      naam: Type.String(),
      bron: Type.String(),
      waarden: Type.Array(Type.Object({ jaar: Type.Integer(), bedragEuro: Type.Number() })),
    }),
    { description: "Indicatoren in euro uit de monitor (zoals Wmo-maatwerk), ernaast getoond" },
  ),
});
