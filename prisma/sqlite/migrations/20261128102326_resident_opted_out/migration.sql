-- AlterTable
ALTER TABLE "Resident" ADD COLUMN "optedOutAt" DATETIME;

