-- AlterTable
ALTER TABLE "District" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Village" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

