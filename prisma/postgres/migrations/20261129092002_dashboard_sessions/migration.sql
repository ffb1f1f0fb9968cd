-- AlterTable
ALTER TABLE "ProposalEvent" ADD COLUMN     "detail" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'status';

-- AlterTable
ALTER TABLE "Officer" ADD COLUMN     "lastVisitAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OfficerSession" ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "LoginFailure" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginFailure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoginFailure_key_createdAt_idx" ON "LoginFailure"("key", "createdAt");

