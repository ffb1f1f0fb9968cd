import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

/** The project's root folder (where package.json is), whatever the working directory. */
export const projectRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
