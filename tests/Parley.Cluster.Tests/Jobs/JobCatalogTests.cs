using Parley.Cluster.Jobs;

namespace Parley.Cluster.Tests.Jobs;

public sealed class JobCatalogTests
{
    [Fact]
    public void Get_UnknownKind_NamesTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => JobCatalog.Default.Get("nope"));
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("synthetic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsTwoHandlersForOneKind()
    {
        var handler = new BatchJobHandler<SyntheticSpec, SyntheticPartial>(SyntheticJob.Instance);
        Assert.Throws<ArgumentException>(() => new JobCatalog([handler, handler]));
    }

    [Fact]
    public void Handler_RunsBytesToBytes_LikeTheTypedJob()
    {
        var job = SyntheticJob.Instance;
        var bytes = JobCatalog.Default.Get("synthetic").Run(job.EncodeSpec(new SyntheticSpec(2)), 5, 10, 30);
        Assert.Equal(job.RunBatch(new SyntheticSpec(2), 5, 10, 30), job.DecodePartial(bytes));
    }
}
