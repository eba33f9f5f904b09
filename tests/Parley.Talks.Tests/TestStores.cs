using Npgsql;
using Parley.Talks.Storage;

namespace Parley.Talks.Tests;

/// <summary>Fresh, isolated stores for tests: a temporary SQLite file, or a new schema in the test PostgreSQL.</summary>
public static class TestStores
{
    /// <summary>The PostgreSQL the tests use: <c>PARLEY_TEST_PG</c>, else what <c>.ci/services</c> sets up.</summary>
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("PARLEY_TEST_PG") is { Length: > 0 } cs ? cs
            : "Host=127.0.0.1;Port=5432;Username=parley;Password=parley;Database=parley_test;Timeout=30;Command Timeout=120";

    private static readonly Lazy<string?> PostgresProblem = new(() =>
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Timeout = 30 };
            // Generous: on a loaded 2-core CI machine a refused connection still fails at once, a slow one must not.
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
#pragma warning disable CA1031 // any failure means "not available here"
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"PostgreSQL not reachable ({ex.GetType().Name}: {ex.Message}); run .ci/services or set PARLEY_TEST_PG";
        }
    });

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? WhyNoPostgres => PostgresProblem.Value;

    /// <summary>A migrated store of the given kind (<c>sqlite</c> or <c>postgres</c>), deleted when disposed.</summary>
    public static async Task<TestStore> CreateAsync(string kind)
    {
        if (kind == "sqlite")
        {
            var dir = Directory.CreateTempSubdirectory("parley-talks-");
            var store = new SqliteEventStore(Path.Combine(dir.FullName, "test.db"));
            await store.MigrateAsync();
            return new TestStore(store, async () => dir.Delete(recursive: true));
        }

        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { SearchPath = schema }.ConnectionString;
        var pg = new PostgresEventStore(cs);
        await pg.MigrateAsync();
        return new TestStore(pg, async () =>
        {
            await using var admin = new NpgsqlConnection(PostgresConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }, cs);
    }
}
