namespace RapiConformance.Load.Engine;

/// <summary>The server answered 404 for a job it had just accepted.</summary>
public sealed class JobLostException(long jobId) : Exception($"job {jobId} is unknown to the server");
