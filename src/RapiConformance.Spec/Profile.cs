namespace RapiConformance.Spec;

/// <summary>A documented version of the RAPI: the operations and shapes one document describes.</summary>
public sealed record Profile
{
    public static readonly Profile V2_0 = new("2.0");
    public static readonly Profile V2_5 = new("2.5");
    public static readonly Profile V3_0 = new("3.0");
    public static readonly IReadOnlyList<Profile> All = [V2_0, V2_5, V3_0];

    private Profile(string name) => Name = name;

    public string Name { get; }

    public static Profile Parse(string text) =>
        TryParse(text, out var profile)
            ? profile
            : throw new ArgumentException($"unknown profile '{text}' (expected 2.0, 2.5 or 3.0)", nameof(text));

    public static bool TryParse(string? text, out Profile profile)
    {
        profile = text?.Trim() switch
        {
            "2.0" or "2" => V2_0,
            "2.5" => V2_5,
            "3.0" or "3" => V3_0,
            _ => null!,
        };
        return profile is not null;
    }

    public override string ToString() => Name;
}
