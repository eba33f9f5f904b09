using Parley.Tests;

namespace Parley.Tests;

/// <summary>
/// A fact that needs the shared reference data (<c>../shared/data</c>, not in the repository because
/// most of it carries no open licence). Skipped, with the reason shown, where that folder is absent.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (TestPaths.SharedData is null)
        {
            Skip = "reference data folder ../shared/data is absent (set PARLEY_SHARED_DATA to its path to run this interop test)";
        }
    }
}

/// <summary>A theory variant of <see cref="SharedDataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (TestPaths.SharedData is null)
        {
            Skip = "reference data folder ../shared/data is absent (set PARLEY_SHARED_DATA to its path to run this interop test)";
        }
    }
}
