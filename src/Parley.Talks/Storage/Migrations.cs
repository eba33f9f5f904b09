namespace Parley.Talks.Storage;

/// <summary>
/// The schema, as numbered migrations applied in order on start; the same SQL runs on SQLite and
/// PostgreSQL (plain types only). Never edit an applied migration: add the next one.
/// </summary>
internal static class Migrations
{
    public const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

    public static IReadOnlyList<(int Version, string Name, string[] Sql)> All { get; } =
    [
        (1, "ledger", [
            "CREATE TABLE talks (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at BIGINT NOT NULL, version BIGINT NOT NULL)",
            "CREATE TABLE events (talks_id TEXT NOT NULL, version BIGINT NOT NULL, actor TEXT NOT NULL, at BIGINT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (talks_id, version))",
            "CREATE TABLE idempotency (talks_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, first_version BIGINT NOT NULL, last_version BIGINT NOT NULL, PRIMARY KEY (talks_id, key))",
        ]),
        (2, "tokens", [
            "CREATE TABLE tokens (hash TEXT PRIMARY KEY, talks_id TEXT NOT NULL, kind TEXT NOT NULL, party TEXT NULL, label TEXT NOT NULL)",
            "CREATE INDEX tokens_by_talks ON tokens (talks_id)",
        ]),
        (3, "token-revocation", [
            "ALTER TABLE tokens ADD COLUMN revoked_at BIGINT NULL",
        ]),
    ];

    public static int Latest => All[^1].Version;
}
