namespace Parley.Cluster.Jobs;

/// <summary>Adapts a typed job to the untyped handler the worker grain calls.</summary>
/// <remarks>Decodes the spec once per batch: specs are small next to a batch's work.</remarks>
public sealed class BatchJobHandler<TSpec, TPartial>(IBatchJob<TSpec, TPartial> job) : IBatchJobHandler
{
    /// <inheritdoc />
    public string Kind => job.Kind;

    /// <inheritdoc />
    public byte[] Run(ReadOnlySpan<byte> spec, long seed, int fromRun, int toRun) =>
        job.EncodePartial(job.RunBatch(job.DecodeSpec(spec), seed, fromRun, toRun));
}
