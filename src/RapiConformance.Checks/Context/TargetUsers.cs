using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>
/// The extra users a target offers for the authorisation checks. Each is optional: a check that needs
/// one that is missing skips and says which option would enable it.
/// </summary>
public sealed record TargetUsers
{
    /// <summary>A user with only the 'read' option.</summary>
    public Credentials? Reader { get; init; }

    /// <summary>A user with no options at all.</summary>
    public Credentials? Plain { get; init; }

    /// <summary>A user whose password is stored as {HA1}md5(user:realm:password).</summary>
    public Credentials? Ha1 { get; init; }
}
