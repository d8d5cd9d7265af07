namespace RapiConformance.Differential;

/// <summary>Compares what the two sides answered to one step, aspect by aspect (see <see cref="DifferenceKind"/>).</summary>
public static class StepComparer
{
    public static IEnumerable<Difference> Compare(DiffStep step, ObservedResponse a, ObservedResponse b,
        JobOutcome? aJob, JobOutcome? bJob, Func<string, string> normalizeA, Func<string, string> normalizeB)
    {
        Difference D(DifferenceKind kind, string path, string va, string vb) => new(step.Id, step.OperationId, kind, path, va, vb);

        if (a.TransportError is not null || b.TransportError is not null)
        {
            if (a.TransportError is null != (b.TransportError is null))
            {
                yield return D(DifferenceKind.Transport, "", a.TransportError ?? a.Status.ToString(), b.TransportError ?? b.Status.ToString());
            }
            yield break;
        }
        if (a.Status != b.Status)
        {
            yield return D(DifferenceKind.Status, "", a.Status.ToString(), b.Status.ToString());
        }
        if (!SameHeader(a.ContentType, b.ContentType))
        {
            yield return D(DifferenceKind.ContentType, "Content-Type", a.ContentType ?? "(none)", b.ContentType ?? "(none)");
        }
        if (!SameHeader(a.WwwAuthenticate, b.WwwAuthenticate))
        {
            yield return D(DifferenceKind.WwwAuthenticate, "WWW-Authenticate", a.WwwAuthenticate ?? "(none)", b.WwwAuthenticate ?? "(none)");
        }
        var bothErrors = a.Status >= 400 && b.Status >= 400;
        var bothOk = a.Status is >= 200 and < 300 && b.Status is >= 200 and < 300;
        if (bothErrors || bothOk)
        {
            if (a.BodyIsJson != b.BodyIsJson)
            {
                yield return D(bothErrors ? DifferenceKind.ErrorBody : DifferenceKind.FieldType, "$",
                    a.BodyIsJson ? "json" : "not json", b.BodyIsJson ? "json" : "not json");
            }
            else if (a.BodyIsJson)
            {
                var shapeA = JsonShape.Of(a.Json, normalizeA);
                var shapeB = JsonShape.Of(b.Json, normalizeB);
                foreach (var (kind, path, va, vb) in ShapeComparer.Compare(shapeA, shapeB))
                {
                    yield return D(bothErrors ? DifferenceKind.ErrorBody : kind, path, va, vb);
                }
            }
        }
        if (aJob is not null && bJob is not null)
        {
            foreach (var d in CompareJobs(step, aJob, bJob, normalizeA, normalizeB))
            {
                yield return d;
            }
        }
    }

    private static IEnumerable<Difference> CompareJobs(DiffStep step, JobOutcome a, JobOutcome b,
        Func<string, string> normalizeA, Func<string, string> normalizeB)
    {
        Difference D(DifferenceKind kind, string path, string va, string vb) => new(step.Id, step.OperationId, kind, path, va, vb);

        if (a.FinalStatus != b.FinalStatus)
        {
            yield return D(DifferenceKind.JobFinalStatus, "status", a.FinalStatus ?? "(none)", b.FinalStatus ?? "(none)");
        }
        else if (a.ErrorClass != b.ErrorClass || a.Classification != b.Classification)
        {
            yield return D(DifferenceKind.JobFailure, "opresult", $"{a.ErrorClass}/{a.Classification ?? "-"}",
                $"{b.ErrorClass}/{b.Classification ?? "-"}");
        }
        if (JobStatusOrder.IsValid(a.Statuses) != JobStatusOrder.IsValid(b.Statuses))
        {
            yield return D(DifferenceKind.JobStatusSequence, "status", string.Join(">", a.Statuses), string.Join(">", b.Statuses));
        }
        if (a.Job is not null && b.Job is not null && a.FinalStatus == b.FinalStatus)
        {
            foreach (var (kind, path, va, vb) in ShapeComparer.Compare(JsonShape.Of(a.Job, normalizeA), JsonShape.Of(b.Job, normalizeB)))
            {
                yield return D(kind, "job" + path, va, vb);
            }
        }
    }

    private static bool SameHeader(string? a, string? b) =>
        string.Equals(a?.Replace(" ", "", StringComparison.Ordinal), b?.Replace(" ", "", StringComparison.Ordinal),
            StringComparison.OrdinalIgnoreCase);
}
