using System.Threading.Channels;
using Orleans.Runtime;

namespace Parley.Cluster.Client;

/// <summary>
/// Runs one job's batches over the live silos: each silo gets as many slot loops as it has workers; a slot
/// pulls the next batch, runs it, and records its result. When a silo leaves the live list (declared dead) or
/// a call to it fails in transport, its in-flight batches go back on the queue and run elsewhere.
/// </summary>
/// <remarks>
/// Invariant: every batch index is at any time either queued, in flight on exactly one slot, or accepted, and a
/// result is accepted only once; a call given up on (its silo presumed dead) is abandoned, so a late answer from
/// it is never counted. That is what makes "no batch counted twice" hold even when a silo was only slow.
/// </remarks>
internal sealed class BatchScheduler
{
    private readonly IBatchDispatcher _dispatcher;
    private readonly BatchSchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<BatchWork> _batches;
    private readonly IProgress<ClusterProgress>? _progress;
    private readonly Lock _gate = new();
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();
    private readonly ReadOnlyMemory<byte>[] _results;
    private readonly string[] _ranOn;
    private readonly int[] _attempts;
    private readonly Dictionary<string, SiloSlots> _silos = new(StringComparer.Ordinal);
    private readonly List<SiloSlots> _allSilos = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _job;
    private int _done;
    private int _inFlight;
    private int _totalAttempts;
    private int _reassigned;

    private BatchScheduler(IBatchDispatcher dispatcher, BatchSchedulerOptions options, TimeProvider time, IReadOnlyList<BatchWork> batches, IProgress<ClusterProgress>? progress, CancellationToken cancellationToken)
    {
        _dispatcher = dispatcher;
        _options = options;
        _time = time;
        _batches = batches;
        _progress = progress;
        _results = new ReadOnlyMemory<byte>[batches.Count];
        _ranOn = new string[batches.Count];
        _attempts = new int[batches.Count];
        _job = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Runs all batches; returns their encoded results in batch order and a report.</summary>
    /// <param name="dispatcher">Transport to the silos.</param>
    /// <param name="options">Timing and limits.</param>
    /// <param name="time">Clock for polling and the no-silo timeout.</param>
    /// <param name="batches">The job's batches; <see cref="BatchWork.BatchIndex"/> must equal the list position.</param>
    /// <param name="progress">Called, in order and synchronously, after every change; keep it quick.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    public static async Task<(IReadOnlyList<ReadOnlyMemory<byte>> Partials, ClusterRunReport Report)> RunAsync(
        IBatchDispatcher dispatcher,
        BatchSchedulerOptions options,
        TimeProvider time,
        IReadOnlyList<BatchWork> batches,
        IProgress<ClusterProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0)
        {
            throw new ArgumentException("a job needs at least one batch", nameof(batches));
        }

        for (var i = 0; i < batches.Count; i++)
        {
            if (batches[i].BatchIndex != i)
            {
                throw new ArgumentException($"batch at position {i} has index {batches[i].BatchIndex}", nameof(batches));
            }
        }

        var scheduler = new BatchScheduler(dispatcher, options, time, batches, progress, cancellationToken);
        return await scheduler.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<(IReadOnlyList<ReadOnlyMemory<byte>>, ClusterRunReport)> ExecuteAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _batches.Count; i++)
        {
            _queue.Writer.TryWrite(i);
        }

        var monitor = Task.Run(MonitorAsync, CancellationToken.None);
        try
        {
            await _finished.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _job.CancelAsync().ConfigureAwait(false);
            _queue.Writer.TryComplete();
            Task[] loops;
            lock (_gate)
            {
                loops = [monitor, .. _allSilos.SelectMany(s => s.Loops)];
            }

            await Task.WhenAll(loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var silo in _allSilos)
            {
                silo.Dispose();
            }

            _job.Dispose();
        }

        var perSilo = _ranOn.GroupBy(s => s, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (_results, new ClusterRunReport(_batches.Count, _totalAttempts, _reassigned, perSilo, _ranOn));
    }

    private async Task MonitorAsync()
    {
        var token = _job.Token;
        DateTimeOffset? withoutSilos = null;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var workers = await _dispatcher.GetWorkersAsync(token).WaitAsync(_options.PollInterval * 5, _time, token).ConfigureAwait(false);
                Apply(workers);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                // The silo answering for the membership list may itself be the dead one; ask again next time.
            }
#pragma warning disable CA1031 // Any other failure ends the job with that error, reported to the caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fail(ex);
                return;
            }

            lock (_gate)
            {
                if (_silos.Count > 0)
                {
                    withoutSilos = null;
                }
                else if ((withoutSilos ??= _time.GetUtcNow()) + _options.NoWorkerTimeout <= _time.GetUtcNow())
                {
                    Fail(new ClusterJobException($"no live silo for {_options.NoWorkerTimeout.TotalSeconds:0} s; {_done} of {_batches.Count} batches done"));
                    return;
                }
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Apply(IReadOnlyList<WorkerInfo> workers)
    {
        lock (_gate)
        {
            if (_job.IsCancellationRequested)
            {
                return;
            }

            var live = new Dictionary<string, WorkerInfo>(StringComparer.Ordinal);
            foreach (var worker in workers)
            {
                live.TryAdd(worker.Silo, worker);
            }

            foreach (var silo in _silos.Keys.Where(s => !live.ContainsKey(s)).ToList())
            {
                DropLocked(silo);
            }

            foreach (var worker in live.Values.Where(w => !_silos.ContainsKey(w.Silo)))
            {
                var slots = new SiloSlots(worker, _job.Token);
                _silos.Add(worker.Silo, slots);
                _allSilos.Add(slots);
                for (var slot = 0; slot < Math.Max(1, worker.Workers); slot++)
                {
                    var slotIndex = slot;
                    slots.Loops.Add(Task.Run(() => SlotLoopAsync(slots, slotIndex), CancellationToken.None));
                }
            }

            ReportLocked();
        }
    }

    private async Task SlotLoopAsync(SiloSlots silo, int slot)
    {
        var token = silo.Token;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                if (!_queue.Reader.TryRead(out var index))
                {
                    continue;
                }

                lock (_gate)
                {
                    if (++_attempts[index] > _options.MaxAttempts)
                    {
                        Fail(new ClusterJobException($"batch {index} (runs {_batches[index].FromRun}–{_batches[index].ToRun - 1}) was lost {_options.MaxAttempts} times"));
                        return;
                    }

                    _totalAttempts++;
                    _inFlight++;
                    ReportLocked();
                }

                BatchOutcome outcome;
                try
                {
                    outcome = await _dispatcher.RunAsync(silo.Info, slot, _batches[index], token).WaitAsync(token).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsTransient(ex) || token.IsCancellationRequested)
                {
                    // The silo died, left, or could not be reached: the batch runs elsewhere. Drop the silo; if it is
                    // still alive, the next poll brings it back with fresh slots.
                    lock (_gate)
                    {
                        _inFlight--;
                        if (!_job.IsCancellationRequested)
                        {
                            _reassigned++;
                            _queue.Writer.TryWrite(index);
                            if (_silos.TryGetValue(silo.Info.Silo, out var current) && ReferenceEquals(current, silo))
                            {
                                DropLocked(silo.Info.Silo);
                            }

                            ReportLocked();
                        }
                    }

                    return;
                }
#pragma warning disable CA1031 // The job's own error (bad spec, bug in a lens): end the job with it.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Fail(ex);
                    return;
                }

                Accept(index, outcome);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Silo dropped or job over.
        }
    }

    private void Accept(int index, BatchOutcome outcome)
    {
        if (outcome.BatchIndex != index || outcome.JobId != _batches[index].JobId)
        {
            Fail(new ClusterJobException($"batch {index}: a silo answered for job {outcome.JobId} batch {outcome.BatchIndex}"));
            return;
        }

        lock (_gate)
        {
            _inFlight--;
            if (_ranOn[index] is not null)
            {
                return; // Cannot happen by the invariant; never count a batch twice if it did.
            }

            _results[index] = outcome.Partial;
            _ranOn[index] = outcome.Silo;
            _done++;
            ReportLocked();
            if (_done == _batches.Count)
            {
                _queue.Writer.TryComplete();
                _finished.TrySetResult();
            }
        }
    }

    private void DropLocked(string silo)
    {
        if (_silos.Remove(silo, out var slots))
        {
            slots.Cancel();
        }
    }

    private void Fail(Exception error)
    {
        _finished.TrySetException(error);
        _job.Cancel();
    }

    private void ReportLocked() =>
        _progress?.Report(new ClusterProgress(_done, _batches.Count, _inFlight, _silos.Count, _reassigned));

    private static bool IsTransient(Exception ex) => ex is OrleansException or TimeoutException;

    private sealed class SiloSlots(WorkerInfo info, CancellationToken job) : IDisposable
    {
        private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(job);

        public WorkerInfo Info { get; } = info;

        public CancellationToken Token => _cts.Token;

        public List<Task> Loops { get; } = [];

        public void Cancel() => _cts.Cancel();

        public void Dispose() => _cts.Dispose();
    }
}
