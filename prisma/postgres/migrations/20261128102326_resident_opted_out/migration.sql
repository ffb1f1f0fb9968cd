-- AlterTable
ALTER TABLE "Resident" ADD COLUMN     "optedOutAt" TIMESTAMP(3);

