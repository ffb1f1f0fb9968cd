-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "districtForumsFrom" TIMESTAMP(3),
ADD COLUMN     "districtForumsUntil" TIMESTAMP(3),
ADD COLUMN     "villageForumsFrom" TIMESTAMP(3),
ADD COLUMN     "villageForumsUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Forum" (
    "id" SERIAL NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3),
    "place" TEXT,
    "notes" TEXT,
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "forwardedAt" TIMESTAMP(3),
    "forwardedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Forum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumItem" (
    "id" SERIAL NOT NULL,
    "forumId" INTEGER NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "agreed" BOOLEAN NOT NULL DEFAULT true,
    "reason" TEXT,
    "agreedVolume" DOUBLE PRECISION,
    "rank" INTEGER,

    CONSTRAINT "ForumItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumParticipant" (
    "id" SERIAL NOT NULL,
    "forumId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "element" TEXT NOT NULL,
    "delegate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ForumParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumChange" (
    "id" SERIAL NOT NULL,
    "forumId" INTEGER NOT NULL,
    "proposalCode" TEXT,
    "actorId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumChange_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Forum" ADD CONSTRAINT "Forum_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumItem" ADD CONSTRAINT "ForumItem_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumItem" ADD CONSTRAINT "ForumItem_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumParticipant" ADD CONSTRAINT "ForumParticipant_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumChange" ADD CONSTRAINT "ForumChange_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum"("id") ON DELETE CASCADE ON UPDATE CASCADE;

