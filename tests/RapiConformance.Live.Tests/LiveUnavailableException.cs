namespace RapiConformance.Live.Tests;

/// <summary>Thrown when the real cluster cannot be used here (not root, no start script, start failed); a [LiveFact] turns it into a skip.</summary>
public sealed class LiveUnavailableException(string reason) : Exception(reason);
