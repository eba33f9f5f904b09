namespace Parley.Talks.Tests;

/// <summary>Theory data row "postgres", skipped with the reason when PostgreSQL is not reachable.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresStoreAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresStoreAttribute()
    {
        if (TestStores.WhyNoPostgres is { } why)
        {
            Skip = why;
        }
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [["postgres"]];
}
