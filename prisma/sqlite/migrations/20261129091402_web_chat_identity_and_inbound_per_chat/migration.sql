-- DropIndex
DROP INDEX "InboundMessage_channel_externalId_key";

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "replies" TEXT;

-- AlterTable
ALTER TABLE "Support" ADD COLUMN "channel" TEXT;

-- CreateTable
CREATE TABLE "AppSecret" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "InboundMessage_receivedAt_idx" ON "InboundMessage"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_channel_chatId_externalId_key" ON "InboundMessage"("channel", "chatId", "externalId");

