namespace RapiConformance.Load;

/// <summary>The target cannot be loaded as asked (no instance to start, unreachable, refused); one line for the user.</summary>
public sealed class LoadSetupException(string message, Exception? inner = null) : Exception(message, inner);
