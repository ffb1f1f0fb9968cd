-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "publicProblem" TEXT,
ADD COLUMN     "publicProblemAt" TIMESTAMP(3),
ADD COLUMN     "publicProblemBy" TEXT,
ADD COLUMN     "publishLocation" BOOLEAN NOT NULL DEFAULT false;

