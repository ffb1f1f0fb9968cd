-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LearnedPhrase" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kamusEntryId" INTEGER NOT NULL,
    "phrase" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uses" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "LearnedPhrase_kamusEntryId_fkey" FOREIGN KEY ("kamusEntryId") REFERENCES "KamusEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LearnedPhrase" ("createdAt", "createdBy", "id", "kamusEntryId", "normalized", "phrase", "source") SELECT "createdAt", "createdBy", "id", "kamusEntryId", "normalized", "phrase", "source" FROM "LearnedPhrase";
DROP TABLE "LearnedPhrase";
ALTER TABLE "new_LearnedPhrase" RENAME TO "LearnedPhrase";
CREATE UNIQUE INDEX "LearnedPhrase_kamusEntryId_normalized_key" ON "LearnedPhrase"("kamusEntryId", "normalized");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

