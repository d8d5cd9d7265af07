namespace RapiConformance.Load.Engine;

/// <summary>One HTTP request of a load run; <see cref="Body"/> is JSON or null.</summary>
public sealed record LoadRequest(HttpMethod Method, string PathAndQuery, string? Body = null, bool IsJob = false);
