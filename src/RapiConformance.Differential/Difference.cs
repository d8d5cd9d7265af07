namespace RapiConformance.Differential;

/// <summary>
/// One way the two servers answered a step differently. <see cref="DocumentedBy"/> is set when the
/// spec's x-rapi-notes or the allow-list explains it; such differences are reported apart.
/// </summary>
public sealed record Difference(
    string StepId,
    string OperationId,
    DifferenceKind Kind,
    string Path,
    string A,
    string B,
    string? DocumentedBy = null)
{
    public bool Documented => DocumentedBy is not null;

    public override string ToString() =>
        $"{StepId} [{OperationId}] {Kind} {Path}: a={A} b={B}{(Documented ? $" (documented: {DocumentedBy})" : "")}";
}
