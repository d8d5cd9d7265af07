namespace RapiConformance.Server.Faults;

/// <summary>Every fault the server can plant with --fault: an id and the one thing it breaks.</summary>
public static class FaultCatalog
{
    public static IReadOnlyList<(string Id, string Description)> All { get; } =
    [
        (FaultIds.DropField, "GET /2/instances/{name} and bulk lists omit the 'status' field of instances"),
        (FaultIds.WrongType, "nodes report 'mtotal' as a string instead of an integer"),
        (FaultIds.WrongStatus, "successful job submissions answer 202 instead of 200"),
        (FaultIds.InvalidInputAccepted, "a malformed JSON body is taken as no body instead of answered 400 (so body-ignoring writes answer 200)"),
        (FaultIds.LostJob, "every fifth submitted job is never run and stays queued"),
        (FaultIds.StuckJob, "every fourth job stays 'running' forever"),
        (FaultIds.WrongContentType, "responses carry Content-Type text/plain instead of application/json"),
        (FaultIds.NoWwwAuthenticate, "401 answers lack the WWW-Authenticate header"),
        (FaultIds.ReadOnlyCanWrite, "users without the 'write' option may write"),
        (FaultIds.NonAsciiName500, "a name with non-ASCII characters in the path answers 500"),
        (FaultIds.SlowResponse, "every response is delayed by 1.5 s"),
        (FaultIds.TruncatedBody, "bulk list bodies are cut off half-way (invalid JSON)"),
        (FaultIds.DryRunChanges, "dry-run jobs change the cluster anyway"),
        (FaultIds.BulkDisagrees, "the bulk instance list leaves out the last instance of the plain list"),
        (FaultIds.StatusBackwards, "every third job goes back to 'queued' after it finished"),
        (FaultIds.NegativeMemoryAccepted, "instance create/modify accept negative memory sizes and store them"),
        (FaultIds.UnknownBodyMemberAccepted, "unknown body members are silently ignored instead of answered 400"),
        (FaultIds.RenameStateWrong, "after an instance rename the instance is still found under its old name too"),
        (FaultIds.JobIdString, "job ids are answered as JSON strings (\"12\") instead of integers"),
        (FaultIds.UnescapedErrorMessage, "error messages are not HTML-escaped"),
        (FaultIds.Error405, "unsupported methods answer 405 instead of Ganeti's 501"),
    ];

    public static bool Exists(string id) => All.Any(f => f.Id == id);
}
