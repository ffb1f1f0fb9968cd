-- AlterTable (hand-written as plain ADD COLUMNs: Prisma's diff rebuilt the whole Proposal table for them, which
-- would drop columns another branch adds at the same time)
ALTER TABLE "Proposal" ADD COLUMN "publicProblem" TEXT;
ALTER TABLE "Proposal" ADD COLUMN "publicProblemBy" TEXT;
ALTER TABLE "Proposal" ADD COLUMN "publicProblemAt" DATETIME;
ALTER TABLE "Proposal" ADD COLUMN "publishLocation" BOOLEAN NOT NULL DEFAULT false;
