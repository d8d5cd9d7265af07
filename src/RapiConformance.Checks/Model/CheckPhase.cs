namespace RapiConformance.Checks;

/// <summary>
/// When a check runs. Reads run first and concurrently on a quiet cluster (so list/bulk comparisons are
/// not disturbed), then writes concurrently (each on names of its own), then exclusive writes one at a
/// time (they touch shared state such as node roles), then checks that judge what the run recorded.
/// </summary>
public enum CheckPhase { Read, Write, Exclusive, Final }
