-- AlterTable
ALTER TABLE "Officer" ADD COLUMN "lastVisitAt" DATETIME;

-- CreateTable
CREATE TABLE "LoginFailure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProposalEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "proposalId" INTEGER NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "reason" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'status',
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalEvent_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProposalEvent" ("actorId", "actorType", "createdAt", "fromStatus", "id", "proposalId", "reason", "toStatus") SELECT "actorId", "actorType", "createdAt", "fromStatus", "id", "proposalId", "reason", "toStatus" FROM "ProposalEvent";
DROP TABLE "ProposalEvent";
ALTER TABLE "new_ProposalEvent" RENAME TO "ProposalEvent";
CREATE INDEX "ProposalEvent_proposalId_idx" ON "ProposalEvent"("proposalId");
CREATE TABLE "new_OfficerSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officerId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OfficerSession_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OfficerSession" ("createdAt", "expiresAt", "id", "officerId") SELECT "createdAt", "expiresAt", "id", "officerId" FROM "OfficerSession";
DROP TABLE "OfficerSession";
ALTER TABLE "new_OfficerSession" RENAME TO "OfficerSession";
CREATE INDEX "OfficerSession_officerId_idx" ON "OfficerSession"("officerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LoginFailure_key_createdAt_idx" ON "LoginFailure"("key", "createdAt");

