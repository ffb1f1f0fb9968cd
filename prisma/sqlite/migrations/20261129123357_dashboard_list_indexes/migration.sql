-- DropIndex
DROP INDEX "Proposal_kamusEntryId_idx";

-- CreateIndex
CREATE INDEX "Proposal_kamusEntryId_status_estimatedCost_idx" ON "Proposal"("kamusEntryId", "status", "estimatedCost");

-- CreateIndex
CREATE INDEX "Proposal_createdAt_id_idx" ON "Proposal"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Proposal_villageCode_createdAt_idx" ON "Proposal"("villageCode", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_status_createdAt_idx" ON "Proposal"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_proposalId_idx" ON "Attachment"("proposalId");

