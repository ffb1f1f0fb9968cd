#!/usr/bin/env node
// The `musrenbang` command. The code is TypeScript run through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
await import("./main.ts");
