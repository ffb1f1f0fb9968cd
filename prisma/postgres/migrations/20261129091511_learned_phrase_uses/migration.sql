-- AlterTable
ALTER TABLE "LearnedPhrase" ADD COLUMN     "uses" INTEGER NOT NULL DEFAULT 1;

