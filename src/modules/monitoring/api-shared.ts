import { Type } from "typebox";
import { Ref } from "../../platform/schema-types.js";

/** What the monitoring API route files share: their OpenAPI tag and the indicator path parameter. */
export const TAG = ["Monitoring"];
export const IdParams = Type.Object({
  id: Ref({ description: "Code of id van de indicator" }),
});
