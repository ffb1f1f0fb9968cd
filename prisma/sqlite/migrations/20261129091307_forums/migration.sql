-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN "districtForumsFrom" DATETIME;
ALTER TABLE "Cycle" ADD COLUMN "districtForumsUntil" DATETIME;
ALTER TABLE "Cycle" ADD COLUMN "villageForumsFrom" DATETIME;
ALTER TABLE "Cycle" ADD COLUMN "villageForumsUntil" DATETIME;

-- CreateTable
CREATE TABLE "Forum" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cycleId" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "heldAt" DATETIME,
    "place" TEXT,
    "notes" TEXT,
    "lockedAt" DATETIME,
    "lockedBy" TEXT,
    "forwardedAt" DATETIME,
    "forwardedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Forum_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ForumItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "forumId" INTEGER NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "agreed" BOOLEAN NOT NULL DEFAULT true,
    "reason" TEXT,
    "agreedVolume" REAL,
    "rank" INTEGER,
    CONSTRAINT "ForumItem_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ForumItem_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ForumParticipant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "forumId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "element" TEXT NOT NULL,
    "delegate" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ForumParticipant_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ForumChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "forumId" INTEGER NOT NULL,
    "proposalCode" TEXT,
    "actorId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ForumChange_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Forum_cycleId_level_regionCode_key" ON "Forum"("cycleId", "level", "regionCode");

-- CreateIndex
CREATE INDEX "ForumItem_proposalId_idx" ON "ForumItem"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "ForumItem_forumId_proposalId_key" ON "ForumItem"("forumId", "proposalId");

-- CreateIndex
CREATE INDEX "ForumParticipant_forumId_idx" ON "ForumParticipant"("forumId");

-- CreateIndex
CREATE INDEX "ForumChange_forumId_idx" ON "ForumChange"("forumId");

