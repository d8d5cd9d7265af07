namespace RapiConformance.Generation.Running;

/// <summary>Where a fuzz run's writes may act (docs/fuzz.md, "Write scope").</summary>
public enum WriteScope
{
    /// <summary>Anywhere: for the embedded reference server, which is thrown away afterwards.</summary>
    All,

    /// <summary>
    /// Only on entities the fuzzer created (names starting with <see cref="OwnEntities.Prefix"/>); other
    /// writes go with ?dry-run=1 where Ganeti supports it and are left out where it does not. A clean-up
    /// phase removes what the run created.
    /// </summary>
    Own,
}
