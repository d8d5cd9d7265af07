namespace RapiConformance.Generation.Oracle;

/// <summary>What a property found wrong with one exchange: a stable kind and a one-line explanation.</summary>
public sealed record Finding(string Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
