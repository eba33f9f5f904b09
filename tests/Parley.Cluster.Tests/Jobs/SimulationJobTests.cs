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
    public void SensitivitySetting_ThroughTheWire_EqualsTheInProcessProbe()
    {
        var job = SimulationJob.Instance;
        var knobs = SensitivityKnobs.Factors[7].HighKnobs;
        var spec = Flagship() with { Knobs = knobs };
        var plan = SimulationJob.Compile(spec);
        var expected = StagedForecast.Run(plan, 5, 120, threads: 2, knobs: knobs);
        var decoded = job.DecodeSpec(job.EncodeSpec(spec));
        Assert.Equal(spec, decoded);
        var partials = BatchPlan.Split(120, 50).Select(r => job.RunBatch(decoded, 5, r.From, r.To)).ToList();
        Assert.Equal(expected.ToBytes(), InProcessRunner.MergeInOrder(job, partials).ToBytes());
        Assert.NotEqual(StagedForecast.Run(plan, 5, 120).ToBytes(), expected.ToBytes());
    }

    [Fact]
    public void SpecWithoutKnobs_KeepsTheVersion1Bytes()
    {
        var spec = Flagship() with { Start = new DateOnly(2025, 3, 1) };
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(spec.Source);
            w.Write(spec.File);
            w.Write(spec.Start!.Value.DayNumber);
        }

        Assert.Equal(stream.ToArray(), SimulationJob.Instance.EncodeSpec(spec));
        Assert.Equal(spec, SimulationJob.Instance.DecodeSpec(stream.ToArray()));
    }

    [Fact]
    public void SpecWithKnobs_ReadByAVersion1Silo_FailsNamingTheVersion()
    {
        var bytes = SimulationJob.Instance.EncodeSpec(Flagship() with { Knobs = SensitivityKnobs.None });
        // What a silo from before version 2 decodes: source, file, day, ignoring the rest.
        using var r = new BinaryReader(new MemoryStream(bytes));
        var legacy = new SimulationJobSpec(r.ReadString(), r.ReadString(), r.ReadInt32() < 0 ? null : default(DateOnly));
        var error = Assert.Throws<ArgumentException>(() => SimulationJob.Compile(legacy));
        Assert.Contains("older Parley build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpecCodec_RejectsTrailingAndTruncatedBytes()
    {
        var job = SimulationJob.Instance;
        var v1 = job.EncodeSpec(Flagship());
        var v2 = job.EncodeSpec(Flagship() with { Knobs = SensitivityKnobs.None });
        Assert.Throws<ArgumentException>(() => job.DecodeSpec([.. v1, 0]));
        Assert.Throws<ArgumentException>(() => job.DecodeSpec(v2.AsSpan(0, v2.Length - 4)));
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
