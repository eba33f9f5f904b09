using System.Threading.Channels;
using Orleans.Runtime;

namespace Parley.Cluster.Client;

/// <summary>
/// Runs one job's batches over the live silos: each silo gets as many slot loops as it has workers; a slot
/// pulls the next batch, runs it, and records its result. When a silo leaves the live list (declared dead) or
/// a call to it fails in transport, its in-flight batches go back on the queue and run elsewhere.
/// </summary>
/// <remarks>
/// Invariant: a batch's result is accepted once, the first to arrive; any later answer for it (from a call given up
/// on, or the other copy of a speculated straggler) is ignored and counted in <see cref="ClusterRunReport.Duplicates"/>.
/// That is what makes "no batch counted twice" hold whatever the timing. A batch lost with its silo is queued again
/// only when no other copy of it is still running.
/// </remarks>
internal sealed class BatchScheduler
{
    private readonly IBatchDispatcher _dispatcher;
    private readonly BatchSchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<BatchWork> _batches;
    private readonly IProgress<ClusterProgress>? _progress;
    private readonly Action<int, ReadOnlyMemory<byte>>? _onAccepted;
    private readonly Lock _gate = new();
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();
    private readonly ReadOnlyMemory<byte>[] _results;
    private readonly string[] _ranOn;
    private readonly int[] _attempts;
    private readonly int[] _copies;
    private readonly bool[] _queued;
    private readonly long[] _lastStart;
    private readonly Dictionary<string, SiloSlots> _silos = new(StringComparer.Ordinal);
    private readonly List<SiloSlots> _allSilos = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _job;
    private int _done;
    private int _inFlight;
    private int _totalAttempts;
    private int _reassigned;
    private int _speculative;
    private int _duplicates;
    private int _queuedCount;
    private long _acceptedTicks;
    private int _acceptedTimed;

    private BatchScheduler(IBatchDispatcher dispatcher, BatchSchedulerOptions options, TimeProvider time, IReadOnlyList<BatchWork> batches, IProgress<ClusterProgress>? progress, Action<int, ReadOnlyMemory<byte>>? onAccepted, CancellationToken cancellationToken)
    {
        _onAccepted = onAccepted;
        _dispatcher = dispatcher;
        _options = options;
        _time = time;
        _batches = batches;
        _progress = progress;
        _results = new ReadOnlyMemory<byte>[batches.Count];
        _ranOn = new string[batches.Count];
        _attempts = new int[batches.Count];
        _copies = new int[batches.Count];
        _queued = new bool[batches.Count];
        _lastStart = new long[batches.Count];
        _job = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Runs all batches; returns their encoded results in batch order and a report.</summary>
    /// <param name="dispatcher">Transport to the silos.</param>
    /// <param name="options">Timing and limits.</param>
    /// <param name="time">Clock for polling and the no-silo timeout.</param>
    /// <param name="batches">The job's batches; <see cref="BatchWork.BatchIndex"/> must equal the list position.</param>
    /// <param name="progress">Called, in order and synchronously, after every change; keep it quick.</param>
    /// <param name="onAccepted">Called once per batch (index, encoded result) as it is accepted, from scheduler threads, one at a time.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    public static async Task<(IReadOnlyList<ReadOnlyMemory<byte>> Partials, ClusterRunReport Report)> RunAsync(
        IBatchDispatcher dispatcher,
        BatchSchedulerOptions options,
        TimeProvider time,
        IReadOnlyList<BatchWork> batches,
        IProgress<ClusterProgress>? progress,
        Action<int, ReadOnlyMemory<byte>>? onAccepted,
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

        var scheduler = new BatchScheduler(dispatcher, options, time, batches, progress, onAccepted, cancellationToken);
        return await scheduler.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<(IReadOnlyList<ReadOnlyMemory<byte>>, ClusterRunReport)> ExecuteAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            for (var i = 0; i < _batches.Count; i++)
            {
                EnqueueLocked(i);
            }
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
        return (_results, new ClusterRunReport(_batches.Count, _totalAttempts, _reassigned, _speculative, _duplicates, perSilo, _ranOn));
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

                SpeculateLocked();
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

                long started;
                lock (_gate)
                {
                    _queued[index] = false;
                    _queuedCount--;
                    if (_ranOn[index] is not null)
                    {
                        continue; // A speculative copy whose original has meanwhile finished.
                    }

                    if (++_attempts[index] > _options.MaxAttempts)
                    {
                        Fail(new ClusterJobException($"batch {index} (runs {_batches[index].FromRun}–{_batches[index].ToRun - 1}) was lost {_options.MaxAttempts} times"));
                        return;
                    }

                    _totalAttempts++;
                    _inFlight++;
                    _copies[index]++;
                    started = _lastStart[index] = _time.GetTimestamp();
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
                        _copies[index]--;
                        if (!_job.IsCancellationRequested)
                        {
                            if (_ranOn[index] is null && _copies[index] == 0 && !_queued[index])
                            {
                                _reassigned++;
                                EnqueueLocked(index);
                            }

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

                Accept(index, outcome, started);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Silo dropped or job over.
        }
    }

    private void Accept(int index, BatchOutcome outcome, long started)
    {
        if (outcome.BatchIndex != index || outcome.JobId != _batches[index].JobId)
        {
            Fail(new ClusterJobException($"batch {index}: a silo answered for job {outcome.JobId} batch {outcome.BatchIndex}"));
            return;
        }

        lock (_gate)
        {
            _inFlight--;
            _copies[index]--;
            if (_ranOn[index] is not null)
            {
                _duplicates++; // The other copy of a speculated batch: already counted once, never twice.
                return;
            }

            _acceptedTicks += _time.GetTimestamp() - started;
            _acceptedTimed++;
            _results[index] = outcome.Partial;
            _ranOn[index] = outcome.Silo;
            _done++;
            if (_onAccepted is not null)
            {
                try
                {
                    _onAccepted(index, outcome.Partial);
                }
#pragma warning disable CA1031 // The caller's failure (e.g. a full disk) ends the job with that error.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Fail(ex);
                    return;
                }
            }

            ReportLocked();
            if (_done == _batches.Count)
            {
                _queue.Writer.TryComplete();
                _finished.TrySetResult();
            }
        }
    }

    private void EnqueueLocked(int index)
    {
        _queued[index] = true;
        _queuedCount++;
        _queue.Writer.TryWrite(index);
    }

    // Backup copies for stragglers, as in MapReduce: once nothing is queued and some slot is idle, a batch that has
    // run for much longer than batches usually take is queued again; the first answer wins, the other is ignored.
    // This is what finishes a job whose call hangs (e.g. routed through a silo that just died) without waiting for
    // a response timeout.
    private void SpeculateLocked()
    {
        if (_queuedCount > 0 || _acceptedTimed == 0)
        {
            return;
        }

        var idle = _silos.Values.Sum(s => Math.Max(1, s.Info.Workers)) - _inFlight;
        var typical = _acceptedTicks / _acceptedTimed;
        var threshold = Math.Max(3 * typical, (long)(2 * _options.PollInterval.TotalSeconds * _time.TimestampFrequency));
        var now = _time.GetTimestamp();
        for (var i = 0; i < _batches.Count && idle > 0; i++)
        {
            if (_ranOn[i] is null && !_queued[i] && _copies[i] > 0 && now - _lastStart[i] > threshold)
            {
                _speculative++;
                idle--;
                EnqueueLocked(i);
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
        _progress?.Report(new ClusterProgress(_done, _batches.Count, _inFlight, _silos.Count, _reassigned + _speculative));

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
