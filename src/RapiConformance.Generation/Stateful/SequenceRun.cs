using RapiConformance.Client;
using RapiConformance.Generation.Oracle;

namespace RapiConformance.Generation.Stateful;

/// <summary>The record of one execution of a sequence: the trace, where it failed and why, and the exchanges of the failing step.</summary>
public sealed record SequenceRun(
    IReadOnlyList<string> Trace,
    int FailedAt,
    Finding? Finding,
    IReadOnlyList<(RapiRequest Request, Exchange Response)> Exchanges,
    int StepsRun,
    string OperationId = "");
