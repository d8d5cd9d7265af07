namespace RapiConformance.Client;

/// <summary>A RAPI user and password (HTTP Basic). The password never appears in reports.</summary>
public sealed record Credentials(string User, string Password)
{
    /// <summary>Parses "user:password" (the password may itself contain ':').</summary>
    public static Credentials Parse(string text)
    {
        var i = text.IndexOf(':', StringComparison.Ordinal);
        if (i <= 0) throw new FormatException($"expected USER:PASSWORD, got '{text}'");
        return new Credentials(text[..i], text[(i + 1)..]);
    }

    public string BasicHeaderValue() =>
        "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}"));

    public override string ToString() => $"{User}:***";
}
