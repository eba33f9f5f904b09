namespace Parley.Cluster.Jobs;

/// <summary>
/// A job that splits into independent batches of runs: the contract a lens implements to run on the cluster.
/// <see cref="RunBatch"/> must be pure (same spec, seed and range → same partial result) and <see cref="Merge"/>
/// associative, so merging the batches' partial results in batch order equals one in-process run over all runs.
/// </summary>
/// <typeparam name="TSpec">What the job runs (decoded on every silo).</typeparam>
/// <typeparam name="TPartial">The result of a range of runs.</typeparam>
public interface IBatchJob<TSpec, TPartial>
{
    /// <summary>Name the silos look the handler up by; unique per job type.</summary>
    string Kind { get; }

    /// <summary>Runs <c>[fromRun, toRun)</c>; each run derives its randomness from (<paramref name="seed"/>, run index).</summary>
    TPartial RunBatch(TSpec spec, long seed, int fromRun, int toRun);

    /// <summary>Combines two adjacent partial results (<paramref name="left"/> covers the earlier runs). Associative.</summary>
    TPartial Merge(TPartial left, TPartial right);

    /// <summary>Encodes a spec for the wire.</summary>
    byte[] EncodeSpec(TSpec spec);

    /// <summary>Decodes a spec; throws <see cref="ArgumentException"/> on malformed bytes.</summary>
    TSpec DecodeSpec(ReadOnlySpan<byte> bytes);

    /// <summary>Encodes a partial result for the wire. Decoding must give back an equal value.</summary>
    byte[] EncodePartial(TPartial result);

    /// <summary>Decodes a partial result; throws <see cref="ArgumentException"/> on malformed bytes.</summary>
    TPartial DecodePartial(ReadOnlySpan<byte> bytes);
}
