using Parley.Cluster.Jobs;
using Parley.Negotiation.Simulation;

namespace Parley.Cluster.Tests.Jobs;

public sealed class SimulationJobTests
{
    private static SimulationJobSpec Flagship()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir.FullName, "examples", "ukraine-talks-2025.yaml");
        return new SimulationJobSpec(File.ReadAllText(path), path, null);
    }

    [Fact]
    public void Batches_MergedInOrder_EqualTheInProcessForecast()
    {
        var job = SimulationJob.Instance;
        var spec = Flagship();
        var plan = SimulationJob.Compile(spec);
        var expected = StagedForecast.Run(plan, 5, 300, threads: 2);
        // Through the wire format, as the cluster does it.
        var partials = BatchPlan.Split(300, 40).Select(r => job.DecodePartial(job.EncodePartial(job.RunBatch(job.DecodeSpec(job.EncodeSpec(spec)), 5, r.From, r.To)))).ToList();
        var merged = InProcessRunner.MergeInOrder(job, partials);
        Assert.Equal(expected.ToBytes(), merged.ToBytes());
        Assert.Equal(300, merged.Runs);
    }

    [Fact]
    public void TallyCodec_RejectsTruncatedBytes()
    {
        var bytes = SimulationJob.Instance.RunBatch(Flagship(), 1, 0, 5).ToBytes();
        Assert.Throws<ArgumentException>(() => SimulationTally.FromBytes(bytes.AsSpan(0, bytes.Length - 3)));
    }

    [Fact]
    public void BadScenario_FailsWithItsLocatedError()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulationJob.Instance.RunBatch(new SimulationJobSpec("id: [", "bad.yaml", null), 1, 0, 1));
        Assert.Contains("bad.yaml:", error.Message, StringComparison.Ordinal);
    }
}
