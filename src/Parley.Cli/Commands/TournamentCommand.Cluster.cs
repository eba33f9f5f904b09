using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Parley.Cluster.Jobs;
using Parley.Negotiation.Tournaments;

namespace Parley.Cli.Commands;

// `parley tournament … --cluster HOST:PORT`: the pending sessions go to the silos in batches; each batch comes back
// as the sessions' result lines, appended to results.jsonl as it arrives (so --resume works as in-process).
// The job lives here because it reuses this command's config and domain loading; `parley cluster silo` registers it.
internal static partial class TournamentCommand
{
    /// <summary>The silo-side handler for tournament batches.</summary>
    internal static IBatchJobHandler ClusterHandler { get; } = new BatchJobHandler<TournamentJobSpec, TournamentBatch>(TournamentJob.Instance);

    private static void RunOnCluster(string configPath, IReadOnlyList<TournamentSession> sessions, List<TournamentSession> pending, string results,
        string endpoint, string clusterId, int batchSize, TextWriter error, CancellationToken cancel)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var index = sessions.Select((s, i) => (s.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var job = new TournamentJobSpec(Path.GetFullPath(configPath), Fingerprint(LoadSpec(configPath), configPath), [.. pending.Select(p => index[p.Key])]);
        using var stream = new FileStream(results, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        ClusterCommand.RunAsync(TournamentJob.Instance, job, 0, pending.Count, batchSize, endpoint, clusterId, error, (_, batch) =>
        {
            foreach (var line in batch.Lines)
            {
                writer.Write(line);
                writer.Write('\n');
            }

            writer.Flush();
        }, cancel).GetAwaiter().GetResult();
    }

    /// <summary>A tournament's pending sessions: the config (read on the silo, so its files must be at the same path there), the fingerprint of its contents, and which sessions to play.</summary>
    internal sealed record TournamentJobSpec(string ConfigPath, string Fingerprint, int[] Sessions);

    /// <summary>
    /// SHA-256 over the config file and every domain file it names (a folder: its files, by relative path): a silo
    /// whose copy differs in any byte refuses the job instead of playing other sessions under the same numbers.
    /// </summary>
    internal static string Fingerprint(TournamentSpec spec, string configPath)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string name, byte[] bytes)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{bytes.Length}\n"));
            hash.AppendData(bytes);
        }

        Add("config", File.ReadAllBytes(configPath));
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        foreach (var path in spec.Domains.SelectMany(d => d.Paths).Select(p => Path.IsPathRooted(p) ? p : Path.Combine(baseDir, p)))
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    Add(Path.GetRelativePath(path, file).Replace('\\', '/'), File.ReadAllBytes(file));
                }
            }
            else if (File.Exists(path))
            {
                Add(Path.GetFileName(path), File.ReadAllBytes(path));
            }
            else
            {
                Add(path, []);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Result lines (the results.jsonl format) of a batch of sessions, in session order.</summary>
    internal sealed record TournamentBatch(IReadOnlyList<string> Lines);

    internal sealed class TournamentJob : IBatchJob<TournamentJobSpec, TournamentBatch>
    {
        private readonly ConcurrentDictionary<string, Lazy<(TournamentSpec Spec, List<TournamentDomain> Domains, IReadOnlyList<TournamentSession> Sessions, string Fingerprint)>> _loaded = new(StringComparer.Ordinal);

        public static TournamentJob Instance { get; } = new();

        public string Kind => "tournament";

        public TournamentBatch RunBatch(TournamentJobSpec spec, long seed, int fromRun, int toRun)
        {
            // Loading domains (ranking every package) costs more than a batch: once per config per silo.
            var (tournament, domains, sessions, fingerprint) = _loaded.GetOrAdd(spec.ConfigPath, path => new(() =>
            {
                var s = LoadSpec(path);
                var d = LoadDomains(s, path, TextWriter.Null);
                return (s, d, Tournament.Sessions(s, d), Fingerprint(s, path));
            })).Value;
            if (fingerprint != spec.Fingerprint)
            {
                throw new ArgumentException($"{spec.ConfigPath} or one of its domain files differs between this silo and the client (content fingerprint {fingerprint[..12]} here, {spec.Fingerprint[..12]} there)");
            }

            var lines = new List<string>(toRun - fromRun);
            for (var i = fromRun; i < toRun; i++)
            {
                var session = sessions[spec.Sessions[i]];
                using var limit = new CancellationTokenSource();
                if (tournament.SessionSeconds is { } seconds)
                {
                    limit.CancelAfter(TimeSpan.FromSeconds(seconds));
                }

                lines.Add(JsonSerializer.Serialize(Tournament.RunSession(tournament, domains[session.Domain], session, null, limit.Token), Line));
            }

            return new TournamentBatch(lines);
        }

        public TournamentBatch Merge(TournamentBatch left, TournamentBatch right) => new([.. left.Lines, .. right.Lines]);

        public byte[] EncodeSpec(TournamentJobSpec spec)
        {
            using var stream = new MemoryStream();
            using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(spec.ConfigPath);
                w.Write(spec.Fingerprint);
                w.Write(spec.Sessions.Length);
                foreach (var s in spec.Sessions)
                {
                    w.Write(s);
                }
            }

            return stream.ToArray();
        }

        public TournamentJobSpec DecodeSpec(ReadOnlySpan<byte> bytes)
        {
            try
            {
                using var r = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false), Encoding.UTF8);
                var path = r.ReadString();
                var fingerprint = r.ReadString();
                var sessions = new int[r.ReadInt32()];
                for (var i = 0; i < sessions.Length; i++)
                {
                    sessions[i] = r.ReadInt32();
                }

                return new TournamentJobSpec(path, fingerprint, sessions);
            }
            catch (Exception ex) when (ex is EndOfStreamException or OverflowException or OutOfMemoryException)
            {
                throw new ArgumentException("tournament spec: malformed", nameof(bytes), ex);
            }
        }

        public byte[] EncodePartial(TournamentBatch result) => Encoding.UTF8.GetBytes(string.Join('\n', result.Lines));

        public TournamentBatch DecodePartial(ReadOnlySpan<byte> bytes) =>
            new(bytes.IsEmpty ? [] : Encoding.UTF8.GetString(bytes).Split('\n'));
    }
}
