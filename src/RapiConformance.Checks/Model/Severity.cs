namespace RapiConformance.Checks;

/// <summary>How much a check's requirement binds: a failed Must fails the run, a failed Should only warns.</summary>
public enum Severity { Must, Should }
