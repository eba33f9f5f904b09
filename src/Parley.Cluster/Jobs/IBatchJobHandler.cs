namespace Parley.Cluster.Jobs;

/// <summary>The silo-side, untyped face of an <see cref="IBatchJob{TSpec, TPartial}"/>: bytes in, bytes out.</summary>
public interface IBatchJobHandler
{
    /// <summary>Job kind this handler runs.</summary>
    string Kind { get; }

    /// <summary>Decodes the spec, runs <c>[fromRun, toRun)</c> and encodes the partial result.</summary>
    byte[] Run(ReadOnlySpan<byte> spec, long seed, int fromRun, int toRun);
}
