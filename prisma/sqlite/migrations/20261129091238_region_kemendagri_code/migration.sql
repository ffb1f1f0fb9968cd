-- AlterTable
ALTER TABLE "District" ADD COLUMN "kemendagriCode" TEXT;

-- AlterTable
ALTER TABLE "Village" ADD COLUMN "kemendagriCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "District_kemendagriCode_key" ON "District"("kemendagriCode");

-- CreateIndex
CREATE UNIQUE INDEX "Village_kemendagriCode_key" ON "Village"("kemendagriCode");

