namespace Parley.Talks.Storage;

/// <summary>Opens the store a <c>--db</c> value names.</summary>
public static class EventStores
{
    /// <summary>
    /// A PostgreSQL connection string (it contains <c>=</c>, e.g. <c>Host=…;Database=…</c>, or starts
    /// with <c>postgres://</c>/<c>postgresql://</c>) opens PostgreSQL; anything else is a SQLite file path.
    /// </summary>
    public static IEventStore Open(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresEventStore(FromUrl(new Uri(db)));
        }

        return db.Contains('=', StringComparison.Ordinal) ? new PostgresEventStore(db) : new SqliteEventStore(db);
    }

    private static string FromUrl(Uri uri)
    {
        var user = uri.UserInfo.Split(':', 2);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = user.Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
        };
        return builder.ConnectionString;
    }
}
