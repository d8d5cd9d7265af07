using RapiConformance.Client;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using JobOutcome = RapiConformance.Generation.Oracle.JobOutcome;
using JobWaiter = RapiConformance.Generation.Oracle.JobWaiter;

namespace RapiConformance.Generation.Running;

/// <summary>Sends one case, waits for its job when it started one, and judges everything against the spec.</summary>
public sealed class CaseExecutor(RapiClient sender, ResponseOracle oracle, TimeSpan jobTimeout)
{
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    public RapiClient Sender => sender;

    public async Task<CaseOutcome> RunAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        var op = oracle.Catalog.Get(request.OperationId);
        var wire = request.ToWire();
        var response = await sender.SendAsync(wire, cancellationToken);
        Interlocked.Increment(ref _requests);
        var exchanges = new List<(RapiRequest, Exchange)> { (wire, response) };
        var finding = oracle.JudgeResponse(op, request, response);
        JobOutcome? job = null;
        if (finding is null && op.IsJob && response.Status is >= 200 and < 300 && JobWaiter.TryJobId(response.ResponseBody, out var id))
        {
            var (outcome, last, polls) = await new JobWaiter(sender, jobTimeout).WaitAsync(id, cancellationToken);
            Interlocked.Add(ref _requests, polls);
            job = outcome;
            exchanges.Add((RapiRequest.Get($"/2/jobs/{id}"), last));
            finding = oracle.JudgeJob(request, outcome, last);
        }
        return new CaseOutcome(request, response, job, finding, exchanges);
    }
}

/// <summary>A case after it ran: the answer, the job's end (if any) and the finding (null when every property held).</summary>
public sealed record CaseOutcome(FuzzRequest Request, Exchange Response, JobOutcome? Job, Finding? Finding, IReadOnlyList<(RapiRequest Request, Exchange Response)> Exchanges);
