using RapiConformance.Client;
using System.Globalization;
using System.Text.Json;

namespace RapiConformance.Generation.Oracle;

/// <summary>Polls GET /2/jobs/{id} until the job is final (success, error, canceled) or the time-out passes.</summary>
public sealed class JobWaiter(RapiClient sender, TimeSpan timeout)
{
    public static bool TryJobId(string body, out long id)
    {
        id = 0;
        var t = body.Trim();
        if (t.Length > 2 && t[0] == '"' && t[^1] == '"') t = t[1..^1];
        return t.Length > 0 && t.All(char.IsAsciiDigit) && long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    public async Task<(JobOutcome Outcome, Exchange LastResponse, int Polls)> WaitAsync(long jobId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = 2;
        Exchange last;
        var polls = 0;
        while (true)
        {
            last = await sender.SendAsync(RapiRequest.Get($"/2/jobs/{jobId}"), cancellationToken);
            polls++;
            var outcome = Read(jobId, last);
            if (outcome.Finished || DateTime.UtcNow > deadline || last.Status != 200) return (outcome, last, polls);
            await Task.Delay(delay, cancellationToken);
            delay = Math.Min(delay * 2, 100);
        }
    }

    private static JobOutcome Read(long id, Exchange response)
    {
        if (response.Status != 200) return new JobOutcome(id, $"http-{response.Status}", null, null, response.ResponseBody);
        try
        {
            using var doc = JsonDocument.Parse(response.ResponseBody);
            var root = doc.RootElement;
            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "unknown";
            string? errorClass = null, classification = null;
            if (status == "error" && root.TryGetProperty("opresult", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var r in results.EnumerateArray())
                {
                    // Failed opresult: ["OpPrereqError", ["message", "wrong_input"]]
                    if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() != 2 || r[0].ValueKind != JsonValueKind.String) continue;
                    errorClass = r[0].GetString();
                    if (r[1].ValueKind == JsonValueKind.Array && r[1].GetArrayLength() > 1 && r[1][1].ValueKind == JsonValueKind.String)
                        classification = r[1][1].GetString();
                    break;
                }
            }
            return new JobOutcome(id, status, errorClass, classification, response.ResponseBody);
        }
        catch (JsonException)
        {
            return new JobOutcome(id, "unreadable", null, null, response.ResponseBody);
        }
    }
}
