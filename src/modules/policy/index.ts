export { loadDefaultPolicy } from "./loader.js";
