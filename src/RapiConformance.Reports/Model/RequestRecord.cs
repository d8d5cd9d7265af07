namespace RapiConformance.Reports;

/// <summary>A request as sent (the password is never recorded).</summary>
public sealed record RequestRecord(string Method, string Url, string? User, IReadOnlyDictionary<string, string> Headers, string? Body);
