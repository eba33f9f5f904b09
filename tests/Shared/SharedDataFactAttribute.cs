namespace Parley.Tests;

/// <summary>
/// A fact that needs the shared reference data (<c>../shared/data</c>, not in the repository because
/// most of it carries no open licence). Skipped, with the reason shown, where that folder is absent — except under
/// CI (<c>CI=true</c>), where it runs and fails naming the folder (<see cref="Requirement"/>, <see cref="TestPaths.SharedData"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        Skip = Requirement.SkipReason(TestPaths.WhyNoSharedData);
    }
}

/// <summary>A theory variant of <see cref="SharedDataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        Skip = Requirement.SkipReason(TestPaths.WhyNoSharedData);
    }
}
