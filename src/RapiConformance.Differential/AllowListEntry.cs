namespace RapiConformance.Differential;

/// <summary>
/// One documented difference: which operation (or <c>*</c>), which kind (or <c>*</c>), which path (a glob
/// where <c>*</c> matches any text; empty matches every path), optionally which step (its id exactly;
/// empty matches every step), and why it is accepted.
/// </summary>
public sealed class AllowListEntry
{
    public string Operation { get; set; } = "*";

    public string Kind { get; set; } = "*";

    public string Path { get; set; } = "";

    public string Step { get; set; } = "";

    public string Reason { get; set; } = "";
}
