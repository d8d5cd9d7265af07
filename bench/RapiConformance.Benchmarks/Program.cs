using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;
using RapiConformance.Benchmarks;

// ./run.sh bench                 every benchmark, BenchmarkDotNet's default job (long: ~30 min on 2 cores)
// ./run.sh bench --quick         every benchmark with the short job (3 warm-ups, 3 iterations): a few minutes
// ./run.sh bench --filter '*Bulk*' --job short    any BenchmarkDotNet option works as usual
// Benchmarks run in process unless --out-of-process is given.
var artifacts = Path.GetFullPath(Environment.GetEnvironmentVariable("RAPI_BENCH_ARTIFACTS") ?? Path.Combine("reports", "bench"));
Directory.CreateDirectory(artifacts);
Environment.SetEnvironmentVariable(BenchFiles.Variable, artifacts); // the benchmark processes inherit it

var list = args.ToList();
if (list.Remove("--quick")) list.AddRange(["--job", "short"]);
if (!list.Contains("--filter") && !list.Contains("-f") && !list.Contains("--list")) list.AddRange(["--filter", "*"]);
// In process by default: BenchmarkDotNet otherwise rebuilds the whole solution for every run, which on a
// busy 2-core machine can take longer than its build time-out. --out-of-process restores the isolation.
if (!list.Remove("--out-of-process") && !list.Contains("--inProcess") && !list.Contains("-i")) list.Add("--inProcess");

var config = DefaultConfig.Instance
    .WithArtifactsPath(artifacts)
    .AddExporter(JsonExporter.Full)
    .WithOptions(ConfigOptions.DisableLogFile);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchFiles).Assembly).Run([.. list], config);
Throughput.Report(summaries, artifacts);
