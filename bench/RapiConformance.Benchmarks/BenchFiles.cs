namespace RapiConformance.Benchmarks;

/// <summary>Small facts the benchmark processes hand back to the host (payload sizes for MB/s).</summary>
public static class BenchFiles
{
    public const string Variable = "RAPI_BENCH_ARTIFACTS";

    public static void WritePayloadSize(string name, long bytes)
    {
        var dir = Environment.GetEnvironmentVariable(Variable);
        if (dir is null) return;
        File.WriteAllText(Path.Combine(dir, $"payload-{name}.txt"), bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static long? ReadPayloadSize(string dir, string name)
    {
        var path = Path.Combine(dir, $"payload-{name}.txt");
        return File.Exists(path) && long.TryParse(File.ReadAllText(path), out var n) ? n : null;
    }
}
