using System.Globalization;

namespace RapiConformance.Spec.Tests;

/// <summary>One capture of shared/reference/samples: the request line, the status and the response body.</summary>
internal sealed record RecordedExchange(string File, string Method, string Target, int Status, string Body, string? RequestBody)
{
    public string Path => Target.Split('?', 2)[0];

    public override string ToString() => $"{System.IO.Path.GetFileName(File)}: {Method} {Target} -> {Status}";

    public static RecordedExchange? Parse(string file)
    {
        var lines = System.IO.File.ReadAllLines(file);
        var request = lines.FirstOrDefault(l => l.StartsWith("### request:", StringComparison.Ordinal));
        var statusIndex = Array.FindIndex(lines, l => l.StartsWith("HTTP/", StringComparison.Ordinal));
        if (request is null || statusIndex < 0) return null;
        var parts = request["### request:".Length..].Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var status = int.Parse(lines[statusIndex].Split(' ')[1], CultureInfo.InvariantCulture);
        var blank = Array.FindIndex(lines, statusIndex, l => l.TrimEnd('\r').Length == 0);
        var body = blank >= 0 && blank + 1 < lines.Length ? lines[blank + 1].TrimEnd('\r') : "";
        var requestBody = lines.FirstOrDefault(l => l.StartsWith("### request body:", StringComparison.Ordinal))?["### request body:".Length..].Trim();
        return new RecordedExchange(file, parts[0], parts[1], status, body, requestBody);
    }

    public static IEnumerable<RecordedExchange> All() =>
        Directory.EnumerateFiles(ReferenceFiles.Samples, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(Parse)
            .OfType<RecordedExchange>();
}
