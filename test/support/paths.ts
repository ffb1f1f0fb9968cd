import { join } from "node:path";
import { tmpdir } from "node:os";

// Each test run gets its own folder (made by global-setup and passed to the workers through the
// environment), so two runs at once never delete each other's databases.
export const testTmpDir = process.env.MUSRENBANG_TEST_DIR ?? join(tmpdir(), "musrenbang-test");
export const templateSqlitePath = join(testTmpDir, "template.db");
