using System.Runtime.CompilerServices;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>
/// Every GET of the profile answers 200 for names that exist (a job id for the GETs that submit jobs, and
/// that job finishes). Its traffic is also what the response checks judge for the read operations.
/// </summary>
public sealed class ReadOperationsAnswer : Check
{
    public override string Id => "read-operations-answer";
    public override string Title => "Every read operation answers 200 for existing names";
    public override string Requirement => "GET on each documented resource returns 200 with the documented body; GETs that submit jobs return a job id whose job finishes";
    public override string Source => "reference/resources.md (all GET rows, N4)";

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        foreach (var op in context.Catalog.ForProfile(context.Profile).Where(o => o.Method == "GET" && o.Id != "waitForJobChange"))
        {
            var paths = ExamplePaths.For(op, facts, context.SampleSize);
            if (paths.Count == 0)
            {
                yield return Skip(op.Id, "the target has nothing to name in " + op.PathTemplate);
                continue;
            }
            var problems = new List<string>();
            Exchange? evidence = null;
            foreach (var path in paths)
            {
                if (op.IsJob)
                {
                    var job = await context.SubmitAsync(RapiRequest.Get(path), ct);
                    evidence ??= job.Exchange;
                    if (job.Exchange.Status == 403 && op.Access == Access.Write) { problems.Clear(); evidence = null; break; }
                    if (job.Outcome is null || !job.Outcome.Finished) { problems.Add(job.Problem ?? "job did not finish"); evidence = job.Exchange; }
                    continue;
                }
                var exchange = await context.SendAsync(RapiRequest.Get(path), ct);
                evidence ??= exchange;
                if (exchange.Status == 503 && op.Id == "getInstanceConsole") continue; // Ganeti: the instance is not running
                if (exchange.Status != 200) { problems.Add($"{exchange.Summary}: {CheckContext.Excerpt(exchange.ResponseBody)}"); evidence = exchange; }
            }
            if (evidence is null) yield return Skip(op.Id, "the user may not call this operation (403): it needs the write option");
            else yield return Verdict(op.Id, problems, $"{paths.Count} GET(s) answered 200", evidence);
        }
    }
}
