namespace RapiConformance.Differential;

/// <summary>
/// One request of the sequence. <see cref="Path"/> may hold tokens such as <c>{instance}</c> that each
/// side resolves to its own names (see <see cref="SideFixture"/>). When <see cref="FollowJob"/> is set the
/// 200 body is a job id and the job is followed to its end on both sides.
/// </summary>
public sealed record DiffStep(
    string Id,
    string OperationId,
    DiffStepKind Kind,
    string Method,
    string Path,
    string? Body = null,
    DiffRole Role = DiffRole.Writer,
    bool FollowJob = false,
    string? ContentType = "application/json",
    string? Capture = null);
