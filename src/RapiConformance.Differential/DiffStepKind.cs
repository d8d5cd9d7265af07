namespace RapiConformance.Differential;

/// <summary>What a step exercises; the report groups by it.</summary>
public enum DiffStepKind
{
    /// <summary>A documented read that both servers should answer alike.</summary>
    Read,

    /// <summary>A request that must fail the same way (unknown entity, bad input, auth).</summary>
    Error,

    /// <summary>A write both servers can run and undo.</summary>
    Write,

    /// <summary>A write that a fake-hypervisor, diskless cluster refuses inside the job.</summary>
    Refusal,
}
