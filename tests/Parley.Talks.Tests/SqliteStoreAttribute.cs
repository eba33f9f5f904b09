namespace Parley.Talks.Tests;

/// <summary>Theory data row "sqlite".</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteStoreAttribute : Xunit.Sdk.DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [["sqlite"]];
}
