-- Supports given before Support.channel existed take the channel of the supporter's first chat link.
UPDATE "Support" SET "channel" = (
  SELECT ci."channel" FROM "ChannelIdentity" ci WHERE ci."residentId" = "Support"."residentId" ORDER BY ci."id" LIMIT 1
) WHERE "channel" IS NULL;
