CREATE TABLE "users" ("id" INTEGER NOT NULL, "email" VARCHAR NOT NULL, "password" VARCHAR NOT NULL, "full_name" VARCHAR, PRIMARY KEY ("id"));
CREATE INDEX "ix_users_id" ON "users" ("id");
CREATE UNIQUE INDEX "ix_users_email" ON "users" ("email");
