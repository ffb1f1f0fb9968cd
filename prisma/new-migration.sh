#!/usr/bin/env bash
# Writes the migrations for a change of prisma/models.prisma, for both flavours, without any database:
#   prisma/new-migration.sh add_rank_to_proposal
# It diffs the committed models (git HEAD) against the working tree (see STACK.md: `migrate dev` fails here).
# The Prisma CLI opens the PostgreSQL server on 127.0.0.1 for the postgres flavour but changes nothing there.
set -euo pipefail
name=${1:?usage: prisma/new-migration.sh NAME}
cd "$(dirname "$0")/.."
stamp=$(date -u +%Y%m%d%H%M%S)
for flavour in sqlite postgres; do
  old=$(mktemp -d)
  git show "HEAD:prisma/$flavour/schema.prisma" > "$old/schema.prisma"
  git show "HEAD:prisma/models.prisma" > "$old/models.prisma"
  url="file:./data/migrate-diff.db"; [ "$flavour" = postgres ] && url="postgresql://postgres@127.0.0.1:5432/postgres"
  dir="prisma/$flavour/migrations/${stamp}_$name"
  mkdir -p "$dir"
  DATABASE_URL=$url npx prisma migrate diff --from-schema-datamodel "$old" \
    --to-schema-datamodel "prisma/$flavour" --script > "$dir/migration.sql"
  rm -rf "$old"
  echo "wrote $dir/migration.sql"
done
