// Server secrets kept in the database, so that every copy of the app on one database signs alike: created once
// (the first copy to start wins a race), read by the others.
import { randomBytes } from "node:crypto";
import type { Db } from "./client.ts";

/** The secret called `name`, created at random if it does not exist yet, e.g. `appSecret(db, "chat-identity")`. */
export async function appSecret(db: Db, name: string): Promise<string> {
  const value = randomBytes(32).toString("base64url");
  await db.$executeRaw`INSERT INTO "AppSecret" ("name", "value", "createdAt") VALUES (${name}, ${value}, ${new Date()}) ON CONFLICT ("name") DO NOTHING`;
  const row = await db.appSecret.findUniqueOrThrow({ where: { name }, select: { value: true } });
  return row.value;
}
