using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Talks.Tests;

namespace Parley.Web.Tests.Durability;

/// <summary>
/// Runs <c>parley serve</c> as a child process, appends over HTTP, kills it with SIGKILL (no shutdown
/// hooks, no flush), restarts it on the same database and reads every acknowledged append back.
/// </summary>
public sealed class KillNineTests
{
    private const string Talks = "/api/talks/ukraine-talks-2025";

    [Theory, SqliteStore, PostgresStore]
    public async Task AcknowledgedAppends_SurviveKillNine(string kind)
    {
        var dir = Directory.CreateTempSubdirectory("parley-kill-");
        TestStore? pg = null;
        try
        {
            string db;
            if (kind == "sqlite")
            {
                db = Path.Combine(dir.FullName, "kill.db");
            }
            else
            {
                pg = await TestStores.CreateAsync("postgres");
                db = pg.ConnectionString!;
            }

            var acknowledged = new List<string>();
            Dictionary<string, string> tokens;
            using (var first = await Server.StartAsync(db, dir.FullName))
            {
                tokens = first.Tokens;
                using var http = first.Client("RU");
                var tasks = Enumerable.Range(0, 200).Select(async i =>
                {
                    var text = $"durable statement {i}";
                    using var response = await http.PostAsJsonAsync(Talks + "/statements", new { text, @public = true });
                    response.EnsureSuccessStatusCode();
                    lock (acknowledged)
                    {
                        acknowledged.Add(text);
                    }
                });
                await Task.WhenAll(tasks);
                first.Kill();
            }

            using var second = await Server.StartAsync(db, dir.FullName, tokens);
            using var reader = second.Client("observer");
            var texts = new HashSet<string>();
            string? after = null;
            do
            {
                var page = await reader.GetFromJsonAsync<JsonElement>(Talks + "/statements?limit=500" + (after is null ? "" : "&after=" + after));
                foreach (var st in page.GetProperty("items").EnumerateArray())
                {
                    texts.Add(st.GetProperty("text").GetString()!);
                }

                after = page.TryGetProperty("next", out var next) ? next.GetString() : null;
            }
            while (after is not null);

            Assert.Equal(200, acknowledged.Count);
            Assert.Subset(texts, acknowledged.ToHashSet());
        }
        finally
        {
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }

            dir.Delete(recursive: true);
        }
    }

    private sealed class Server : IDisposable
    {
        private readonly Process _process;

        private Server(Process process, Uri address, Dictionary<string, string> tokens)
        {
            _process = process;
            Address = address;
            Tokens = tokens;
        }

        public Uri Address { get; }

        public Dictionary<string, string> Tokens { get; }

        /// <summary>Starts <c>parley serve --demo</c>; on an existing database it issues no tokens, so the earlier ones are passed in.</summary>
        public static async Task<Server> StartAsync(string db, string workingDirectory, Dictionary<string, string>? earlier = null)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "parley.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
            foreach (var arg in new[] { dll, "serve", "--urls", "http://127.0.0.1:0", "--db", db, "--demo", "--format", "json" })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            // --format json prints one indented JSON object (urls, tokens) once the server listens.
            var json = new StringBuilder();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("parley serve exited: " + await process.StandardError.ReadToEndAsync());
                if (json.Length == 0 && !line.StartsWith('{'))
                {
                    continue;
                }

                json.AppendLine(line);
                if (line == "}")
                {
                    break;
                }
            }

            var doc = JsonDocument.Parse(json.ToString()).RootElement;
            var tokens = doc.GetProperty("tokens").EnumerateArray().ToDictionary(
                t => t.GetProperty("kind").GetString() == "party" ? t.GetProperty("party").GetString()! : t.GetProperty("kind").GetString()!,
                t => t.GetProperty("token").GetString()!);
            if (earlier is not null)
            {
                // Re-running --demo on the same database keeps the talks and their tokens: no new ones.
                Assert.Empty(tokens);
                tokens = earlier;
            }

            return new Server(process, new Uri(doc.GetProperty("urls")[0].GetString()!), tokens);
        }

        public HttpClient Client(string role)
        {
            var http = new HttpClient { BaseAddress = Address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
            return http;
        }

        /// <summary>SIGKILL: the process gets no chance to flush or shut down.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
