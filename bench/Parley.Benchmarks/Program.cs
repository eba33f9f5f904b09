using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*'
// One lens: --filter '*Conflict*' (each lens's benchmarks live in their own file). Results go to docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
