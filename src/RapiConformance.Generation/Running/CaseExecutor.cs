using RapiConformance.Generation.Http;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;

namespace RapiConformance.Generation.Running;

/// <summary>Sends one case, waits for its job when it started one, and judges everything against the spec.</summary>
public sealed class CaseExecutor(IRapiSender sender, ResponseOracle oracle, TimeSpan jobTimeout)
{
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    public IRapiSender Sender => sender;

    public async Task<CaseOutcome> RunAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        var op = oracle.Catalog.Get(request.OperationId);
        var wire = request.ToWire();
        var response = await sender.SendAsync(wire, cancellationToken);
        Interlocked.Increment(ref _requests);
        var exchanges = new List<(WireRequest, WireResponse)> { (wire, response) };
        var finding = oracle.JudgeResponse(op, request, response);
        JobOutcome? job = null;
        if (finding is null && op.IsJob && response.Status is >= 200 and < 300 && JobWaiter.TryJobId(response.Body, out var id))
        {
            var (outcome, last, polls) = await new JobWaiter(sender, jobTimeout).WaitAsync(id, cancellationToken);
            Interlocked.Add(ref _requests, polls);
            job = outcome;
            exchanges.Add((new WireRequest("GET", $"/2/jobs/{id}", null, null), last));
            finding = oracle.JudgeJob(request, outcome, last);
        }
        return new CaseOutcome(request, response, job, finding, exchanges);
    }
}

/// <summary>A case after it ran: the answer, the job's end (if any) and the finding (null when every property held).</summary>
public sealed record CaseOutcome(FuzzRequest Request, WireResponse Response, JobOutcome? Job, Finding? Finding, IReadOnlyList<(WireRequest Request, WireResponse Response)> Exchanges);
