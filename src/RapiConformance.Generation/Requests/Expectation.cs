namespace RapiConformance.Generation.Requests;

/// <summary>What the target must do with a generated request.</summary>
public enum Expectation
{
    /// <summary>Valid per the spec: 2xx, and a job ends in success or a documented error classification.</summary>
    Accept,

    /// <summary>Invalid per the spec: 4xx with Ganeti's error body, or a job that ends in error.</summary>
    Refuse,

    /// <summary>Valid per the schema but odd (unknown entity, awkward characters): only no 5xx and a documented answer.</summary>
    Robust,
}
