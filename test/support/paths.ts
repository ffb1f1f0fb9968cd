import { join } from "node:path";
import { tmpdir } from "node:os";

export const testTmpDir = join(tmpdir(), "musrenbang-test");
export const templateSqlitePath = join(testTmpDir, "template.db");
