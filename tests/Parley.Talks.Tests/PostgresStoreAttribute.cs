using Parley.Tests;

namespace Parley.Talks.Tests;

/// <summary>
/// Theory data row "postgres", skipped with the reason when PostgreSQL is not reachable — except under CI
/// (<c>CI=true</c>, see <see cref="Requirement"/>), where the theory is not skipped but fails, naming the server
/// it could not reach. (xunit v2 cannot fail a single data row, so there the whole theory fails, its sqlite row too.)
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresStoreAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresStoreAttribute()
    {
        Skip = Requirement.SkipReason(WhyMissing);
    }

    /// <summary>Why PostgreSQL cannot be used here (naming the host and port tried), or null when it can.</summary>
    public static string? WhyMissing => TestStores.WhyNoPostgres is { } why
        ? $"{why} (tried {Server(TestStores.PostgresConnectionString)})"
        : null;

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod)
    {
        if (Skip is null)
        {
            // Thrown here, the theory's data cannot be enumerated and xunit fails the theory with this message.
            Requirement.Ensure(WhyMissing);
        }

        return [["postgres"]];
    }

    private static string Server(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}, database {builder.Database}";
    }
}
