namespace RapiConformance.Generation.Oracle;

/// <summary>Stable ids of what a fuzz case can find; used in reports, the console and docs/fuzz.md.</summary>
public static class FailureKind
{
    /// <summary>A 5xx that the spec does not document for the operation (any 500 counts).</summary>
    public const string ServerError = "server-error";

    /// <summary>The body of a response does not validate against the spec's schema for its status.</summary>
    public const string ResponseNotConforming = "response-not-conforming";

    /// <summary>A 2xx status the spec does not list for the operation.</summary>
    public const string UndocumentedStatus = "undocumented-status";

    /// <summary>A 4xx without Ganeti's error body {code, message, explain}.</summary>
    public const string BadErrorBody = "bad-error-body";

    /// <summary>A request the spec calls invalid was accepted (2xx, and a job that succeeded).</summary>
    public const string InvalidInputAccepted = "invalid-input-accepted";

    /// <summary>A job ended in error with a classification Ganeti does not document.</summary>
    public const string UndocumentedJobError = "undocumented-job-error";

    /// <summary>A job did not reach a final status in time.</summary>
    public const string JobNeverFinished = "job-never-finished";

    /// <summary>The target's state after a step differs from the model's.</summary>
    public const string StateMismatch = "state-mismatch";

    /// <summary>No HTTP answer: connection refused or reset, or a time-out.</summary>
    public const string TransportError = "transport-error";
}
