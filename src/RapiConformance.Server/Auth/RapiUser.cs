namespace RapiConformance.Server.Auth;

/// <summary>One line of the users file: name, password (with its scheme) and options.</summary>
public sealed record RapiUser(string Name, string Password, IReadOnlySet<string> Options)
{
    public bool CanWrite => Options.Contains("write");

    public bool CanRead => Options.Contains("read") || CanWrite;
}
