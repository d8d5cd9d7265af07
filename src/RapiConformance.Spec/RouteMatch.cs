namespace RapiConformance.Spec;

/// <summary>
/// The result of matching a concrete request path. <see cref="Operation"/> is null when the path names a
/// resource that exists but lacks the method (Ganeti answers 501); <see cref="ResourceFound"/> is false when
/// no resource matches (404).
/// </summary>
public sealed record RouteMatch(
    bool ResourceFound,
    string? PathTemplate,
    OperationSpec? Operation,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyList<string> AllowedMethods)
{
    public static readonly RouteMatch NotFound = new(false, null, null, new Dictionary<string, string>(), []);
}
