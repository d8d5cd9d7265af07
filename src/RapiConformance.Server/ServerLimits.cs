namespace RapiConformance.Server;

/// <summary>
/// The reference server's limits on what one request may carry, in one place (docs/server.md lists them and why).
/// Every limit is enforced when the request arrives, so nothing accepted can later fail to be stored or loaded.
/// </summary>
public static class ServerLimits
{
    /// <summary>
    /// Deepest nesting of a request body (objects and arrays). Ganeti itself has no documented limit (Python's
    /// json module stops near its recursion limit, about 1000); no documented parameter nests deeper than 4.
    /// </summary>
    public const int MaxBodyDepth = 64;

    /// <summary>
    /// Deepest nesting the state store writes and reads: a body's values are stored inside a job (job, opcode
    /// list, opcode, parameter map) and inside an entity (entity, parameter map), so the store allows the body
    /// limit plus room for that wrapping; whatever the parser accepted can always be saved and loaded again.
    /// </summary>
    public const int MaxStoredDepth = MaxBodyDepth + 64;
}
