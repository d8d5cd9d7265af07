namespace RapiConformance.Runner;

/// <summary>Nothing could connect to the target at all (refused, unknown host): a usage/connection error, exit 2.</summary>
public sealed class TargetUnreachableException(string message) : Exception(message);
