namespace RapiConformance.Server.Faults;

/// <summary>The ids of the planted defects (see <see cref="FaultCatalog"/> for what each one breaks).</summary>
public static class FaultIds
{
    public const string DropField = "drop-field";
    public const string WrongType = "wrong-type";
    public const string WrongStatus = "wrong-status";
    public const string InvalidInputAccepted = "invalid-input-accepted";
    public const string LostJob = "lost-job";
    public const string StuckJob = "stuck-job";
    public const string WrongContentType = "wrong-content-type";
    public const string NoWwwAuthenticate = "no-www-authenticate";
    public const string ReadOnlyCanWrite = "readonly-can-write";
    public const string NonAsciiName500 = "non-ascii-name-500";
    public const string SlowResponse = "slow-response";
    public const string TruncatedBody = "truncated-body";
    public const string DryRunChanges = "dry-run-changes";
    public const string BulkDisagrees = "bulk-disagrees";
    public const string StatusBackwards = "status-backwards";
    public const string NegativeMemoryAccepted = "negative-memory-accepted";
    public const string UnknownBodyMemberAccepted = "unknown-body-member-accepted";
    public const string RenameStateWrong = "rename-state-wrong";
    public const string JobIdString = "job-id-string";
    public const string UnescapedErrorMessage = "unescaped-error-message";
    public const string Error405 = "method-405";
}
