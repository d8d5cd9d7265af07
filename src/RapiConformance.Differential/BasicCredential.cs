namespace RapiConformance.Differential;

/// <summary>A user name and password for HTTP Basic; never printed.</summary>
public sealed record BasicCredential(string User, string Password)
{
    public override string ToString() => $"{User}:***";
}
