using CsCheck;
using Parley.Cluster.Jobs;

namespace Parley.Cluster.Tests.Jobs;

public sealed class SyntheticJobTests
{
    private static readonly SyntheticJob Job = SyntheticJob.Instance;
    private static readonly SyntheticSpec Spec = new(3);

    [Fact]
    public void Merge_OfAdjacentRanges_EqualsTheWholeRange() =>
        Gen.Select(Gen.Long, Gen.Int[0, 200], Gen.Int[0, 200], Gen.Int[0, 200]).Sample((seed, a, b, c) =>
        {
            var (from, mid, to) = (a, a + b, a + b + c);
            Assert.Equal(Job.RunBatch(Spec, seed, from, to), Job.Merge(Job.RunBatch(Spec, seed, from, mid), Job.RunBatch(Spec, seed, mid, to)));
        });

    [Fact]
    public void Merge_IsAssociative_ButOrderSensitive()
    {
        var x = Job.RunBatch(Spec, 7, 0, 5);
        var y = Job.RunBatch(Spec, 7, 5, 9);
        var z = Job.RunBatch(Spec, 7, 9, 20);
        Assert.Equal(Job.Merge(Job.Merge(x, y), z), Job.Merge(x, Job.Merge(y, z)));
        // A cluster that merged out of batch order, lost a batch or counted one twice would be caught.
        Assert.NotEqual(Job.Merge(x, y), Job.Merge(y, x));
        Assert.NotEqual(Job.Merge(Job.Merge(x, y), z), Job.Merge(Job.Merge(Job.Merge(x, y), y), z));
    }

    [Fact]
    public void Encoding_RoundTrips() =>
        Gen.Select(Gen.Long, Gen.Int[0, 100], Gen.Int[0, 50]).Sample((seed, from, count) =>
        {
            var partial = Job.RunBatch(Spec, seed, from, from + count);
            Assert.Equal(partial, Job.DecodePartial(Job.EncodePartial(partial)));
            Assert.Equal(Spec, Job.DecodeSpec(Job.EncodeSpec(Spec)));
        });

    [Fact]
    public void Decode_RejectsWrongLength()
    {
        Assert.Throws<ArgumentException>(() => Job.DecodePartial(new byte[31]));
        Assert.Throws<ArgumentException>(() => Job.DecodeSpec(new byte[5]));
    }

    [Fact]
    public void InProcessRun_DoesNotDependOnBatchSizeOrParallelism()
    {
        var reference = Job.RunBatch(Spec, 42, 0, 1000);
        foreach (var size in new[] { 1, 7, 100, 1000, 5000 })
        {
            Assert.Equal(reference, InProcessRunner.Run(Job, Spec, 42, 1000, size, maxParallelism: 1));
            Assert.Equal(reference, InProcessRunner.Run(Job, Spec, 42, 1000, size));
        }
    }
}
